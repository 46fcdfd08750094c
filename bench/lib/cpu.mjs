// The main thread's CPU time of a page, for the gate benches: Chromium's ThreadTime metric (thread
// ticks), read through the DevTools protocol. The operating system's scheduling of other processes
// does not inflate it. An entry is { page, cdp, emptyCpu }.
import { median } from './stats.mjs';

/** Starts counting thread ticks for a page's DevTools session. */
export async function enableThreadTime(cdp) {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
}

/** The page's main-thread CPU time so far, in milliseconds. */
async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ThreadTime').value * 1000;
}

/**
 * Main-thread CPU time of one run, without what measuring it costs: the evaluation around it and
 * the metric calls are timed empty (`emptyCpu`, see calibrate) and taken off. Returns [result, ms].
 */
export async function timed(entry, run) {
  const before = await threadTime(entry.cdp);
  const result = await run();
  const cpu = (await threadTime(entry.cdp)) - before - (entry.emptyCpu ?? 0);
  return [result, cpu];
}

/** Sets `emptyCpu`: the median CPU time of an empty measured evaluation in this page (20 of them). */
export async function calibrate(entry) {
  const samples = [];
  entry.emptyCpu = 0;
  for (let index = 0; index < 20; index += 1)
    samples.push((await timed(entry, () => entry.page.evaluate(async () => Promise.resolve(0))))[1]);
  entry.emptyCpu = median(samples);
}
