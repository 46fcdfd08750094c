// The libraries compared by run.mjs: the page that loads each as its docs say, how to find its
// banner, how a visitor accepts everything (to make a returning visitor), and its consent cookie.
// `probe.selector` finds the banner; `probe.shadow`, when set, is then looked up in its shadow root.

export const LIBRARIES = [
  {
    id: 'consentry',
    name: 'Consentry',
    page: '/bench/consentry.html',
    probe: { selector: '[data-consentry-root]', shadow: '[data-consentry-action="accept-all"]' },
    cookie: 'consentry',
    accept: () => window.consentry.acceptAll(),
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

/** The same page with no consent manager: the floor for heap, long tasks and layout shift. */
export const BASELINE = { id: 'none', name: '(no consent manager)', page: '/bench/none.html', probe: null };
