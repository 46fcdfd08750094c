// One measured page load in Chromium: a fresh context (cold cache), CPU throttling through CDP,
// an instrumentation script injected before any page script, then the numbers the page reports.
import { setTimeout as sleep } from 'node:timers/promises';
import { URL } from 'node:url';

import { fileFor } from './server.mjs';
import { fakeLoads, routeTrackers } from './trackers.mjs';

/**
 * Runs in the page before any of its scripts (context.addInitScript). Records first contentful
 * paint, long tasks and layout shifts from document start, and polls every animation frame for the banner: the first
 * frame where the element exists, has a non-zero box, is not `visibility: hidden`/`display: none`
 * and neither it nor an ancestor has opacity 0 (computed style, so a fade-in counts from its
 * first frame). Times are `performance.now()`, i.e. milliseconds since navigation start.
 */
function instrument(probe) {
  const state = { bannerAt: null, fcp: null, longTasks: [], shifts: [] };
  let shown = () => {};
  // Awaited through the DevTools protocol (measurePage), not polled by page.waitForFunction.
  state.banner = new Promise((done) => (shown = done));
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') state.fcp = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) state.shifts.push([entry.startTime, entry.value]);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  if (!probe) return;

  const find = () => {
    const element = document.querySelector(probe.selector);
    if (!element || !probe.shadow) return element;
    return element.shadowRoot ? element.shadowRoot.querySelector(probe.shadow) : null;
  };
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    for (
      let node = element;
      node;
      node = node.parentElement || (node.getRootNode && node.getRootNode().host)
    ) {
      if (node.nodeType === 1 && Number(getComputedStyle(node).opacity) === 0) return false;
    }
    return true;
  };
  const tick = () => {
    const element = find();
    if (element && visible(element)) shown((state.bannerAt = performance.now()));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Total blocking time as Lighthouse computes it: each long task clipped to [from, to], and what
 * lasts over 50 ms of it summed. `from` is first contentful paint (before it no input is
 * expected), `to` the end of the measured window (Lighthouse stops at time to interactive).
 */
export function totalBlockingTime(longTasks, from, to) {
  if (from == null) return null;
  let sum = 0;
  for (const [start, duration] of longTasks) {
    const clipped = Math.min(start + duration, to) - Math.max(start, from);
    if (clipped > 50) sum += clipped - 50;
  }
  return sum;
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ origin: string, library: { page: string, probe: object | null }, storageState?: object,
 *   throttle: number, windowMs: number, expectBanner: boolean, timeoutMs?: number,
 *   beforeNavigation?: (page: import('@playwright/test').Page) => Promise<void> }} options
 *   `beforeNavigation` runs once the page is set up, just before it navigates (profile.mjs starts
 *   tracing there).
 */
export async function measurePage(browser, options) {
  const { origin, library, storageState, throttle, windowMs, expectBanner, timeoutMs = 20_000 } = options;
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript(instrument, library.probe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The library's own files: anything the bench server answered outside /bench/ (the page and
    // its shared body). Whatever the library's file list is, it is what the page asked for.
    // Tracker hosts are other origins, answered by fakes, and never counted.
    const files = new Map(); // URL → file
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== origin || response.status() !== 200) return;
      const file = fileFor(url.pathname);
      if (file && !url.pathname.startsWith('/bench/')) files.set(url.href, file);
    });
    const cdp = await context.newCDPSession(page);
    await routeTrackers(cdp);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await options.beforeNavigation?.(page);

    await page.goto(origin + library.page, { waitUntil: 'load', timeout: timeoutMs });
    if (expectBanner) {
      // Playwright's own waiting (page.waitForFunction) first injects its script into the page: a
      // task of about 150 ms at 4× CPU, right at the load event, which held back any banner not
      // drawn by then (issue 16). The page's own promise, awaited through the protocol, adds nothing.
      const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: `Promise.race([window.__bench.banner, new Promise((_, fail) => setTimeout(() => fail(new Error('no banner within ${timeoutMs} ms')), ${timeoutMs}))])`,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    }
    // Long tasks and layout shifts are counted over the first `windowMs` after navigation start.
    const now = await page.evaluate(() => performance.now());
    if (now < windowMs) await sleep(windowMs - now + 20);
    const state = await page.evaluate(() => ({ ...window.__bench, banner: undefined }));
    // When each file was requested and its response ended, on the banner's clock (performance.now()).
    const timing = new Map(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => [entry.name, { startMs: entry.startTime, endMs: entry.responseEnd }]),
      ),
    );
    const fakes = await page.evaluate(fakeLoads);

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const inWindow = (entries) => entries.filter(([start]) => start < windowMs);
    const longTasks = inWindow(state.longTasks);
    // "To banner": the files whose download was over when the banner became visible — what a
    // first visit must fetch before the visitor sees it (a file fetched later, a chunk for
    // another view or language, does not count).
    const toBanner =
      state.bannerAt === null
        ? null
        : [...files].filter(([href]) => timing.get(href)?.endMs <= state.bannerAt).map(([, file]) => file);
    return {
      bannerMs: state.bannerAt,
      fcpMs: state.fcp,
      longTaskMs: longTasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      longTaskCount: longTasks.filter(([, duration]) => duration > 50).length,
      tbtMs: totalBlockingTime(state.longTasks, state.fcp, windowMs),
      cls: inWindow(state.shifts).reduce((sum, [, value]) => sum + value, 0),
      heapBytes: heap.usedSize,
      files: [...files.values()],
      toBannerFiles: toBanner,
      downloads: [...files].map(([href, file]) => ({ file, ...timing.get(href) })),
      fakes,
      errors,
      context,
      page,
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * A returning visitor's storage: what a first visit leaves (unthrottled) — after the library's own
 * "accept all" where there is a library, with whatever the trackers stored where there is none.
 * Throws when the library's consent cookie is missing afterwards.
 */
export async function returningVisitor(browser, options) {
  const { library } = options;
  const result = await measurePage(browser, {
    ...options,
    throttle: 1,
    expectBanner: Boolean(library.probe),
  });
  try {
    if (library.accept) await result.page.evaluate(library.accept);
    await result.page.waitForTimeout(200);
    const state = await result.context.storageState();
    if (library.cookie && !state.cookies.some((cookie) => cookie.name === library.cookie)) {
      const names = state.cookies.map((cookie) => cookie.name).join(', ') || 'none';
      throw new Error(`no "${library.cookie}" cookie after accepting (cookies: ${names})`);
    }
    return state;
  } finally {
    await result.context.close();
  }
}

/**
 * What makes a measured visit wrong rather than slow: a page error, a banner shown to a returning
 * visitor, trackers that ran (or did not) against the library's `trackers` expectation.
 */
export function visitProblems(library, visit, result) {
  const problems = [];
  const where = `${library.name} (${visit} visit)`;
  if (result.errors.length) problems.push(`${where}: page error: ${result.errors.join('; ')}`);
  if (visit === 'returning' && result.bannerMs !== null) problems.push(`${where}: the banner showed again`);
  const { gtag, tagJs } = result.fakes;
  const expected = library.trackers?.[visit];
  if (expected === 'held' && (gtag > 0 || tagJs > 0)) {
    problems.push(`${where}: a tracker ran before consent (gtag.js ${gtag}×, tag.js ${tagJs}×)`);
  }
  if (expected === 'run' && !(gtag > 0 && tagJs > 0)) {
    problems.push(`${where}: gtag.js and tag.js should both have run (gtag.js ${gtag}×, tag.js ${tagJs}×)`);
  }
  return problems;
}
