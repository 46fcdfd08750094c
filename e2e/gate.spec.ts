import type { Page } from '@playwright/test';
import { expect, fakes, storedTrackers, test, type Trackers } from './fixtures';

/**
 * The gate (G1–G6, R2) in real Chromium, on pages whose GA4 and Metrica snippets are pasted
 * unchanged, marked up with type="text/plain", or inserted later by other code. The tracker hosts
 * are routed to fakes that set the real cookies and send the real kinds of hits.
 */
const PASTED_STATIC_SCRIPTS = [
  'https://www.googletagmanager.com/gtag/js?id=G-TEST1234',
  'https://www.googleadservices.com/pagead/conversion_async.js',
];

/** G3: a static <script src> is fetched by the preload scanner; nothing else may reach a tracker. */
function unexpected(trackers: Trackers) {
  return trackers.requests.filter((r) => !(r.type === 'script' && PASTED_STATIC_SCRIPTS.includes(r.url)));
}

/** A decision through the API, resolved once it is recorded (the deferred file carries it out). */
const decide = (page: Page, call: string) =>
  page.evaluate(
    (code) =>
      new Promise<void>((done) => {
        const api = (window as unknown as { consentry: Record<string, (...args: unknown[]) => unknown> })
          .consentry;
        const off = api.on!('change', () => {
          (off as () => void)();
          done();
        });
        if (code === 'acceptAll') api.acceptAll!();
        else if (code === 'rejectAll') api.rejectAll!();
        else api.accept!(code.split(','));
      }),
    call,
  );

for (const name of ['pasted', 'markup']) {
  test.describe(`${name} snippets`, () => {
    test('before a decision nothing runs, is sent or is stored (G1, G2)', async ({
      page,
      trackers,
      pageErrors,
    }) => {
      await page.goto(`/e2e/gate/${name}.html`);
      await page.waitForTimeout(3000);
      expect(unexpected(trackers)).toEqual([]);
      expect(trackers.hits()).toEqual([]);
      const ran = await fakes(page);
      expect(ran.gtagLoads ?? 0).toBe(0);
      expect(ran.tagJsLoads ?? 0).toBe(0);
      expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
      expect(pageErrors).toEqual([]);
    });

    test('accept all: each tag loads once, its queued calls run, its cookies appear (G5)', async ({
      page,
      trackers,
    }) => {
      await page.goto(`/e2e/gate/${name}.html`);
      await decide(page, 'acceptAll');
      await expect
        .poll(async () => (await storedTrackers(page)).cookies.map((c) => c.name).sort())
        .toEqual(['_ga', '_ga_TEST1234', '_ym_d', '_ym_isad', '_ym_uid']);
      const ran = await fakes(page);
      expect(ran.gtagLoads).toBe(1);
      expect(ran.tagJsLoads).toBe(1);
      // The snippets' queued calls were not lost: gtag saw config, Metrica saw init.
      expect(ran.gtag!.some((command) => command[0] === 'config' && command[1] === 'G-TEST1234')).toBe(true);
      expect(ran.ymInits!.map((init) => init.id)).toEqual([12345678]);
      await expect
        .poll(() => trackers.hits().some((hit) => hit.url.includes('google-analytics.com/g/collect')))
        .toBe(true);
      expect(trackers.hits().some((hit) => hit.url.includes('mc.yandex.ru/watch/12345678'))).toBe(true);
      // Each script URL ran at most once.
      const gtagDownloads = trackers.scripts().filter((s) => s.url.includes('/gtag/js'));
      expect(gtagDownloads.length).toBeLessThanOrEqual(2); // preload + release (no HTTP cache with routing)
      expect(
        await page.evaluate(() => (window as unknown as { __fake: { gtagLoads: number } }).__fake.gtagLoads),
      ).toBe(1);
    });

    test('analytics only: Google Analytics and Metrica run, the Google Ads tag never does', async ({
      page,
      trackers,
    }) => {
      await page.goto(`/e2e/gate/${name}.html`);
      trackers.clear();
      await decide(page, 'analytics');
      await expect.poll(async () => (await fakes(page)).tagJsLoads ?? 0).toBe(1);
      await page.waitForTimeout(500);
      expect(trackers.requests.filter((r) => r.url.includes('googleadservices.com'))).toEqual([]);
      expect(await page.evaluate(() => window.consentry.isGranted('marketing'))).toBe(false);
      await page.reload();
      await expect.poll(async () => (await fakes(page)).gtagLoads ?? 0).toBe(1);
      expect(await page.evaluate(() => window.consentry.getConsent()?.method)).toBe('custom');
    });

    test('reject all: nothing runs, now or after a reload', async ({ page, trackers }) => {
      await page.goto(`/e2e/gate/${name}.html`);
      await decide(page, 'rejectAll');
      await page.reload();
      await page.waitForTimeout(1500);
      expect(unexpected(trackers)).toEqual([]);
      expect((await fakes(page)).gtagLoads ?? 0).toBe(0);
      expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
      expect(await page.evaluate(() => window.consentry.getConsent()?.method)).toBe('reject-all');
    });
  });
}

test.describe('withdrawal (R2)', () => {
  const site = `http://www.shop.example.test:${process.env.E2E_PORT ?? 4173}/e2e/gate/pasted.html`;

  test('deletes the cookies on every domain level, reloads, and nothing returns 5 s later', async ({
    page,
    trackers,
  }) => {
    await page.goto(site);
    await decide(page, 'acceptAll');
    await expect.poll(async () => (await storedTrackers(page)).cookies.length).toBeGreaterThanOrEqual(5);
    // The fakes write on the highest domain that accepts a cookie, as GA's cookie_domain 'auto' does.
    expect((await storedTrackers(page)).cookies.map((c) => c.domain)).toContain('.example.test');
    // Planted on the other levels too, as older tags and other subdomains leave them.
    await page.context().addCookies([
      { name: '_ga', value: 'x', domain: 'www.shop.example.test', path: '/' },
      { name: '_ym_uid', value: 'x', domain: '.shop.example.test', path: '/' },
      { name: '_gcl_au', value: 'x', domain: '.example.test', path: '/e2e/gate' },
    ]);
    const reloaded = page.waitForEvent('load');
    await decide(page, 'rejectAll');
    await reloaded;
    trackers.clear();
    expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
    await page.waitForTimeout(5000);
    expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
    expect(unexpected(trackers)).toEqual([]);
    expect((await fakes(page)).gtagLoads ?? 0).toBe(0);
    // I5: Yandex's own switch is on for the pasted counter.
    expect(
      await page.evaluate(() => (window as unknown as Record<string, unknown>).disableYaCounter12345678),
    ).toBe(true);
  });
});

test.describe('tags inserted later by code', () => {
  test('scripts, frames, pixels, beacons, fetch, XHR and storage wait; accepting releases them', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/gate/late.html');
    await page.evaluate(() => (window as unknown as { routeChanged: Promise<void> }).routeChanged);
    await page.waitForTimeout(1000);
    expect(trackers.requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { fetchStatus: number }).fetchStatus)).toBe(204);
    expect(await page.evaluate(() => (window as unknown as { xhrFailed: boolean }).xhrFailed)).toBe(true);
    expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
    // The first-party persistent cookie is only a session cookie for now (G6).
    const visited = (await page.context().cookies()).find((c) => c.name === 'visited');
    expect(visited?.expires).toBe(-1);
    expect((await page.context().cookies()).find((c) => c.name === 'session_only')).toBeTruthy();

    await decide(page, 'acceptAll');
    await expect.poll(async () => (await fakes(page)).tagJsLoads ?? 0).toBe(1);
    await expect.poll(async () => (await fakes(page)).gtagLoads ?? 0).toBe(1);
    const ran = await fakes(page);
    expect(ran.ymInits!.map((init) => init.id)).toEqual([87654321]);
    // I5: Webvisor stays off unless the settings allow it.
    expect(ran.ymInits![0]!.options.webvisor).toBe(false);
    // The iframe and the image got their URLs back.
    await expect
      .poll(() => trackers.requests.some((r) => r.url === 'https://www.youtube.com/embed/abc'))
      .toBe(true);
    expect(trackers.requests.some((r) => r.url.includes('pixel=1'))).toBe(true);
    // Hits made before the decision were dropped, not replayed.
    expect(
      trackers.requests.some(
        (r) => r.url.includes('en=beacon') || r.url.includes('fetch=1') || r.url.includes('xhr=1'),
      ),
    ).toBe(false);
    // The persistent first-party cookie is now written with its lifetime.
    await expect
      .poll(async () => (await page.context().cookies()).find((c) => c.name === 'visited')?.expires ?? -1)
      .toBeGreaterThan(Date.now() / 1000 + 300 * 86400);
  });
});

test.describe('strict CSP', () => {
  test('released scripts carry the page nonce and run with no CSP violation (G7)', async ({ page }) => {
    await page.goto('/e2e/gate/csp.html');
    await page.evaluate(() => window.consentry.acceptAll());
    await expect.poll(async () => (await fakes(page)).gtagLoads ?? 0).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { inlineReleased?: boolean }).inlineReleased),
    ).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});

test.describe('debug mode', () => {
  test('?consentry_debug=1 names every held element, dropped request and held cookie with its category', async ({
    page,
  }) => {
    const logs: string[] = [];
    page.on('console', (message) => logs.push(message.text()));
    await page.goto('/e2e/gate/late.html?consentry_debug=1');
    await page.evaluate(() => (window as unknown as { routeChanged: Promise<void> }).routeChanged);
    expect(logs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^consentry: held script https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-LATE0001 \(analytics\)/,
        ),
        expect.stringMatching(
          /^consentry: held script https:\/\/mc\.yandex\.ru\/metrika\/tag\.js \(analytics\)/,
        ),
        expect.stringMatching(
          /^consentry: held iframe https:\/\/www\.youtube\.com\/embed\/abc \(marketing\)/,
        ),
        expect.stringMatching(
          /^consentry: dropped request https:\/\/www\.google-analytics\.com\/g\/collect.*en=beacon \(analytics\)/,
        ),
        expect.stringMatching(/^consentry: held cookie visited \(undeclared, persistent\)/),
        expect.stringMatching(/^consentry: held storage key _ym_uid \(analytics\)/),
      ]),
    );
  });

  test('without debug mode the console stays quiet', async ({ page }) => {
    const logs: string[] = [];
    page.on('console', (message) => logs.push(message.text()));
    await page.goto('/e2e/gate/late.html');
    await page.evaluate(() => (window as unknown as { routeChanged: Promise<void> }).routeChanged);
    expect(logs.filter((text) => text.startsWith('consentry: held'))).toEqual([]);
  });
});

test.describe('tags inserted after the page has loaded', () => {
  const EXPECTED = [
    'https://www.googletagmanager.com/gtag/js?id=G-APPEND01',
    'https://mc.yandex.ru/metrika/tag.js',
    'https://www.googleadservices.com/pagead/conversion_async.js',
    'https://connect.facebook.net/en_US/fbevents.js',
    'https://api-maps.yandex.ru/frame/v1/?ll=30.3,59.9',
    'https://mc.yandex.ru/watch/1?adjacent=1',
    'https://www.youtube.com/embed/template',
    'https://www.clarity.ms/tag/abc',
    'https://static.hotjar.com/c/hotjar-1.js',
    'https://www.youtube.com/embed/attr',
    'https://mc.yandex.ru/watch/1?attr=1',
  ];

  test('append, insert-then-src, late type, contextual fragments, outerHTML, insertAdjacentHTML, template clones: nothing before consent, everything after', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/gate/after-load.html');
    await page.evaluate(() => (window as unknown as { insertEverything: () => void }).insertEverything());
    await page.waitForTimeout(1500);
    expect(trackers.requests).toEqual([]);
    expect((await fakes(page)).gtagLoads ?? 0).toBe(0);

    await page.evaluate(() => window.consentry.acceptAll());
    await expect
      .poll(() => EXPECTED.filter((url) => !trackers.requests.some((r) => r.url === url)))
      .toEqual([]);
    await expect.poll(async () => (await fakes(page)).gtagLoads ?? 0).toBe(1);
    expect((await fakes(page)).tagJsLoads).toBe(1);
  });

  test('granting only analytics releases only the analytics tags', async ({ page, trackers }) => {
    await page.goto('/e2e/gate/after-load.html');
    await page.evaluate(() => (window as unknown as { insertEverything: () => void }).insertEverything());
    await page.evaluate(() => window.consentry.accept(['analytics']));
    await expect.poll(async () => (await fakes(page)).tagJsLoads ?? 0).toBe(1);
    await page.waitForTimeout(1000);
    const reached = trackers.requests.map((r) => new URL(r.url).hostname);
    expect(reached).toEqual(
      expect.arrayContaining([
        'www.googletagmanager.com',
        'mc.yandex.ru',
        'www.clarity.ms',
        'static.hotjar.com',
      ]),
    );
    for (const marketing of [
      'www.googleadservices.com',
      'connect.facebook.net',
      'www.youtube.com',
      'api-maps.yandex.ru',
    ]) {
      expect(reached).not.toContain(marketing);
    }
  });
});

test.describe('settings that arrive after the tags (data-config)', () => {
  test('tags held under the catalogue are judged again by the settings: a disabled service never runs, a moved one waits for its new category, a declared necessary cookie is written', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/gate/remote.html');
    await expect.poll(() => page.evaluate(() => window.consentry.settings !== undefined)).toBe(true);
    // cart_id is declared necessary by the settings: its persistent write goes through once they arrive.
    await expect
      .poll(async () => (await page.context().cookies()).find((c) => c.name === 'cart_id')?.expires ?? -1)
      .toBeGreaterThan(Date.now() / 1000 + 3600);

    await page.evaluate(() => window.consentry.accept(['analytics']));
    await page.waitForTimeout(1000);
    // Metrica was moved to marketing; Google Analytics is disabled outright.
    expect((await fakes(page)).tagJsLoads ?? 0).toBe(0);
    expect((await fakes(page)).gtagLoads ?? 0).toBe(0);

    await page.evaluate(() => window.consentry.acceptAll());
    await expect.poll(async () => (await fakes(page)).tagJsLoads ?? 0).toBe(1);
    await page.waitForTimeout(500);
    expect((await fakes(page)).gtagLoads ?? 0).toBe(0);
    expect(trackers.hits().filter((hit) => hit.url.includes('google-analytics'))).toEqual([]);
  });
});

test.describe('ways around the gate', () => {
  // Held, then released on consent (as the page's own elements and cookies are).
  const RELEASED = [
    'frame-image',
    'frame-script',
    'frame-natives',
    'shadow-root',
    'shadow-append',
    'set-html-unsafe',
    'declarative-shadow',
    'dom-parser',
    'adopt-node',
    'import-node',
    'named-item',
    'disguise',
    'svg-href',
    'svg-base-val',
    'svg-xlink',
    'svg-markup',
    'srcdoc',
  ];
  // Requests made before consent are dropped, never sent later (G1).
  const DROPPED = ['frame-fetch', 'frame-beacon', 'frame-xhr', 'window-index', 'navigated-frame', 'popup'];
  const escaped = (trackers: Trackers) =>
    trackers.requests.map((request) => new URL(request.url).searchParams.get('escape') ?? request.url);

  test('a fresh frame’s own functions, shadow roots, setHTMLUnsafe, DOMParser, adoptNode, importNode, attributes.setNamedItem, a changed prototype, SVG images, WebSocket and srcdoc: nothing before consent, the held ones after', async ({
    page,
    trackers,
  }) => {
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto('/e2e/gate/escapes.html');
    expect(
      await page.evaluate(() => (window as unknown as { tryEscapes: () => string[] }).tryEscapes()),
    ).toEqual([]);
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { navigatedFrameUsed?: boolean }).navigatedFrameUsed),
      )
      .toBe(true);
    await page.waitForTimeout(1500);
    expect(escaped(trackers)).toEqual([]);
    expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });
    expect(sockets).toEqual([]);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { popupAnswer?: string }).popupAnswer))
      .toBe('default 204');
    expect(
      await page.evaluate(() => (window as unknown as { socketsRefused: string[] }).socketsRefused),
    ).toEqual(['SecurityError', 'SecurityError']);
    // A node cannot take the prototype of another kind of node: it would hide from the gate.
    expect(
      await page.evaluate(() => {
        const state = window as unknown as { disguises: unknown[]; disguisedIsScript: boolean };
        return { attempts: state.disguises, isScript: state.disguisedIsScript };
      }),
    ).toEqual({
      attempts: [
        'TypeError',
        'TypeError',
        false,
        'TypeError',
        'TypeError',
        'TypeError',
        'TypeError',
        'TypeError',
      ],
      isScript: true,
    });

    await decide(page, 'acceptAll');
    await expect.poll(() => RELEASED.filter((name) => !escaped(trackers).includes(name))).toEqual([]);
    await expect
      .poll(async () => (await storedTrackers(page)).cookies.map((cookie) => cookie.name).sort())
      .toEqual(['_ga', '_gid']);
    expect((await storedTrackers(page)).storage).toEqual(['_ym_uid']);
    await page.waitForTimeout(500);
    expect(escaped(trackers).filter((name) => DROPPED.includes(name))).toEqual([]);
    // Each released element ran or loaded once.
    expect(escaped(trackers).sort()).toEqual([...RELEASED].sort());
  });
});

test('a frame of another origin is left alone: reaching for it throws nothing and logs nothing', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/e2e/gate/escapes.html');
  const reached = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.src = `http://other.example.test:${location.port}/e2e/gate/plain.html`;
    document.body.append(frame);
    await new Promise((done) => frame.addEventListener('load', done, { once: true }));
    frame.contentWindow!.postMessage('hello', '*');
    return { window: frame.contentWindow !== null, document: frame.contentDocument };
  });
  expect(reached).toEqual({ window: true, document: null });
  expect(consoleErrors).toEqual([]);
});
