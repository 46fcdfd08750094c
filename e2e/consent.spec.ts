import type { BrowserContext, Page } from '@playwright/test';
import { expect, fakes, test, type Trackers } from './fixtures';

/**
 * The consent record (C1–C7, S2) in real Chromium: what is stored, for how long, what a returning
 * visitor, a second tab, a GPC browser, broken settings and a broken cookie get, and what the
 * consent log receives. The pages paste GA4's snippet after Consentry, so "the gate stays closed"
 * is checked on a real tag.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://localhost:${PORT}`;
const SITE = '/e2e/consent/site.html';
const PASTED_GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-CONSENT1';
const DAY_S = 86_400;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const banner = (page: Page) => page.locator('[data-consentry-root] .banner');

/** G3: the preload scanner may fetch a static `<script src>`; nothing may reach a tracker beyond that. */
function unexpected(trackers: Trackers) {
  return trackers.requests.filter((r) => !(r.type === 'script' && r.url === PASTED_GTAG));
}

/** The gate is closed: no tag ran, no tracker was contacted. */
async function expectGateClosed(page: Page, trackers: Trackers) {
  await page.waitForTimeout(1000);
  expect(unexpected(trackers)).toEqual([]);
  expect((await fakes(page)).gtagLoads ?? 0).toBe(0);
}

/** After accept-all on a page with the pasted tag: its hit went out, so none arrives later. */
async function acceptAllAndSettle(page: Page, trackers: Trackers) {
  await page.evaluate(() => window.consentry.acceptAll());
  await expect.poll(() => trackers.hits().some((hit) => hit.url.includes('/g/collect'))).toBe(true);
}

async function consentCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === 'consentry');
}

/** The stored record as JSON (js-cookie URI-encodes the value). */
async function storedJson(context: BrowserContext): Promise<Record<string, unknown>> {
  const cookie = await consentCookie(context);
  expect(cookie, 'the consent cookie').toBeTruthy();
  return JSON.parse(decodeURIComponent(cookie!.value)) as Record<string, unknown>;
}

async function plantCookie(context: BrowserContext, value: string) {
  await context.clearCookies();
  await context.addCookies([{ name: 'consentry', value, url: `${ORIGIN}/` }]);
}

const logKey = () => `e2e-${test.info().testId}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function logged(page: Page, key: string): Promise<Record<string, unknown>[]> {
  const response = await page.request.get(`/__log/${key}`);
  return ((await response.json()) as string[]).map((body) => JSON.parse(body) as Record<string, unknown>);
}

test.describe('persistence (C1)', () => {
  test('a choice survives reload and navigation; the returning visitor sees no banner and the gate opens before any tag runs', async ({
    page,
    trackers,
  }) => {
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    await page.locator('[data-consentry-action="accept-all"]').click();
    await expect(banner(page)).toBeHidden();
    const decided = await page.evaluate(() => window.consentry.getConsent());
    expect(decided?.method).toBe('accept-all');
    // This page's own hit, sent once its tag is released, must arrive before the counting below
    // starts: late, it would be counted as the next page's.
    await expect.poll(() => trackers.hits().filter((hit) => hit.url.includes('/g/collect')).length).toBe(1);

    for (const next of [() => page.reload(), () => page.click('a[href="other.html"]')]) {
      trackers.clear();
      await next();
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => window.consentry.getConsent())).toEqual(decided);
      expect(await page.evaluate(() => window.consentry.isGranted('analytics'))).toBe(true);
      // The UI is not even loaded for a returning visitor.
      await page.waitForTimeout(500);
      await expect(page.locator('[data-consentry-root]')).toHaveCount(0);
      // The pasted gtag.js ran once, and the first command it processed after the default was the
      // update from the stored record: the page's js/config came after it (I2, C1).
      await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);
      const commands = (await fakes(page)).gtag!;
      const index = (first: string, second: unknown) =>
        commands.findIndex((c) => c[0] === first && (second === undefined || c[1] === second));
      expect(index('consent', 'default')).toBe(0);
      expect(index('consent', 'update')).toBeGreaterThan(0);
      expect(index('consent', 'update')).toBeLessThan(index('js', undefined));
      expect(index('consent', 'update')).toBeLessThan(index('config', 'G-CONSENT1'));
      expect(commands[index('consent', 'update')]![2]).toMatchObject({ analytics_storage: 'granted' });
      // So its one hit carried granted analytics storage.
      await expect
        .poll(() =>
          trackers
            .hits()
            .filter((hit) => hit.url.includes('/g/collect'))
            .map((hit) => hit.url),
        )
        .toEqual([expect.stringContaining('gcs=G111')]);
    }
    expect(new URL(page.url()).pathname).toBe('/e2e/consent/other.html');
  });
});

test('a second tab hears a change without reload (C6)', async ({ page, context, pageErrors }) => {
  const other = await context.newPage();
  other.on('pageerror', (error) => pageErrors.push(`other tab: ${String(error)}`));
  await page.goto(SITE);
  await other.goto(SITE);
  await other.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
    const w = window as unknown as { heard: unknown[] };
    w.heard = [];
    window.addEventListener('consentry:change', (event) => {
      const { detail } = event as CustomEvent<{ source: string; record: { method: string } | null }>;
      w.heard.push({ source: detail.source, method: detail.record?.method ?? null });
    });
  });
  expect(await other.evaluate(() => window.consentry.getConsent())).toBeNull();

  await page.locator('[data-consentry-action="accept-all"]').click();
  await expect
    .poll(() => other.evaluate(() => window.consentry.getConsent()?.method ?? null))
    .toBe('accept-all');
  expect(await other.evaluate(() => window.consentry.isGranted('marketing'))).toBe(true);
  expect(await other.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([
    { source: 'sync', method: 'accept-all' },
  ]);
  // The same record in both tabs.
  expect(await other.evaluate(() => window.consentry.getConsent())).toEqual(
    await page.evaluate(() => window.consentry.getConsent()),
  );

  await page.evaluate(() => window.consentry.accept(['analytics']));
  await expect.poll(() => other.evaluate(() => window.consentry.isGranted('marketing'))).toBe(false);
  expect(await other.evaluate(() => window.consentry.getConsent()?.method)).toBe('custom');
  expect(await other.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toHaveLength(2);
  expect(await other.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await other.close();
});

test.describe('Global Privacy Control (C7)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
  });

  test('marketing is refused by default and by accept-all; an explicit opt-in grants it', async ({
    page,
  }) => {
    await page.goto(SITE);
    const snapshot = await page.evaluate(() => window.consentry.getSnapshot());
    expect(snapshot.gpc).toBe(true);
    expect(snapshot.granted.marketing).toBe(false);

    // The UI says the signal was honoured.
    await page.locator('[data-consentry-action="preferences"]').click();
    await expect(page.locator('[data-consentry-root]')).toContainText('Global Privacy Control');
    await page.evaluate(() => window.consentry.hide());

    await page.evaluate(() => window.consentry.acceptAll());
    let record = await page.evaluate(() => window.consentry.getConsent());
    expect(record?.method).toBe('gpc');
    expect(record?.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(await page.evaluate(() => window.consentry.isGranted('marketing'))).toBe(false);

    await page.evaluate(() => window.consentry.accept(['analytics', 'marketing']));
    record = await page.evaluate(() => window.consentry.getConsent());
    expect(record?.method).toBe('custom');
    expect(record?.categories).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(await page.evaluate(() => window.consentry.isGranted('marketing'))).toBe(true);

    // The explicit choice is kept on the next load, GPC still on.
    await page.reload();
    expect(await page.evaluate(() => window.consentry.isGranted('marketing'))).toBe(true);
  });
});

test.describe('bad settings (S2)', () => {
  test('invalid settings: one console error per problem, the banner still shows, the gate stays closed', async ({
    page,
    trackers,
    consoleErrors,
  }) => {
    await page.goto('/e2e/consent/invalid.html');
    await expect(banner(page)).toBeVisible();
    const ours = () => consoleErrors.filter((message) => message.startsWith('consentry:'));
    // The full validation comes with the deferred file, once the page is idle.
    await expect.poll(() => ours().length).toBe(3);
    for (const expected of [
      'settings.cookie.consentDays: 999',
      'settings.ui.layout: "sidebar"',
      'settings.categories.analytics.cookies[0]: "("',
    ]) {
      expect(
        ours().filter((message) => message.includes(expected)),
        `one error for ${expected}`,
      ).toHaveLength(1);
    }
    await expectGateClosed(page, trackers);
    // The visitor can still decide; the banner works.
    await page.locator('[data-consentry-action="reject-all"]').click();
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => window.consentry.getConsent()?.method)).toBe('reject-all');
  });

  test('data-config: settings from a URL are used', async ({ page, trackers, consoleErrors }) => {
    await page.goto('/e2e/consent/remote.html');
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toContainText('Cookies, from remote settings');
    expect(await page.evaluate(() => window.consentry.settings.revision)).toBe('remote-7');
    await expectGateClosed(page, trackers);
    await page.evaluate(() => window.consentry.acceptAll());
    expect(await page.evaluate(() => window.consentry.getConsent()?.categories)).toEqual({
      necessary: true,
      analytics: true,
      video: true,
    });
    await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  test('data-config that answers 404: a clear error, the banner with safe defaults, the gate closed', async ({
    page,
    trackers,
    consoleErrors,
  }) => {
    await page.goto('/e2e/consent/remote-404.html');
    await expect(banner(page)).toBeVisible();
    const ours = consoleErrors.filter((message) => message.startsWith('consentry:'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('could not load settings from /e2e/consent/missing-settings.json');
    expect(ours[0]).toContain('404');
    expect(ours[0]).toContain('safe defaults');
    // Safe defaults: the gdpr preset.
    expect(Object.keys(await page.evaluate(() => window.consentry.getSnapshot().granted))).toEqual([
      'necessary',
      'preferences',
      'analytics',
      'marketing',
    ]);
    await expectGateClosed(page, trackers);
  });
});

test.describe('consent log (C3, C4)', () => {
  test('each record reaches the endpoint exactly once, with the fields of C3 and nothing identifying', async ({
    page,
  }) => {
    const key = logKey();
    await page.goto(`/e2e/consent/log.html?log=${key}`);
    await page.evaluate(() => window.consentry.acceptAll());
    await expect.poll(async () => (await logged(page, key)).length).toBe(1);
    await page.waitForTimeout(50); // decidedAt has millisecond precision
    await page.evaluate(() => window.consentry.accept(['analytics']));
    await expect.poll(async () => (await logged(page, key)).length).toBe(2);

    // Delivered records are not sent again on later loads.
    await page.reload();
    await page.goto(`/e2e/consent/log.html?log=${key}&again`);
    await page.waitForTimeout(1000);
    const [first, second] = await logged(page, key);
    expect(await logged(page, key)).toHaveLength(2);

    expect(first!.id).toBe(second!.id);
    expect(first!.decidedAt).not.toBe(second!.decidedAt);
    expect(second!.firstDecidedAt).toBe(first!.decidedAt);
    expect(first).toMatchObject({
      method: 'accept-all',
      revision: '1',
      language: 'en',
      categories: { necessary: true, analytics: true, marketing: true },
    });
    expect(second).toMatchObject({
      method: 'custom',
      categories: { necessary: true, analytics: true, marketing: false },
    });
    for (const record of [first!, second!]) {
      expect(record.id).toMatch(UUID_V4);
      expect(record.decidedAt).toMatch(ISO_UTC);
      expect(record.sdkVersion).toMatch(/^\d+\.\d+\.\d+/);
      expect(Object.values(record.categories as object).every((flag) => typeof flag === 'boolean')).toBe(
        true,
      );
      // No IP address, user agent or fingerprint; the page URL without its query.
      expect(record.url).toBe(`${ORIGIN}/e2e/consent/log.html`);
      const keys = Object.keys(record).join(' ');
      expect(keys).not.toMatch(/ip|addr|agent|fingerprint|screen|device/i);
      expect(JSON.stringify(record)).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|::1|127\.0\.0\.1/);
    }
  });

  test('a failed send arrives on the next load, and only once', async ({ page }) => {
    const key = logKey();
    await page.request.post(`/__log/${key}/fail?n=1`);
    await page.goto(`/e2e/consent/log.html?log=${key}`);
    await page.evaluate(() => window.consentry.acceptAll());
    const decided = await page.evaluate(() => window.consentry.getConsent());
    await page.waitForTimeout(1000);
    expect(await logged(page, key)).toEqual([]);
    expect((await storedJson(page.context())).u, 'still marked unsent').toBe(1);

    await page.reload();
    await expect.poll(async () => (await logged(page, key)).length).toBe(1);
    expect((await logged(page, key))[0]).toMatchObject({ id: decided!.id, decidedAt: decided!.decidedAt });
    await expect.poll(async () => (await storedJson(page.context())).u).toBeUndefined();

    await page.reload();
    await page.waitForTimeout(1000);
    expect(await logged(page, key)).toHaveLength(1);
  });

  test('a failed send followed by another decision: both arrive on the next load, in order, once each', async ({
    page,
  }) => {
    const key = logKey();
    await page.request.post(`/__log/${key}/fail?n=2`);
    await page.goto(`/e2e/consent/log.html?log=${key}`);
    await page.evaluate(() => window.consentry.acceptAll());
    const first = await page.evaluate(() => window.consentry.getConsent());
    await page.waitForTimeout(500);
    await page.evaluate(() => window.consentry.accept(['analytics']));
    const second = await page.evaluate(() => window.consentry.getConsent());
    await page.waitForTimeout(1000);
    expect(await logged(page, key)).toEqual([]);
    // The newer record replaced the older one in the cookie, which keeps the older one unsent.
    const stored = await storedJson(page.context());
    expect(stored).toMatchObject({ d: second!.decidedAt, u: 1, q: [{ d: first!.decidedAt }] });

    await page.reload();
    await expect.poll(async () => (await logged(page, key)).length).toBe(2);
    const keys = (await logged(page, key)).map((record) => [record.id, record.decidedAt, record.method]);
    expect(keys).toEqual([
      [first!.id, first!.decidedAt, 'accept-all'],
      [second!.id, second!.decidedAt, 'custom'],
    ]);
    await expect.poll(async () => (await storedJson(page.context())).u).toBeUndefined();
    expect((await storedJson(page.context())).q).toBeUndefined();
    expect(await page.evaluate(() => window.consentry.getConsent())).toEqual(second);

    await page.reload();
    await page.waitForTimeout(1000);
    expect(await logged(page, key)).toHaveLength(2);
  });
});

test.describe('a cookie that cannot be trusted means "ask again" (C5, C2)', () => {
  /** A real record, as this version of Consentry writes it. */
  async function realRecord(page: Page, trackers: Trackers) {
    await page.goto(SITE);
    await acceptAllAndSettle(page, trackers);
    const json = await storedJson(page.context());
    await page.context().clearCookies();
    return json;
  }

  const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const DAY_MS = DAY_S * 1000;

  test('corrupt, tampered and oversized cookies: banner, no exception, gate closed', async ({
    page,
    trackers,
    pageErrors,
  }) => {
    const record = await realRecord(page, trackers);
    const decided = Date.parse(record.d as string);

    // Control: the untouched value is believed.
    await plantCookie(page.context(), encode(record));
    await page.goto(SITE);
    expect(await page.evaluate(() => window.consentry.getConsent()?.method)).toBe('accept-all');
    await expect.poll(() => trackers.hits().some((hit) => hit.url.includes('/g/collect'))).toBe(true);

    const cases: Record<string, string> = {
      'not JSON': '%7Bnot-json',
      'random bytes': 'x'.repeat(40),
      'a category that is not a boolean': encode({
        ...record,
        c: { ...(record.c as object), analytics: 'yes' },
      }),
      'an id that is not a UUID': encode({ ...record, i: 'admin' }),
      'an unknown method': encode({ ...record, m: 'z' }),
      'a lifetime beyond 13 months': encode({ ...record, e: new Date(decided + 800 * DAY_MS).toISOString() }),
      'a decision in the future': encode({
        ...record,
        d: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        e: new Date(Date.now() + 60 * DAY_MS).toISOString(),
      }),
      'an expired record': encode({
        ...record,
        f: new Date(Date.now() - 400 * DAY_MS).toISOString(),
        d: new Date(Date.now() - 400 * DAY_MS).toISOString(),
        e: new Date(Date.now() - 35 * DAY_MS).toISOString(),
      }),
      oversized: encode({ ...record, x: 'a'.repeat(3200) }),
    };
    for (const [name, value] of Object.entries(cases)) {
      await test.step(name, async () => {
        // Leave the last page first: its deferred file, arriving late, would read the planted
        // cookie as a withdrawal and reload under the next navigation.
        await page.goto('about:blank');
        await plantCookie(page.context(), value);
        trackers.clear();
        await page.goto(SITE);
        await expect(banner(page), name).toBeVisible();
        expect(await page.evaluate(() => window.consentry.getConsent()), name).toBeNull();
        await expectGateClosed(page, trackers);
        expect(pageErrors, name).toEqual([]);
      });
    }
  });

  test('a changed settings revision asks again (C2)', async ({ page, trackers }) => {
    await page.goto(SITE);
    await acceptAllAndSettle(page, trackers);
    trackers.clear();
    await page.goto('/e2e/consent/revision2.html');
    await expect(banner(page)).toBeVisible();
    expect(await page.evaluate(() => window.consentry.getConsent())).toBeNull();
    await expectGateClosed(page, trackers);
    await page.evaluate(() => window.consentry.acceptAll());
    expect((await storedJson(page.context())).r).toBe('2');
  });
});

test.describe('cookie attributes (C2)', () => {
  async function expectCookie(context: BrowserContext, days: number) {
    const cookie = await consentCookie(context);
    expect(cookie).toMatchObject({
      domain: 'localhost', // first-party, host-only
      path: '/',
      sameSite: 'Lax',
      httpOnly: false,
      secure: false, // http page
    });
    const expected = Date.now() / 1000 + days * DAY_S;
    expect(Math.abs(cookie!.expires - expected)).toBeLessThan(3600);
  }

  test('a consent is kept 365 days, a refusal 182 days, first-party, SameSite=Lax, path /', async ({
    page,
    context,
  }) => {
    await page.goto(SITE);
    await page.locator('[data-consentry-action="accept-all"]').click();
    await expectCookie(context, 365);
    expect((await context.cookies()).filter((cookie) => cookie.name === 'consentry')).toHaveLength(1);

    await context.clearCookies();
    await page.goto(SITE);
    await page.locator('[data-consentry-action="reject-all"]').click();
    await expectCookie(context, 182);

    // A refusal on a subdomain page is host-only too.
    await context.clearCookies();
    await page.goto(`http://www.shop.example.test:${PORT}${SITE}`);
    // An API decision is recorded as soon as the deferred part has arrived (it is fetched at once).
    await page.evaluate(() => window.consentry.rejectAll());
    await expect.poll(async () => (await consentCookie(context))?.domain).toBe('www.shop.example.test');
  });
});
