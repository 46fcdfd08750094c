// `npm run bench` (issue 7): Consentry against vanilla-cookieconsent, Klaro and Orejime in Chromium.
//   node bench/run.mjs [--runs 10] [--throttle 4] [--window 3000]
// First and returning visit: bytes of each library's own files, time to a visible banner under
// CPU throttling, long tasks, layout shift and JS heap. Prints Markdown tables and PASS/MISS per
// target, writes bench/results/latest.json. Exits 0 on MISS, 1 when a measurement fails.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';
import { sizes, total } from './lib/compress.mjs';
import { BASELINE, LIBRARIES } from './lib/libraries.mjs';
import { measurePage } from './lib/page.mjs';
import { describeEnvironment } from './lib/environment.mjs';
import { ROOT, startBenchServer } from './lib/server.mjs';
import { fixed, int, markdownTable, max, median, positiveInt } from './lib/stats.mjs';

const RUNS = positiveInt('runs', 10);
const THROTTLE = positiveInt('throttle', 4);
const WINDOW_MS = positiveInt('window', 3000);
const BASELINE_RUNS = Math.min(RUNS, 5);
const KB = 1000; // kB as in reference/peers.md: 1 kB = 1,000 bytes.

const TARGETS = {
  returningBrotli: 5 * KB,
  firstVisitBrotli: 12 * KB,
  timeVsFastestPeer: 0.8,
};

async function main() {
  const started = Date.now();
  const { server, origin } = await startBenchServer();
  const executablePath = await findBrowser();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const environment = describeEnvironment(browser, 'Consentry bench', {
      runs: RUNS,
      cpuThrottling: THROTTLE,
      windowMs: WINDOW_MS,
    });
    console.log(
      `${RUNS} runs per library and visit (median), ${THROTTLE}× CPU throttling, long tasks and CLS over the first ${WINDOW_MS} ms\n`,
    );

    const failures = [];
    const samples = new Map(LIBRARIES.map((library) => [library.id, { first: [], returning: [] }]));
    samples.set(BASELINE.id, { first: [], returning: [] });
    const storage = new Map();

    const common = { origin, throttle: THROTTLE, windowMs: WINDOW_MS };
    const record = (library, visit, result) => {
      const { context: _context, page: _page, ...numbers } = result;
      if (numbers.errors.length) {
        failures.push(`${library.name} (${visit} visit): page error: ${numbers.errors.join('; ')}`);
      }
      if (visit === 'returning' && numbers.bannerMs !== null) {
        failures.push(`${library.name}: the banner showed again on a returning visit`);
      }
      samples.get(library.id)[visit].push(numbers);
    };

    // A returning visitor: accept everything once, keep that context's cookies.
    for (const library of LIBRARIES) {
      try {
        const result = await measurePage(browser, { ...common, library, throttle: 1, expectBanner: true });
        await result.page.evaluate(library.accept);
        await result.page.waitForTimeout(200);
        const state = await result.context.storageState();
        await result.context.close();
        if (!state.cookies.some((cookie) => cookie.name === library.cookie)) {
          throw new Error(
            `no "${library.cookie}" cookie after accepting (cookies: ${state.cookies.map((c) => c.name).join(', ') || 'none'})`,
          );
        }
        storage.set(library.id, state);
      } catch (error) {
        failures.push(`${library.name}: could not prepare a returning visitor: ${error.message}`);
      }
    }

    // Round-robin over libraries within each run, so that drift in machine load hits all alike.
    for (let run = 0; run < RUNS; run += 1) {
      if (process.stdout.isTTY) process.stdout.write(`run ${run + 1}/${RUNS}\r`);
      for (const library of LIBRARIES) {
        for (const visit of ['first', 'returning']) {
          if (visit === 'returning' && !storage.has(library.id)) continue;
          try {
            const result = await measurePage(browser, {
              ...common,
              library,
              storageState: visit === 'returning' ? storage.get(library.id) : undefined,
              expectBanner: visit === 'first',
            });
            await result.context.close();
            record(library, visit, result);
          } catch (error) {
            failures.push(
              `${library.name} (${visit} visit, run ${run + 1}): ${error.message.split('\n')[0]}`,
            );
          }
        }
      }
      if (run < BASELINE_RUNS) {
        try {
          const result = await measurePage(browser, { ...common, library: BASELINE, expectBanner: false });
          await result.context.close();
          record(BASELINE, 'first', result);
        } catch (error) {
          failures.push(`baseline page: ${error.message.split('\n')[0]}`);
        }
      }
    }
    if (process.stdout.isTTY) process.stdout.write('\n');

    const summaries = [...LIBRARIES, BASELINE].map((library) => summarize(library, samples.get(library.id)));
    const results = { environment, targets: TARGETS, libraries: summaries, failures };
    const checks = report(summaries);
    results.checks = checks;
    results.durationSeconds = Math.round((Date.now() - started) / 1000);

    const out = join(ROOT, 'bench', 'results', 'latest.json');
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${relative(process.cwd(), out)} (${results.durationSeconds} s)`);

    if (failures.length) {
      console.error(`\n${failures.length} measurement(s) failed:`);
      for (const failure of failures) console.error(`- ${failure}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    server.close();
  }
}

function summarizeVisit(list) {
  if (list.length === 0) return null;
  // Which files a visit loads does not vary between runs; take the union to be safe.
  const files = [...new Set(list.flatMap((sample) => sample.files))];
  return {
    runs: list.length,
    files: files.map((file) => ({ path: relative(ROOT, file), ...sizes(file) })),
    bytes: total(files),
    bannerMs: median(list.map((sample) => sample.bannerMs)),
    bannerMsAll: list.map((sample) => sample.bannerMs),
    longTaskMs: median(list.map((sample) => sample.longTaskMs)),
    longTaskMsMax: max(list.map((sample) => sample.longTaskMs)),
    longTaskCount: median(list.map((sample) => sample.longTaskCount)),
    cls: median(list.map((sample) => sample.cls)),
    clsMax: max(list.map((sample) => sample.cls)),
    heapBytes: median(list.map((sample) => sample.heapBytes)),
  };
}

function summarize(library, visits) {
  return {
    id: library.id,
    name: library.name,
    first: summarizeVisit(visits.first),
    returning: summarizeVisit(visits.returning),
  };
}

const ratio = (mine, theirs) => (mine == null || !theirs ? '—' : `${(mine / theirs).toFixed(2)}`);

function visitTable(summaries, visit) {
  const consentry = summaries.find((summary) => summary.id === 'consentry')?.[visit];
  const rows = summaries
    .filter((summary) => summary[visit])
    .map((summary) => {
      const data = summary[visit];
      const isPeer = summary.id !== 'consentry' && summary.id !== BASELINE.id;
      return [
        summary.name,
        String(data.files.length),
        int(data.bytes.raw),
        int(data.bytes.gzip),
        int(data.bytes.brotli),
        isPeer ? ratio(consentry?.bytes.brotli, data.bytes.brotli) : '',
        visit === 'first' ? int(data.bannerMs) : '',
        visit === 'first' && isPeer ? ratio(consentry?.bannerMs, data.bannerMs) : '',
        int(data.longTaskMs),
        fixed(data.longTaskCount, 0),
        fixed(data.cls, 3),
        fixed(data.heapBytes / 1e6, 2),
      ];
    });
  return markdownTable(
    [
      'Library',
      'Files',
      'Raw B',
      'gzip B',
      'brotli B',
      'brotli C÷peer',
      'Banner ms',
      'Banner C÷peer',
      'Long tasks ms',
      'Tasks >50 ms',
      'CLS',
      'Heap MB',
    ],
    rows,
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
}

function report(summaries) {
  console.log('## First visit (banner shows)\n');
  console.log(visitTable(summaries, 'first'));
  console.log('\n## Returning visit (consent stored, no banner)\n');
  console.log(
    visitTable(
      summaries.filter((summary) => summary.id !== BASELINE.id),
      'returning',
    ),
  );
  console.log(
    '\nBytes: the library’s own JS and CSS files the page requested (site config and HTML not counted), ' +
      'compressed per file. Banner: median ms from navigation start to the first frame with the banner visible. ' +
      'Long tasks: median of Σ(duration − 50 ms) and of the count. CLS: median. Heap: median used JS heap after GC, ' +
      'once the banner shows. C÷peer: Consentry divided by that peer (< 1 means Consentry is smaller/faster).',
  );

  const consentry = summaries.find((summary) => summary.id === 'consentry');
  const peers = summaries.filter((summary) => summary.id !== 'consentry' && summary.id !== BASELINE.id);
  const fastestPeer = Math.min(...peers.map((peer) => peer.first?.bannerMs ?? Infinity));
  const first = consentry.first;
  const returning = consentry.returning;
  const baseline = summaries.find((summary) => summary.id === BASELINE.id)?.first;
  const addedLongTasks =
    first && returning && baseline
      ? Math.max(first.longTaskMs, returning.longTaskMs) - baseline.longTaskMs
      : null;
  const syncFile = returning?.files.find((file) => file.path.endsWith('consentry.min.js'));
  const checks = [
    {
      target: `Returning visit: sync file ≤ ${TARGETS.returningBrotli / KB} kB brotli`,
      value: syncFile ? `${int(syncFile.brotli)} B (all files: ${int(returning.bytes.brotli)} B)` : '—',
      pass: Boolean(syncFile) && returning.bytes.brotli <= TARGETS.returningBrotli,
    },
    {
      target: `First visit: total ≤ ${TARGETS.firstVisitBrotli / KB} kB brotli`,
      value: first ? `${int(first.bytes.brotli)} B` : '—',
      pass: Boolean(first) && first.bytes.brotli <= TARGETS.firstVisitBrotli,
    },
    {
      target: `Time to banner ≤ ${TARGETS.timeVsFastestPeer} × fastest peer`,
      value:
        first?.bannerMs != null && Number.isFinite(fastestPeer)
          ? `${int(first.bannerMs)} ms vs ${int(fastestPeer)} ms (${ratio(first.bannerMs, fastestPeer)}×)`
          : '—',
      pass: first?.bannerMs != null && first.bannerMs <= TARGETS.timeVsFastestPeer * fastestPeer,
    },
    {
      // The page alone has long tasks under throttling (parsing, first layout); what counts is what
      // the library adds to them: its median minus the no-consent-manager page's median.
      target: 'Long tasks: 0 ms added (median − no-CMP page, first and returning visit)',
      value: `${int(first?.longTaskMs)} ms / ${int(returning?.longTaskMs)} ms; page alone ${int(
        baseline?.longTaskMs,
      )} ms → added ${int(addedLongTasks)} ms`,
      pass: addedLongTasks != null && addedLongTasks <= 0,
    },
    {
      target: 'CLS: 0 (every run, first and returning visit)',
      value: `worst run ${fixed(Math.max(first?.clsMax ?? 0, returning?.clsMax ?? 0), 4)}`,
      pass: first?.clsMax === 0 && returning?.clsMax === 0,
    },
  ];
  console.log('\n## Issue 7 targets\n');
  console.log(
    markdownTable(
      ['Target', 'Consentry', 'Result'],
      checks.map((check) => [check.target, check.value, check.pass ? 'PASS' : 'MISS']),
    ),
  );
  return checks;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
