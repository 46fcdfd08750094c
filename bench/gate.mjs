// `npm run bench:gate` (the gate issue): what the closed gate costs the page's own code.
//   node bench/gate.mjs [--pairs 8] [--rounds 10] [--throttle 1] [--pin main|process|off] [--only dom,cookies,requests]
//
// The same page with and without Consentry, both open side by side in one browser. In every
// round each workload runs once in each page, one right after the other (which goes first
// alternates), and the round's ratio is with ÷ without. Load on the machine drifts over seconds;
// two measurements a few milliseconds apart see the same load, so their ratio cancels it, where
// comparing separate page loads did not (their ratios swung ±0.15 from run to run).
//
// Workloads (bench/pages/gate-tasks.js): 10,000 DOM insertions, 10,000 document.cookie writes,
// 1,000 fetch calls to a host the catalogue does not know, each timed in the page with
// performance.now(), and by the main thread's CPU time (Chromium's ThreadTime metric, read through
// the DevTools protocol around each run). Result per figure: the median of all rounds' ratios with
// a 95 % bootstrap interval. Target ≤ 1.10 for every median; the interval shows how sure that is.
// Each page's main thread runs on a core of its own (lib/pin.mjs) unless --pin says otherwise.
// Prints a Markdown table, writes bench/results/gate.json. Exits 0 on MISS, 1 on failure.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';
import { describeEnvironment } from './lib/environment.mjs';
import { ROOT, startBenchServer } from './lib/server.mjs';
import { calibrate, enableThreadTime, timed } from './lib/cpu.mjs';
import { describePinning, pinMode, pinRenderers } from './lib/pin.mjs';
import { fixed, flag, markdownTable, median, medianInterval, positiveInt } from './lib/stats.mjs';

const PAIRS = positiveInt('pairs', 8);
const ROUNDS = positiveInt('rounds', 10);
const THROTTLE = positiveInt('throttle', 1);
// --pin main (the default), process or off: how the processes are placed (see lib/pin.mjs).
const PIN = pinMode(flag('pin', 'main'));
const TARGET = 1.1;
const SETTLE_MS = 500;
const BATCH = 50;

/**
 * What each page runs; `figures` names what one run returns (one number, or a pair). `perRound`:
 * how many interleaved samples a round takes (the DOM task is short, its samples cheap);
 * `everyRounds`: the fetch task (2–3 s a run) is sampled every second round.
 */
const TASKS = [
  { id: 'dom', count: 10_000, figures: ['dom', 'domCpu'], perRound: 5, everyRounds: 1 },
  {
    id: 'cookies',
    count: 10_000,
    figures: ['cookies', 'cookiesLanded', 'cookiesCpu'],
    perRound: 1,
    everyRounds: 1,
  },
  {
    id: 'requests',
    count: 1_000,
    figures: ['requests', 'fetchCalls', 'requestsCpu'],
    perRound: 1,
    everyRounds: 2,
  },
];
const WORKLOADS = [
  { id: 'dom', label: '10,000 DOM nodes (appendChild + append)' },
  { id: 'domCpu', label: '… main-thread CPU time', cpu: true },
  { id: 'cookies', label: '10,000 document.cookie writes (session + Max-Age), main thread' },
  { id: 'cookiesLanded', label: '… the same writes until the browser has applied them' },
  { id: 'cookiesCpu', label: '… main-thread CPU time', cpu: true },
  { id: 'requests', label: '1,000 fetch() to a non-catalogued URL (batches of 50)' },
  { id: 'requestsCpu', label: '… main-thread CPU time', cpu: true },
  // Not a target: the part of `requests` spent inside the fetch() calls themselves, without the
  // round trips — where a wrapper's own cost would show.
  { id: 'fetchCalls', label: '… of which inside the fetch() calls', derived: true },
];
const VARIANTS = ['without', 'with'];
// --only dom,cookies: a quicker look at some tasks while working on them (the README's figures use all).
const ONLY = flag('only', '').split(',').filter(Boolean);
for (const id of ONLY)
  if (!TASKS.some((task) => task.id === id))
    throw new Error(`--only: no task "${id}" (tasks: ${TASKS.map((task) => task.id).join(', ')})`);
const RUN_TASKS = ONLY.length ? TASKS.filter((task) => ONLY.includes(task.id)) : TASKS;
const RUN_WORKLOADS = WORKLOADS.filter((workload) =>
  RUN_TASKS.some((task) => task.figures.includes(workload.id)),
);

/**
 * Opens one variant as a visitor who refused meets the gate: every guard installed, every tracker
 * closed, and no banner — whose own layout cost is not the gate's (`npm run bench` measures it).
 * Both variants are reloaded once, so both run on an equally warm second load.
 */
async function openVariant(browser, origin, variant) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(`${origin}/bench/gate-${variant}.html`, { waitUntil: 'load' });
  if (variant === 'with') {
    // The script tag records a decision once its deferred file is there: wait for it.
    await page.evaluate(
      () =>
        new Promise((done) => {
          window.consentry.on('change', done);
          window.consentry.rejectAll();
        }),
    );
  }
  await page.reload({ waitUntil: 'load' });
  const state = await page.evaluate(() => ({
    banner: document.querySelector('[data-consentry-root]') !== null,
    gate: Boolean(window.consentry),
    visible: document.visibilityState,
  }));
  if (state.banner) errors.push('the banner showed to a visitor who had refused');
  if (state.gate !== (variant === 'with')) errors.push(`window.consentry is ${state.gate}`);
  // Both pages must run at full speed: a hidden page would be throttled.
  if (state.visible !== 'visible') errors.push(`the page is ${state.visible}`);
  // ThreadTime: the CPU time of the page's main thread (Chromium's thread ticks), which the
  // operating system's scheduling of other processes does not inflate.
  await enableThreadTime(cdp);
  return { variant, context, page, cdp, errors, emptyCpu: 0 };
}

/** Runs one workload once in a page; milliseconds (for requests: [total, inside the calls]). */
function runWorkload(page, id, round) {
  return page.evaluate(
    ({ id, round, counts, batch }) => {
      const bench = window.__gateBench;
      if (id === 'dom') return bench.dom(counts.dom);
      if (id === 'cookies') return bench.cookies(counts.cookies, round);
      return bench.requests(counts.requests, batch);
    },
    {
      id,
      round,
      counts: Object.fromEntries(TASKS.map((task) => [task.id, task.count])),
      batch: BATCH,
    },
  );
}

async function warmUp(page) {
  await page.evaluate(async (batch) => {
    const bench = window.__gateBench;
    await bench.dom(1000);
    await bench.cookies(1000, 0);
    await bench.requests(100, batch);
  }, BATCH);
}

/** One pair of pages: ROUNDS interleaved rounds. Returns the times and the cookie sanity checks. */
async function measurePair(browser, origin, pairIndex) {
  const opened = [];
  try {
    // Which variant is opened (and so warmed) first alternates too.
    for (const variant of pairIndex % 2 ? [...VARIANTS].reverse() : VARIANTS)
      opened.push(await openVariant(browser, origin, variant));
    const pages = Object.fromEntries(opened.map((entry) => [entry.variant, entry]));
    if (PIN && pinRenderers(PIN) < 2)
      throw new Error("--pin: the two pages' renderer processes were not found");
    await sleep(SETTLE_MS);
    for (const entry of opened) await warmUp(entry.page);
    for (const entry of opened) await calibrate(entry);

    const times = Object.fromEntries(
      VARIANTS.map((variant) => [variant, Object.fromEntries(WORKLOADS.map(({ id }) => [id, []]))]),
    );
    let sample = pairIndex;
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Again: a thread started since then by a main thread runs on the main thread's core.
      if (PIN) pinRenderers(PIN);
      for (const task of RUN_TASKS) {
        if (round % task.everyRounds !== 0) continue;
        for (let repeat = 0; repeat < task.perRound; repeat += 1) {
          // Which page goes first alternates from one sample to the next.
          sample += 1;
          for (const variant of sample % 2 ? VARIANTS : [...VARIANTS].reverse()) {
            for (const entry of opened) await entry.page.evaluate(() => window.__gateBench.quiet());
            const [outcome, cpu] = await timed(pages[variant], () =>
              runWorkload(pages[variant].page, task.id, round),
            );
            const result = [outcome, cpu].flat();
            task.figures.forEach((figure, index) => times[variant][figure].push(result[index]));
          }
        }
      }
    }

    const cookies = {};
    for (const entry of opened) {
      if (entry.errors.length) throw new Error(`${entry.variant}: ${entry.errors.join('; ')}`);
      const jar = await entry.context.cookies();
      const stored = (name) => jar.find((cookie) => cookie.name === name);
      // Session cookies pass the gate; an undeclared persistent one is kept for the session only
      // (its lifetime waits for consent, DESIGN.md / G6), so the browser holds it without an expiry.
      cookies[entry.variant] = {
        session: Boolean(stored('bench_s0')),
        persistent: (stored('bench_keep_4')?.expires ?? -1) > 0,
      };
    }
    return { times, cookies };
  } finally {
    for (const entry of opened) await entry.context.close();
  }
}

async function main() {
  const started = Date.now();
  const { server, origin } = await startBenchServer();
  const browser = await chromium.launch({
    executablePath: await findBrowser(),
    // window.gc() for the quiet step between measurements.
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  try {
    const environment = describeEnvironment(browser, 'Consentry gate bench', {
      pairs: PAIRS,
      rounds: ROUNDS,
      cpuThrottling: THROTTLE,
      pinned: PIN,
    });
    console.log(
      `${PAIRS} pairs of pages × ${ROUNDS} rounds; paired samples per workload: ${RUN_TASKS.map((task) => `${task.id} ${(PAIRS * Math.floor(ROUNDS / task.everyRounds) * task.perRound).toLocaleString('en-US')}`).join(', ')}; ${THROTTLE}× CPU throttling; ${describePinning(PIN)}\n`,
    );

    const pairs = [];
    for (let index = 0; index < PAIRS; index += 1) {
      if (process.stdout.isTTY) process.stdout.write(`pair ${index + 1}/${PAIRS}\r`);
      pairs.push(await measurePair(browser, origin, index));
    }
    if (process.stdout.isTTY) process.stdout.write('\n');

    const rows = RUN_WORKLOADS.map((workload) => {
      const series = (variant) => pairs.flatMap((pair) => pair.times[variant][workload.id]);
      const without = series('without');
      const withGate = series('with');
      const ratios = withGate.map((value, index) => value / without[index]);
      const ratio = median(ratios);
      const [low, high] = medianInterval(ratios);
      return {
        ...workload,
        withoutMs: median(without),
        withMs: median(withGate),
        ratio,
        interval: [low, high],
        pass: workload.derived || ratio <= TARGET,
      };
    });
    console.log(
      markdownTable(
        [
          'Workload',
          'Without ms',
          'With Consentry ms',
          'Ratio (median of rounds)',
          '95 % interval',
          `Target ≤ ${TARGET.toFixed(2)}`,
        ],
        rows.map((row) => [
          row.label,
          fixed(row.withoutMs, 1),
          fixed(row.withMs, 1),
          fixed(row.ratio, 3),
          `${fixed(row.interval[0], 3)}–${fixed(row.interval[1], 3)}`,
          row.derived ? '(info)' : row.pass ? 'PASS' : 'MISS',
        ]),
        [1, 2, 3],
      ),
    );

    const baselineWrote = pairs.every(
      (pair) => pair.cookies.without.session && pair.cookies.without.persistent,
    );
    const gateHeld = pairs.every((pair) => pair.cookies.with.session && !pair.cookies.with.persistent);
    console.log(
      `\nSanity: without Consentry both cookie kinds are written: ${baselineWrote ? 'yes' : 'NO'}; ` +
        `with Consentry session cookies pass and the undeclared Max-Age cookie is kept for the session only (G6): ${gateHeld ? 'yes' : 'NO'}`,
    );
    if (!baselineWrote || !gateHeld) process.exitCode = 1;

    const results = {
      environment,
      target: TARGET,
      workloads: rows,
      sanity: { baselineWrote, gateHeld },
      pairs,
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
