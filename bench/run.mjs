// `npm run bench` (issues 7 and 16): Consentry against vanilla-cookieconsent, Klaro and Orejime in
// Chromium, on a gated page (GA4 and Yandex Metrica pasted unchanged, answered by fake tags).
//   node bench/run.mjs [--runs 8] [--throttle 4] [--window 3000]
// First and returning visit: bytes of each library's own files (all, and those fetched before the
// banner showed), first contentful paint, time to a visible banner under CPU throttling, long tasks
// and total blocking time, layout shift and JS heap, each also against the same page with no consent
// manager. Prints Markdown tables and PASS/MISS per issue 16 target, writes bench/results/latest.json.
// Exits 0 on MISS, 1 when a measurement fails.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';
import { sizes, total } from './lib/compress.mjs';
import { BASELINE, LIBRARIES } from './lib/libraries.mjs';
import { measurePage, returningVisitor, visitProblems } from './lib/page.mjs';
import { describeEnvironment } from './lib/environment.mjs';
import { ROOT, startBenchServer } from './lib/server.mjs';
import { fixed, int, markdownTable, max, median, positiveInt } from './lib/stats.mjs';

const RUNS = positiveInt('runs', 8);
const THROTTLE = positiveInt('throttle', 4);
const WINDOW_MS = positiveInt('window', 3000);

const VISITS = ['first', 'returning'];
/** Every page measured, the page without a consent manager included: it is the floor of each visit. */
const MEASURED = [...LIBRARIES, BASELINE];
/** The synchronous script-tag file, whatever else the build splits off and loads later. */
const SYNC_FILE = 'dist/consentry.min.js';

const TARGETS = {
  firstPaintDelayMs: 60,
  returningLongTasksAddedMs: 30,
  bannerVsOrejime: 1.0,
  syncFileBrotli: 12_000,
  toBannerBrotli: 22_000,
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
      `${RUNS} runs per page and visit (median), ${THROTTLE}× CPU throttling, long tasks and CLS over the first ${WINDOW_MS} ms\n`,
    );

    const failures = [];
    const samples = new Map(MEASURED.map((library) => [library.id, { first: [], returning: [] }]));
    const storage = new Map();

    const common = { origin, throttle: THROTTLE, windowMs: WINDOW_MS };
    const record = (library, visit, result) => {
      const { context: _context, page: _page, ...numbers } = result;
      failures.push(...visitProblems(library, visit, numbers));
      samples.get(library.id)[visit].push(numbers);
    };

    // Each page's returning visitor, made once: its first visit's cookies and storage.
    for (const library of MEASURED) {
      try {
        storage.set(library.id, await returningVisitor(browser, { ...common, library }));
      } catch (error) {
        failures.push(`${library.name}: could not prepare a returning visitor: ${error.message}`);
      }
    }

    // Round-robin over every page (the floor included) within each run, so that drift in machine
    // load hits all of them alike.
    for (let run = 0; run < RUNS; run += 1) {
      if (process.stdout.isTTY) process.stdout.write(`run ${run + 1}/${RUNS}\r`);
      for (const library of MEASURED) {
        for (const visit of VISITS) {
          if (visit === 'returning' && !storage.has(library.id)) continue;
          try {
            const result = await measurePage(browser, {
              ...common,
              library,
              storageState: visit === 'returning' ? storage.get(library.id) : undefined,
              expectBanner: visit === 'first' && Boolean(library.probe),
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
    }
    if (process.stdout.isTTY) process.stdout.write('\n');

    const summaries = MEASURED.map((library) => summarize(library, samples.get(library.id)));
    const results = { environment, targets: TARGETS, libraries: summaries, failures };
    results.checks = report(summaries);
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

/** Files (absolute paths) with their sizes, for the JSON. */
const fileSizes = (files) => files.map((file) => ({ path: relative(ROOT, file), ...sizes(file) }));

/** The median of each compressed size over runs, each run's files summed. */
function medianBytes(fileLists) {
  const totals = fileLists.map(total);
  return {
    raw: median(totals.map((bytes) => bytes.raw)),
    gzip: median(totals.map((bytes) => bytes.gzip)),
    brotli: median(totals.map((bytes) => bytes.brotli)),
  };
}

function summarizeVisit(list) {
  if (list.length === 0) return null;
  // Which files a visit loads does not vary between runs; take the union to be safe.
  const files = [...new Set(list.flatMap((sample) => sample.files))];
  const toBanner = list.map((sample) => sample.toBannerFiles).filter(Boolean);
  const of = (key) => list.map((sample) => sample[key]);
  return {
    runs: list.length,
    files: fileSizes(files),
    bytes: total(files),
    // Which files had arrived when the banner showed may vary (a deferred chunk racing the banner):
    // the median over runs, and every file that was ever among them.
    toBanner: toBanner.length
      ? { files: fileSizes([...new Set(toBanner.flat())]), bytes: medianBytes(toBanner) }
      : null,
    fcpMs: median(of('fcpMs')),
    fcpMsAll: of('fcpMs'),
    bannerMs: median(of('bannerMs')),
    bannerMsAll: of('bannerMs'),
    longTaskMs: median(of('longTaskMs')),
    longTaskMsAll: of('longTaskMs'),
    longTaskMsMax: max(of('longTaskMs')),
    longTaskCount: median(of('longTaskCount')),
    tbtMs: median(of('tbtMs')),
    tbtMsAll: of('tbtMs'),
    cls: median(of('cls')),
    clsMax: max(of('cls')),
    heapBytes: median(of('heapBytes')),
    trackerLoads: { gtag: max(list.map((s) => s.fakes.gtag)), tagJs: max(list.map((s) => s.fakes.tagJs)) },
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
const difference = (mine, floor) => (mine == null || floor == null ? null : mine - floor);
const signed = (value) => (value == null ? '—' : `${value > 0 ? '+' : ''}${int(value)}`);

function bytesTable(summaries, visit) {
  const consentry = summaries.find((summary) => summary.id === 'consentry')?.[visit];
  const first = visit === 'first';
  // The first visit is compared by what it takes to show the banner, a returning one by everything.
  const compared = (data) => (first ? data?.toBanner?.bytes.brotli : data?.bytes.brotli);
  const rows = summaries
    .filter((summary) => summary[visit] && summary.id !== BASELINE.id)
    .map((summary) => {
      const data = summary[visit];
      const isPeer = summary.id !== 'consentry';
      return [
        summary.name,
        String(data.files.length),
        int(data.bytes.raw),
        int(data.bytes.gzip),
        int(data.bytes.brotli),
        ...(first ? [String(data.toBanner?.files.length ?? '—'), int(data.toBanner?.bytes.brotli)] : []),
        isPeer ? ratio(compared(consentry), compared(data)) : '',
      ];
    });
  const headers = [
    'Library',
    'Files',
    'Raw B',
    'gzip B',
    'brotli B',
    ...(first ? ['To banner: files', 'To banner: brotli B', 'To banner C÷peer'] : ['brotli C÷peer']),
  ];
  return markdownTable(headers, rows, headers.map((_, index) => index).slice(1));
}

function timeTable(summaries, visit) {
  const consentry = summaries.find((summary) => summary.id === 'consentry')?.[visit];
  const floor = summaries.find((summary) => summary.id === BASELINE.id)?.[visit];
  const first = visit === 'first';
  const rows = summaries
    .filter((summary) => summary[visit])
    .map((summary) => {
      const data = summary[visit];
      const isPeer = summary.id !== 'consentry' && summary.id !== BASELINE.id;
      const isFloor = summary.id === BASELINE.id;
      return [
        summary.name,
        int(data.fcpMs),
        isFloor ? '' : signed(difference(data.fcpMs, floor?.fcpMs)),
        ...(first
          ? [isFloor ? '' : int(data.bannerMs), isPeer ? ratio(consentry?.bannerMs, data.bannerMs) : '']
          : []),
        int(data.longTaskMs),
        isFloor ? '' : signed(difference(data.longTaskMs, floor?.longTaskMs)),
        int(data.tbtMs),
        fixed(data.longTaskCount, 0),
        fixed(data.cls, 3),
        fixed(data.heapBytes / 1e6, 2),
      ];
    });
  const headers = [
    'Library',
    'FCP ms',
    'FCP +ms',
    ...(first ? ['Banner ms', 'Banner C÷peer'] : []),
    'Long tasks ms',
    'Long tasks +ms',
    'TBT ms',
    'Tasks >50 ms',
    'CLS',
    'Heap MB',
  ];
  return markdownTable(headers, rows, headers.map((_, index) => index).slice(1));
}

function report(summaries) {
  console.log('## First visit (banner shows)\n');
  console.log(bytesTable(summaries, 'first'));
  console.log('');
  console.log(timeTable(summaries, 'first'));
  console.log('\n## Returning visit (consent stored, no banner; trackers the visitor accepted run)\n');
  console.log(bytesTable(summaries, 'returning'));
  console.log('');
  console.log(timeTable(summaries, 'returning'));
  console.log(
    '\nBytes: the library’s own JS and CSS files the page requested in the window (site settings, HTML and the ' +
      'trackers not counted), compressed per file; "to banner": those whose response had ended when the banner ' +
      'became visible (median over runs). FCP: first contentful paint. Banner: ms from navigation start to the ' +
      'first frame with the banner visible. Long tasks: Σ(duration − 50 ms) over the window; TBT: the same after ' +
      'FCP, tasks clipped to it (Lighthouse). "+ms": minus the page with no consent manager, same visit. All ' +
      'medians; heap: used JS heap after GC at the end of the window. C÷peer: Consentry divided by that peer ' +
      '(< 1 means Consentry is smaller/faster).',
  );
  const checks = targetChecks(summaries);
  console.log('\n## Issue 16 targets\n');
  console.log(
    markdownTable(
      ['Target', 'Consentry', 'Result'],
      checks.map((check) => [check.target, check.value, check.pass ? 'PASS' : 'MISS']),
    ),
  );
  return checks;
}

function targetChecks(summaries) {
  const byId = (id) => summaries.find((summary) => summary.id === id) ?? {};
  const consentry = byId('consentry');
  const orejime = byId('orejime');
  const floor = byId(BASELINE.id);

  const paintDelay = (visit) => difference(consentry[visit]?.fcpMs, floor[visit]?.fcpMs);
  const added = (library, visit) => difference(library[visit]?.longTaskMs, floor[visit]?.longTaskMs);
  const addedTbt = (library, visit) => difference(library[visit]?.tbtMs, floor[visit]?.tbtMs);
  const firstAdded = added(consentry, 'first');
  const orejimeAdded = added(orejime, 'first');
  const returningAdded = added(consentry, 'returning');
  const banner = consentry.first?.bannerMs;
  const orejimeBanner = orejime.first?.bannerMs;
  const syncFile = consentry.first?.files.find((file) => file.path === SYNC_FILE);
  const toBanner = consentry.first?.toBanner;
  const worstCls = max([consentry.first?.clsMax, consentry.returning?.clsMax]);
  const within = (value, limit) => value != null && limit != null && value <= limit;

  const paintCheck = (visit) => ({
    target: `First-paint delay over the no-tool page ≤ ${TARGETS.firstPaintDelayMs} ms (${visit} visit)`,
    value: `FCP ${int(consentry[visit]?.fcpMs)} ms − ${int(floor[visit]?.fcpMs)} ms = ${signed(paintDelay(visit))} ms`,
    pass: within(paintDelay(visit), TARGETS.firstPaintDelayMs),
  });
  return [
    paintCheck('first'),
    paintCheck('returning'),
    {
      target: 'Long-task time added over the no-tool page, first visit ≤ Orejime’s',
      value:
        `${signed(firstAdded)} ms vs Orejime ${signed(orejimeAdded)} ms ` +
        `(TBT added ${signed(addedTbt(consentry, 'first'))} vs ${signed(addedTbt(orejime, 'first'))} ms)`,
      pass: within(firstAdded, orejimeAdded),
    },
    {
      target: `Long-task time added over the no-tool page, returning visit ≤ ${TARGETS.returningLongTasksAddedMs} ms`,
      value: `${int(consentry.returning?.longTaskMs)} − ${int(floor.returning?.longTaskMs)} = ${signed(
        returningAdded,
      )} ms (TBT added ${signed(addedTbt(consentry, 'returning'))} ms)`,
      pass: within(returningAdded, TARGETS.returningLongTasksAddedMs),
    },
    {
      target: `Banner visible ≤ ${TARGETS.bannerVsOrejime.toFixed(1)} × Orejime’s median`,
      value: `${int(banner)} ms vs ${int(orejimeBanner)} ms (${ratio(banner, orejimeBanner)}×)`,
      pass: within(banner, orejimeBanner == null ? null : TARGETS.bannerVsOrejime * orejimeBanner),
    },
    {
      target: `Synchronous file ${SYNC_FILE} ≤ ${int(TARGETS.syncFileBrotli)} B brotli`,
      value: syncFile ? `${int(syncFile.brotli)} B` : 'not requested',
      pass: within(syncFile?.brotli, TARGETS.syncFileBrotli),
    },
    {
      target: `First visit, everything fetched to show the banner ≤ ${int(TARGETS.toBannerBrotli)} B brotli`,
      value: toBanner
        ? `${int(toBanner.bytes.brotli)} B (${toBanner.files.map((file) => file.path).join(', ')}; all requested ${int(
            consentry.first.bytes.brotli,
          )} B)`
        : '—',
      pass: within(toBanner?.bytes.brotli, TARGETS.toBannerBrotli),
    },
    {
      target: 'CLS 0 (every run, first and returning visit)',
      value: `worst run ${fixed(worstCls, 4)}`,
      pass: consentry.first?.clsMax === 0 && consentry.returning?.clsMax === 0,
    },
  ];
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
