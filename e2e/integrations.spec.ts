import type { Page } from '@playwright/test';
import { expect, fakes, storedTrackers, test } from './fixtures';

/**
 * Integrations (I1–I6, R2) in real Chromium: Google Consent Mode v2 in the data layer, GTM events,
 * tags Consentry loads from settings, Yandex Metrica's switches, region rules and advanced mode.
 * Tracker hosts are routed to the fakes in e2e/fakes/.
 */
const SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;

type Signals = Record<(typeof SIGNALS)[number], 'granted' | 'denied'>;

/** All seven signals: the ones named granted (plus security_storage), the rest denied. */
function signals(...granted: string[]): Signals {
  return Object.fromEntries(
    SIGNALS.map((signal) => [
      signal,
      granted.includes(signal) || signal === 'security_storage' ? 'granted' : 'denied',
    ]),
  ) as Signals;
}

const MARKETING = ['ad_storage', 'ad_user_data', 'ad_personalization'];
const PREFERENCES = ['functionality_storage', 'personalization_storage'];

/** The data layer as the page holds it: Arguments objects (gtag commands) marked as such. */
async function dataLayer(page: Page) {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) => {
      const isArguments = Object.prototype.toString.call(entry) === '[object Arguments]';
      return {
        isArguments,
        value: JSON.parse(
          JSON.stringify(isArguments ? Array.from(entry as ArrayLike<unknown>) : entry),
        ) as unknown,
      };
    }),
  );
}

/** The `gtag('consent','update',…)` commands in the data layer, in order. */
async function updates(page: Page): Promise<Record<string, unknown>[]> {
  return (await dataLayer(page))
    .filter(({ isArguments, value }) => {
      const command = value as unknown[];
      return isArguments && command[0] === 'consent' && command[1] === 'update';
    })
    .map(({ value }) => (value as unknown[])[2] as Record<string, unknown>);
}

const ym = (page: Page) =>
  page.evaluate(() => (window as unknown as Record<string, unknown>).disableYaCounter11111111);

test.describe('Google Consent Mode v2 (I1, I2)', () => {
  test('the first dataLayer entry is the default: six signals denied, security_storage granted, wait 500 ms', async ({
    page,
  }) => {
    await page.goto('/e2e/integrations/snippet.html');
    const layer = await dataLayer(page);
    expect(layer[0]).toEqual({
      isArguments: true,
      value: ['consent', 'default', { ...signals(), wait_for_update: 500 }],
    });
    // The pasted snippet's commands follow, still as Arguments objects.
    const commands = layer.filter((entry) => entry.isArguments).map((entry) => (entry.value as unknown[])[0]);
    expect(commands.indexOf('js')).toBeGreaterThan(0);
    expect(commands.indexOf('config')).toBeGreaterThan(commands.indexOf('js'));
    expect(await updates(page)).toEqual([]);
  });

  test('a returning visitor: the update is pushed on load after the default, before gtag.js runs', async ({
    page,
  }) => {
    await page.goto('/e2e/integrations/snippet.html');
    await page.evaluate(() => window.consentry.accept(['analytics']));
    await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);

    await page.reload();
    await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);
    const commands = (await fakes(page)).gtag!;
    const kinds = commands.map((command) => `${String(command[0])} ${String(command[1])}`);
    expect(kinds[0]).toBe('consent default');
    const update = kinds.indexOf('consent update');
    expect(update).toBeGreaterThan(0);
    expect(kinds.filter((kind) => kind === 'consent update')).toHaveLength(1);
    // Everything the page queued for the tag (js, config) came after the update.
    expect(update).toBeLessThan(kinds.findIndex((kind) => kind.startsWith('js ')));
    expect(update).toBeLessThan(kinds.findIndex((kind) => kind.startsWith('config ')));
    expect(commands[update]![2]).toEqual(signals('analytics_storage'));
    // In the data layer the update sits before the snippet's entries, so it was there before
    // the async gtag.js could run.
    expect(await updates(page)).toEqual([signals('analytics_storage')]);
  });

  test('each decision pushes exactly one update with all seven signals', async ({ page }) => {
    await page.goto('/e2e/integrations/no-tags.html');
    const decisions: [string, () => Promise<void>, Signals][] = [
      ['accept all', () => page.locator('[data-consentry-action="accept-all"]').click(), signals(...SIGNALS)],
      ['reject all', () => page.evaluate(() => window.consentry.rejectAll()), signals()],
      [
        'analytics only',
        () => page.evaluate(() => window.consentry.accept(['analytics'])),
        signals('analytics_storage'),
      ],
      [
        'marketing and preferences',
        () => page.evaluate(() => window.consentry.accept(['marketing', 'preferences'])),
        signals(...MARKETING, ...PREFERENCES),
      ],
      ['withdraw with accept([])', () => page.evaluate(() => window.consentry.accept([])), signals()],
      ['accept all again', () => page.evaluate(() => window.consentry.acceptAll()), signals(...SIGNALS)],
      [
        'withdraw analytics in the preferences dialog',
        async () => {
          await page.evaluate(() => window.consentry.showPreferences());
          await page.locator('#cs-cat-analytics').uncheck();
          await page.locator('[data-consentry-action="save"]').click();
        },
        signals(...MARKETING, ...PREFERENCES),
      ],
    ];
    let count = 0;
    for (const [name, decide, expected] of decisions) {
      await test.step(name, async () => {
        await decide();
        await expect.poll(async () => (await updates(page)).length, name).toBe(count + 1);
        await page.waitForTimeout(100);
        const all = await updates(page);
        expect(all, `${name}: one update`).toHaveLength(count + 1);
        expect(all[count], name).toEqual(expected);
        count = all.length;
      });
    }
  });

  test('withdrawal: the update to denied comes before the cookies are deleted (R2)', async ({ page }) => {
    // Every deletion of a tracker cookie records what the data layer held at that moment.
    await page.addInitScript(() => {
      const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
      Object.defineProperty(Document.prototype, 'cookie', {
        ...native,
        set(this: Document, value: string) {
          const text = String(value);
          if (/^\s*_(ga|gcl|ym)/.test(text) && /max-age=0(?!\d)|expires=thu, 01 jan 1970/i.test(text)) {
            const layer = (window as unknown as { dataLayer?: unknown[] }).dataLayer ?? [];
            const found = layer.filter(
              (entry) =>
                Object.prototype.toString.call(entry) === '[object Arguments]' &&
                (entry as unknown[])[0] === 'consent' &&
                (entry as unknown[])[1] === 'update',
            ) as unknown as { 2: Record<string, string> }[];
            const log = JSON.parse(sessionStorage.getItem('e2e-deletions') ?? '[]') as unknown[];
            log.push({
              cookie: text.slice(0, text.indexOf('=')),
              updates: found.length,
              analytics: found[found.length - 1]?.[2].analytics_storage,
            });
            sessionStorage.setItem('e2e-deletions', JSON.stringify(log));
          }
          native.set!.call(this, value);
        },
      });
    });
    await page.goto('/e2e/integrations/snippet.html');
    await page.evaluate(() => window.consentry.acceptAll());
    await expect
      .poll(async () => (await storedTrackers(page)).cookies.map((cookie) => cookie.name).sort())
      .toEqual(['_ga', '_ga_INT1']);
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => window.consentry.rejectAll());
    await reloaded;
    const deletions = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('e2e-deletions') ?? '[]') as Record<string, unknown>[],
    );
    expect(deletions.length).toBeGreaterThan(0);
    expect(new Set(deletions.map((entry) => entry.cookie))).toEqual(new Set(['_ga', '_ga_INT1']));
    // At each deletion exactly two updates had been pushed (accept, then withdraw), the last denying.
    for (const entry of deletions) expect(entry).toMatchObject({ updates: 2, analytics: 'denied' });
    expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
  });
});

test.describe('Google Tag Manager (I4)', () => {
  test('after accept, gtm.js loads once and sees consentry_update; Consentry pushes no gtm.* event but the bootstrap', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/integrations/gtm.html');
    await page.waitForTimeout(1000);
    expect(trackers.requests).toEqual([]);
    await page.evaluate(() => window.consentry.acceptAll());
    await expect.poll(async () => (await fakes(page)).gtmLoads).toBe(1);
    const seen = (await fakes(page)).gtm! as Record<string, unknown>[];
    const granted = { necessary: true, preferences: true, analytics: true, marketing: true };
    expect(seen).toContainEqual({ event: 'consentry_update', consentry: granted });
    expect(seen).toContainEqual({
      event: 'consentry_default',
      consentry: { necessary: true, preferences: false, analytics: false, marketing: false },
    });
    expect(
      await page.evaluate(
        () => (window as unknown as { __fake: { gtmContainers: string[] } }).__fake.gtmContainers,
      ),
    ).toEqual(['GTM-TEST1']);
    const events = (await dataLayer(page))
      .map(({ value }) => (value as { event?: unknown }).event)
      .filter((event) => typeof event === 'string');
    expect(events.filter((event) => /^gtm\./i.test(event as string))).toEqual(['gtm.js']);
    expect(trackers.scripts().filter((script) => script.url.includes('/gtm.js'))).toHaveLength(1);

    // A later decision reaches the running container too, once.
    await page.evaluate(() => window.consentry.accept(['analytics']));
    await expect
      .poll(async () =>
        ((await fakes(page)).gtm! as { event?: string }[]).filter((e) => e.event === 'consentry_update'),
      )
      .toHaveLength(2);
    expect((await fakes(page)).gtmLoads).toBe(1);
  });
});

test.describe('tags from settings (I5)', () => {
  test('nothing before consent; on accept gtag.js and tag.js load once, the counter inits once without Webvisor', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/integrations/tags.html');
    await page.waitForTimeout(1500);
    expect(trackers.requests).toEqual([]);
    expect(await ym(page)).toBe(true);

    await page.evaluate(() => window.consentry.acceptAll());
    await expect.poll(async () => (await fakes(page)).tagJsLoads).toBe(1);
    await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);
    expect(await ym(page)).not.toBe(true);
    const ran = await fakes(page);
    expect(ran.ymInits).toEqual([{ id: 11111111, options: { clickmap: true, webvisor: false } }]);
    expect(ran.ymDisabled ?? []).toEqual([]);
    expect(ran.gtag!.filter((command) => command[0] === 'config')).toEqual([['config', 'G-SETTINGS1']]);
    expect(trackers.scripts().map((script) => script.url)).toEqual([
      'https://www.googletagmanager.com/gtag/js?id=G-SETTINGS1',
      'https://mc.yandex.ru/metrika/tag.js',
    ]);
    await expect
      .poll(() => trackers.hits().some((hit) => hit.url.includes('mc.yandex.ru/watch/11111111')))
      .toBe(true);
    expect(trackers.hits().some((hit) => hit.url.includes('/webvisor/'))).toBe(false);

    // Another decision does not load or init anything a second time.
    await page.evaluate(() => window.consentry.accept(['analytics', 'marketing']));
    await page.waitForTimeout(500);
    expect((await fakes(page)).tagJsLoads).toBe(1);
    expect((await fakes(page)).gtagLoads).toBe(1);
    expect((await fakes(page)).ymInits).toHaveLength(1);

    // Withdrawal: the page reloads and Yandex's switch is on again.
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => window.consentry.rejectAll());
    await reloaded;
    trackers.clear();
    expect(await ym(page)).toBe(true);
    await page.waitForTimeout(1000);
    expect(trackers.requests).toEqual([]);
    expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
  });

  test('Webvisor turned on by the settings: the counter inits with webvisor true', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/integrations/webvisor.html');
    await page.evaluate(() => window.consentry.acceptAll());
    await expect.poll(async () => (await fakes(page)).ymInits?.length ?? 0).toBe(1);
    expect((await fakes(page)).ymInits).toEqual([
      { id: 11111111, options: { clickmap: true, webvisor: true } },
    ]);
    await expect.poll(() => trackers.hits().some((hit) => hit.url.includes('/webvisor/11111111'))).toBe(true);
  });
});

test.describe('region rules (I6)', () => {
  test('RU: Google Analytics is disabled outright, Metrica runs, the record says RU', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/integrations/region.html');
    await page.evaluate(() => window.consentry.acceptAll());
    await expect.poll(async () => (await fakes(page)).tagJsLoads).toBe(1);
    await page.waitForTimeout(1000);
    expect((await fakes(page)).gtagLoads ?? 0).toBe(0);
    expect(trackers.requests.filter((request) => request.url.includes('googletagmanager.com'))).toEqual([]);
    expect(trackers.requests.filter((request) => request.url.includes('google-analytics.com'))).toEqual([]);
    expect((await fakes(page)).ymInits!.map((init) => init.id)).toEqual([11111111]);
    expect(await page.evaluate(() => window.consentry.getConsent()?.region)).toBe('RU');
    expect(await page.evaluate(() => window.consentry.isGranted('analytics'))).toBe(true);

    // Also for a returning visitor.
    await page.reload();
    await expect.poll(async () => (await fakes(page)).tagJsLoads).toBe(1);
    await page.waitForTimeout(500);
    expect((await fakes(page)).gtagLoads ?? 0).toBe(0);
  });
});

test.describe('advanced Consent Mode (I3)', () => {
  test('gtag.js loads before consent but stores no cookie; its pings are cookieless', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/integrations/advanced.html');
    await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);
    await expect
      .poll(() =>
        trackers
          .hits()
          .filter((hit) => hit.url.includes('/g/collect'))
          .map((hit) => hit.url),
      )
      .toEqual([expect.stringContaining('gcs=G100')]);
    await page.waitForTimeout(1000);
    expect(trackers.hits().every((hit) => !hit.url.includes('cid='))).toBe(true);
    expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
    expect(await page.evaluate(() => window.consentry.getConsent())).toBeNull();

    // Granting analytics later lets GA store its cookies.
    await page.evaluate(() => window.consentry.accept(['analytics']));
    await expect
      .poll(async () => (await storedTrackers(page)).cookies.map((cookie) => cookie.name).sort())
      .toEqual(['_ga', '_ga_INT1']);
  });
});
