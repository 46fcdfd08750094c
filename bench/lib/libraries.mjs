// The libraries compared by run.mjs: the page that loads each as its docs say, how to find its
// banner, how a visitor accepts everything (to make a returning visitor), and its consent cookie.
// `probe.selector` finds the banner; `probe.shadow`, when set, is then looked up in its shadow root.
// `trackers`, when set, says whether the page's pasted GA4 and Metrica tags must have run ('run')
// or been held ('held') on each visit; a page that does otherwise is a failed measurement. The peers
// have none: they hold a tag only once its snippet is edited, and the bench pastes them unchanged.

export const LIBRARIES = [
  {
    id: 'consentry',
    name: 'Consentry',
    page: '/bench/consentry.html',
    probe: { selector: '[data-consentry-root]', shadow: '[data-consentry-action="accept-all"]' },
    cookie: 'consentry',
    accept: () => window.consentry.acceptAll(),
    trackers: { first: 'held', returning: 'run' },
  },
  {
    id: 'vanilla-cookieconsent',
    name: 'vanilla-cookieconsent 3.1.0',
    page: '/bench/vanilla-cookieconsent.html',
    probe: { selector: '#cc-main .cm' },
    cookie: 'cc_cookie',
    accept: () => window.CookieConsent.acceptCategory('all'),
  },
  {
    id: 'klaro',
    name: 'klaro 0.7.22',
    page: '/bench/klaro.html',
    probe: { selector: '#klaro .cookie-notice:not(.cookie-notice-hidden)' },
    cookie: 'klaro',
    accept: () => {
      const manager = window.klaro.getManager();
      manager.changeAll(true);
      manager.saveAndApplyConsents();
    },
  },
  {
    id: 'orejime',
    name: 'orejime 3.2.1',
    page: '/bench/orejime.html',
    probe: { selector: '.orejime-Banner' },
    cookie: 'eu-consent',
    accept: () => window.orejime.manager.acceptAll(),
  },
];

/**
 * The same page with no consent manager: the floor for paint, long tasks, heap and layout shift.
 * Its trackers run on every visit; its returning visit carries the cookies they set on the first.
 */
export const BASELINE = {
  id: 'none',
  name: '(no consent manager)',
  page: '/bench/none.html',
  probe: null,
  trackers: { first: 'run', returning: 'run' },
};
