// The gated page's trackers, answered locally: the bench pages carry GA4's gtag.js and Yandex
// Metrica's snippets (bench/pages/_content.html), and their hosts get the e2e tests' fake tags
// (e2e/fakes/README.md), served as e2e/fixtures.ts serves them — cookies.js in front of gtag.js and
// tag.js, any other tracker request answered 204. So the page without a consent manager really runs
// the tags, and a library that holds them is seen doing so. Nothing leaves the machine.
//
// Routed through the DevTools protocol's Fetch domain with URL patterns, not Playwright's
// context.route(): with a route, Playwright pauses every request of the page (the library's own
// files too) for a round trip through this process, which would delay a synchronous script in
// <head>, and so first paint, by more than the page itself does. Here only the tracker hosts pause.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './server.mjs';

/** The same hosts as e2e/fixtures.ts's TRACKER_HOST (every host the requirements name). */
const TRACKER_HOST =
  /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com|mc\.yandex\.[a-z.]+|mc\.webvisor\.(com|org)|yastatic\.net|connect\.facebook\.net|top-fwz1\.mail\.ru|hotjar\.com|clarity\.ms|youtube\.com|api-maps\.yandex\.ru)$/;

/**
 * What the browser pauses (Fetch's wildcards: `*` is any run of characters, the query included).
 * Broader than TRACKER_HOST; a paused request whose host is not a tracker's goes on untouched.
 */
const PATTERNS = [
  'googletagmanager.com',
  'google-analytics.com',
  'analytics.google.com',
  'googleadservices.com',
  'doubleclick.net',
  'googlesyndication.com',
  'mc.yandex.',
  'mc.webvisor.',
  'yastatic.net',
  'connect.facebook.net',
  'top-fwz1.mail.ru',
  'hotjar.com',
  'clarity.ms',
  'youtube.com',
  'api-maps.yandex.ru',
].map((host) => ({ urlPattern: `*://*${host}*`, requestStage: 'Request' }));

const read = (name) => readFileSync(join(ROOT, 'e2e', 'fakes', name), 'utf8');
/** A fake tag, with the cookie helpers it shares with the others in front of it (as e2e/fixtures.ts). */
const fake = (name) => Buffer.from(`${read('cookies.js')}\n${read(name)}`).toString('base64');
const FAKES = [
  [/^https:\/\/www\.googletagmanager\.com\/gtag\/js/, fake('gtag.js')],
  [/^https:\/\/www\.googletagmanager\.com\/gtm\.js/, fake('gtm.js')],
  [/^https:\/\/mc\.yandex\.[a-z.]+\/metrika\/tag\.js/, fake('tag.js')],
];

/**
 * Answers the tracker hosts of a page with the fake tags. Call before the page navigates; `cdp` is
 * the page's DevTools session (context.newCDPSession(page)).
 */
export async function routeTrackers(cdp) {
  cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
    const answer = () => {
      if (!TRACKER_HOST.test(new URL(request.url).hostname)) {
        return cdp.send('Fetch.continueRequest', { requestId });
      }
      const body = FAKES.find(([pattern]) => pattern.test(request.url))?.[1];
      if (body !== undefined) {
        return cdp.send('Fetch.fulfillRequest', {
          requestId,
          responseCode: 200,
          responseHeaders: [{ name: 'content-type', value: 'text/javascript' }],
          body,
        });
      }
      return cdp.send('Fetch.fulfillRequest', {
        requestId,
        responseCode: 204,
        responseHeaders: [{ name: 'access-control-allow-origin', value: '*' }],
      });
    };
    // A page closed meanwhile takes its paused requests with it.
    answer().catch(() => {});
  });
  await cdp.send('Fetch.enable', { patterns: PATTERNS });
}

/** What the fake tags ran in the page: `{ gtag, tagJs }` load counts (0 when held). */
export function fakeLoads() {
  const fake = window.__fake || {};
  return { gtag: fake.gtagLoads || 0, tagJs: fake.tagJsLoads || 0 };
}
