// One measured page load in Chromium: a fresh context (cold cache), CPU throttling through CDP,
// an instrumentation script injected before any page script, then the numbers the page reports.
import { setTimeout as sleep } from 'node:timers/promises';
import { URL } from 'node:url';

import { fileFor } from './server.mjs';

/**
 * Runs in the page before any of its scripts (context.addInitScript). Records long tasks and
 * layout shifts from document start, and polls every animation frame for the banner: the first
 * frame where the element exists, has a non-zero box, is not `visibility: hidden`/`display: none`
 * and neither it nor an ancestor has opacity 0 (computed style, so a fade-in counts from its
 * first frame). Times are `performance.now()`, i.e. milliseconds since navigation start.
 */
function instrument(probe) {
  const state = { bannerAt: null, longTasks: [], shifts: [] };
  window.__bench = state;
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
    if (element && visible(element)) state.bannerAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ origin: string, library: { page: string, probe: object | null }, storageState?: object,
 *   throttle: number, windowMs: number, expectBanner: boolean, timeoutMs?: number }} options
 */
export async function measurePage(browser, options) {
  const { origin, library, storageState, throttle, windowMs, expectBanner, timeoutMs = 20_000 } = options;
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript(instrument, library.probe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const files = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== origin || response.status() !== 200) return;
      const file = fileFor(url.pathname);
      if (file && !url.pathname.startsWith('/bench/')) files.push(file);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

    await page.goto(origin + library.page, { waitUntil: 'load', timeout: timeoutMs });
    if (expectBanner) {
      await page.waitForFunction(() => window.__bench.bannerAt !== null, null, {
        timeout: timeoutMs,
        polling: 100,
      });
    }
    // Long tasks and layout shifts are counted over the first `windowMs` after navigation start.
    const now = await page.evaluate(() => performance.now());
    if (now < windowMs) await sleep(windowMs - now + 20);
    const state = await page.evaluate(() => window.__bench);

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const inWindow = (entries) => entries.filter(([start]) => start < windowMs);
    const longTasks = inWindow(state.longTasks);
    return {
      bannerMs: state.bannerAt,
      longTaskMs: longTasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      longTaskCount: longTasks.filter(([, duration]) => duration > 50).length,
      cls: inWindow(state.shifts).reduce((sum, [, value]) => sum + value, 0),
      heapBytes: heap.usedSize,
      files: [...new Set(files)],
      errors,
      context,
      page,
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
