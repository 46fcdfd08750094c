// `npm run bench:gate` (the gate issue): what the closed gate costs the page's own code.
//   node bench/gate.mjs [--runs 7] [--repeats 5] [--throttle 1]
// The same page with and without Consentry (first visit: nothing granted, gate closed), loaded
// alternately. In each page, after load: 10,000 DOM insertions, 10,000 document.cookie writes
// and 1,000 fetch calls to a host the catalog does not know, each timed in the page with
// performance.now(). Ratio = median(with) ÷ median(without); target ≤ 1.10 for each.
// Prints a Markdown table, writes bench/results/gate.json. Exits 0 on MISS, 1 on failure.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';
import { describeEnvironment } from './lib/environment.mjs';
import { ROOT, startBenchServer } from './lib/server.mjs';
import { fixed, markdownTable, median, positiveInt } from './lib/stats.mjs';

const RUNS = positiveInt('runs', 15);
const REPEATS = positiveInt('repeats', 15);
const THROTTLE = positiveInt('throttle', 1);
const TARGET = 1.1;
const SETTLE_MS = 500;

const WORKLOADS = [
  { id: 'dom', label: '10,000 DOM nodes (appendChild + append)', count: 10_000 },
  { id: 'cookies', label: '10,000 document.cookie writes (session + Max-Age)', count: 10_000 },
  { id: 'requests', label: '1,000 fetch() to a non-catalogued URL (batches of 50)', count: 1_000 },
  // Not a separate workload: the part of `requests` spent inside fetch() calls (no network wait).
  { id: 'fetchCalls', label: '… of which inside the fetch() calls', count: 1_000, derived: true },
];
const BATCH = 50;

/** Loads one page, runs each workload REPEATS times (fetch once) after a small warm-up; medians per page. */
async function measure(browser, origin, variant) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (THROTTLE > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    }
    await page.goto(`${origin}/bench/gate-${variant}.html`, { waitUntil: 'load' });
    // The gate as a visitor who refused meets it: every guard installed, every tracker closed,
    // and no banner — whose own layout cost is not the gate's (the peers bench measures it).
    // Both variants are reloaded once, so both are timed on an equally warm second load.
    if (variant === 'with') await page.evaluate(() => window.consentry.rejectAll());
    await page.reload({ waitUntil: 'load' });
    if (await page.evaluate(() => document.querySelector('[data-consentry-root]') !== null)) {
      errors.push('the banner showed to a visitor who had refused');
    }
    await sleep(SETTLE_MS);

    const result = await page.evaluate(
      async ({ repeats, counts, batch }) => {
        const bench = window.__gateBench;
        await bench.dom(1000);
        await bench.cookies(1000, 0);
        await bench.requests(100, batch);
        const times = { dom: [], cookies: [], requests: [], fetchCalls: [] };
        for (let round = 1; round <= repeats; round += 1) {
          times.dom.push(await bench.dom(counts.dom));
          times.cookies.push(await bench.cookies(counts.cookies, round));
          // 1,000 round trips already average out; once per page keeps the run short.
          if (round === 1) {
            const [total, calling] = await bench.requests(counts.requests, batch);
            times.requests.push(total);
            times.fetchCalls.push(calling);
          }
        }
        return { times, cookie: document.cookie, gate: Boolean(window.consentry) };
      },
      {
        repeats: REPEATS,
        counts: Object.fromEntries(WORKLOADS.map((workload) => [workload.id, workload.count])),
        batch: BATCH,
      },
    );
    if (errors.length) throw new Error(`${variant}: ${errors.join('; ')}`);
    if ((variant === 'with') !== result.gate)
      throw new Error(`${variant}: window.consentry is ${result.gate}`);
    const jar = await context.cookies();
    const stored = (name) => jar.find((cookie) => cookie.name === name);
    return {
      ...Object.fromEntries(Object.entries(result.times).map(([id, list]) => [id, median(list)])),
      all: result.times,
      // Sanity: session cookies pass the gate; an undeclared persistent one is kept for the session
      // only (its lifetime waits for consent, DESIGN.md / G6), so the browser holds it without an expiry.
      sessionCookieWritten: Boolean(stored('bench_s0')),
      persistentCookieWritten: (stored('bench_keep_4')?.expires ?? -1) > 0,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const started = Date.now();
  const { server, origin } = await startBenchServer();
  const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS });
  try {
    const environment = describeEnvironment(browser, 'Consentry gate bench', {
      runs: RUNS,
      repeats: REPEATS,
      cpuThrottling: THROTTLE,
    });
    console.log(
      `${RUNS} page loads per variant, alternating; in each, after a warm-up, median of ${REPEATS} repeats (fetch: once); ${THROTTLE}× CPU throttling\n`,
    );

    const samples = { with: [], without: [] };
    for (let run = 0; run < RUNS; run += 1) {
      if (process.stdout.isTTY) process.stdout.write(`run ${run + 1}/${RUNS}\r`);
      // Alternate which variant goes first, so drift affects both alike.
      const order = run % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      for (const variant of order) samples[variant].push(await measure(browser, origin, variant));
    }
    if (process.stdout.isTTY) process.stdout.write('\n');

    const rows = WORKLOADS.map((workload) => {
      const without = median(samples.without.map((sample) => sample[workload.id]));
      const withGate = median(samples.with.map((sample) => sample[workload.id]));
      const ratio = withGate / without;
      return {
        ...workload,
        withoutMs: without,
        withMs: withGate,
        ratio,
        pass: workload.derived || ratio <= TARGET,
      };
    });
    console.log(
      markdownTable(
        ['Workload', 'Without ms', 'With Consentry ms', 'Ratio', `Target ≤ ${TARGET.toFixed(2)}`],
        rows.map((row) => [
          row.label,
          fixed(row.withoutMs, 1),
          fixed(row.withMs, 1),
          fixed(row.ratio, 3),
          row.derived ? '(info)' : row.pass ? 'PASS' : 'MISS',
        ]),
        [1, 2, 3],
      ),
    );
    const gateHeld = samples.with.every(
      (sample) => sample.sessionCookieWritten && !sample.persistentCookieWritten,
    );
    const baselineWrote = samples.without.every(
      (sample) => sample.sessionCookieWritten && sample.persistentCookieWritten,
    );
    console.log(
      `\nSanity: without Consentry both cookie kinds are written: ${baselineWrote ? 'yes' : 'NO'}; ` +
        `with Consentry session cookies pass and the undeclared Max-Age cookie is kept for the session only (G6): ${gateHeld ? 'yes' : 'NO'}`,
    );

    const results = {
      environment,
      target: TARGET,
      workloads: rows,
      sanity: { baselineWrote, gateHeld },
      samples,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    const out = join(ROOT, 'bench', 'results', 'gate.json');
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${relative(process.cwd(), out)} (${results.durationSeconds} s)`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
