import { readFileSync } from 'node:fs';
import { test as base, expect, type BrowserContext, type Page, type Request } from '@playwright/test';

/**
 * Every analytics and advertising host the requirements name (G1), routed to local fakes that
 * behave like the real tags (e2e/fakes/README.md). Nothing leaves the machine.
 */
const TRACKER_HOST =
  /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com|mc\.yandex\.[a-z.]+|mc\.webvisor\.(com|org)|yastatic\.net|connect\.facebook\.net|top-fwz1\.mail\.ru|hotjar\.com|clarity\.ms|youtube\.com|api-maps\.yandex\.ru)$/;

const read = (name: string) => readFileSync(new URL(`./fakes/${name}`, import.meta.url), 'utf8');
/** A fake tag, with the cookie helpers it shares with the others in front of it. */
const fake = (name: string) => `${read('cookies.js')}\n${read(name)}`;
const FAKES: [RegExp, string][] = [
  [/^https:\/\/www\.googletagmanager\.com\/gtag\/js/, fake('gtag.js')],
  [/^https:\/\/www\.googletagmanager\.com\/gtm\.js/, fake('gtm.js')],
  [/^https:\/\/mc\.yandex\.[a-z.]+\/metrika\/tag\.js/, fake('tag.js')],
];

export interface TrackerRequest {
  readonly url: string;
  readonly type: string;
  readonly method: string;
}

/** Every request that tried to reach a tracker host, as the browser made it. */
export class Trackers {
  readonly requests: TrackerRequest[] = [];

  static async route(context: BrowserContext): Promise<Trackers> {
    const trackers = new Trackers();
    await context.route(
      (url) => TRACKER_HOST.test(url.hostname),
      async (route) => {
        const request: Request = route.request();
        trackers.requests.push({
          url: request.url(),
          type: request.resourceType(),
          method: request.method(),
        });
        const body = FAKES.find(([pattern]) => pattern.test(request.url()))?.[1];
        if (body !== undefined) {
          await route.fulfill({ status: 200, contentType: 'text/javascript', body });
        } else {
          await route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
        }
      },
    );
    return trackers;
  }

  /** Hits: everything but the download of a script file. */
  hits(): TrackerRequest[] {
    return this.requests.filter((request) => request.type !== 'script');
  }

  scripts(): TrackerRequest[] {
    return this.requests.filter((request) => request.type === 'script');
  }

  clear() {
    this.requests.length = 0;
  }
}

export const ANALYTICS_COOKIE = /^(_ga|_ga_.*|_gid|_gat.*|_gac_.*|_gcl_.*|_dc_gtm_.*|_ym.*)$/;
export const ANALYTICS_STORAGE_KEY = /^(_ym|_ga|_gcl)/;

/** What the page keeps of the visitor: cookies from the browser's jar (all domains), storage keys. */
export async function storedTrackers(page: Page) {
  const cookies = (await page.context().cookies()).filter((cookie) => ANALYTICS_COOKIE.test(cookie.name));
  const storage: string[] = await page.evaluate(() =>
    [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) =>
      /^(_ym|_ga|_gcl)/.test(key),
    ),
  );
  return { cookies, storage };
}

/** `window.__fake` of the fake tags: what ran, what they recorded. */
export async function fakes(page: Page) {
  return page.evaluate(() => {
    const f = ((window as unknown as { __fake?: Record<string, unknown> }).__fake ?? {}) as Record<
      string,
      unknown
    >;
    return JSON.parse(JSON.stringify(f)) as {
      gtagLoads?: number;
      gtmLoads?: number;
      tagJsLoads?: number;
      gtag?: unknown[][];
      gtm?: unknown[];
      ym?: unknown[][];
      ymInits?: { id: number; options: Record<string, unknown> }[];
      ymDisabled?: unknown[];
    };
  });
}

interface Fixtures {
  trackers: Trackers;
  pageErrors: string[];
  consoleErrors: string[];
}

/**
 * The base test: tracker hosts routed, and any uncaught page error fails the test (STYLE.md).
 */
export const test = base.extend<Fixtures>({
  // Automatic: no test may reach a real tracker host, whether it asks for the recorder or not.
  trackers: [
    async ({ context }, use) => {
      await use(await Trackers.route(context));
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use(errors);
  },
});

export { expect };
