// `npm run bench:profile` (issue 16): where Consentry's main-thread time goes on the bench's gated
// page, first and returning visit, against the same page with no consent manager and with Orejime.
//   node bench/profile.mjs [--runs 3] [--throttle 4] [--window 3000]
// Each run loads every page once, round-robin, in a fresh context, under a Chromium trace (the
// timeline, V8's compiling and its sampling profiler); each figure is the median over runs. The
// profiler's samples in Consentry's files are mapped through source maps (bench/lib/sourcemaps.mjs)
// to the source modules they ran, so time is told by module, not by minified file.
// Prints Markdown tables; exits 1 when a measurement fails.
import { relative } from 'node:path';

import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';
import { describeEnvironment } from './lib/environment.mjs';
import { BASELINE, LIBRARIES } from './lib/libraries.mjs';
import { measurePage, returningVisitor, visitProblems } from './lib/page.mjs';
import { fileFor, ROOT, startBenchServer } from './lib/server.mjs';
import { originalPosition, scriptTagSourceMaps } from './lib/sourcemaps.mjs';
import { busyMs, compiling, pageThread, samples, scriptTimes, TRACE_CATEGORIES } from './lib/trace.mjs';
import { fixed, int, markdownTable, median, positiveInt } from './lib/stats.mjs';

const RUNS = positiveInt('runs', 3);
const THROTTLE = positiveInt('throttle', 4);
const WINDOW_MS = positiveInt('window', 3000);
const TOP_FUNCTIONS = 10;

const CONSENTRY = LIBRARIES.find((library) => library.id === 'consentry');
const OREJIME = LIBRARIES.find((library) => library.id === 'orejime');
const PAGES = [CONSENTRY, BASELINE, OREJIME];
const VISITS = ['first', 'returning'];

/** Source modules by layer (DESIGN.md), in the order of the report. */
const BUCKETS = [
  ['gate', /^src\/gate\//],
  ['settings/config', /^(src\/config\/|schema\/)/],
  ['consent/decision', /^src\/consent\//],
  ['integrations', /^src\/integrations\//],
  ['UI/Preact', /^(src\/ui\/|node_modules\/preact\/)/],
  ['entries/composition', /^src\/(entries\/|[\w-]+\.tsx?$)/],
];

/** The bucket of a repository-relative source path; a source outside the layers is named by its folder. */
function bucketOf(source) {
  const found = BUCKETS.find(([, pattern]) => pattern.test(source));
  if (found) return found[0];
  const library = source.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  return library ? `${library[1]} (library)` : source.split('/').slice(0, 2).join('/');
}

/** A library's own file for a URL the page ran (served from /dist/ or /vendor/), repository-relative. */
function libraryFile(url, origin) {
  if (!url?.startsWith(`${origin}/`)) return null;
  const { pathname } = new URL(url);
  if (pathname.startsWith('/bench/')) return null;
  const file = fileFor(pathname);
  return file ? relative(ROOT, file) : null;
}

const NOT_JS = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/**
 * Self time of the profiler's samples: per library file, and for files with a source map, per
 * source bucket and per function. A sample in a builtin or a DOM method counts for the script
 * that called it (the nearest frame with a URL); its place in that script is the sampled position
 * when the script is the innermost frame, else where the calling function starts. Samples taken
 * while V8 compiled (`compileSpans`) are left out: compiling is reported per script from the trace.
 */
function attribute(sampleList, compileSpans, maps, origin) {
  const byFile = new Map();
  const buckets = new Map();
  const functions = new Map();
  let gcMs = 0;
  let exact = 0;
  let mapped = 0;
  const add = (map, key, ms, extra) => {
    const entry = map.get(key) ?? { ms: 0, ...extra };
    entry.ms += ms;
    map.set(key, entry);
  };
  let span = 0;
  for (const sample of sampleList) {
    while (span < compileSpans.length && compileSpans[span][1] <= sample.at) span += 1;
    if (span < compileSpans.length && compileSpans[span][0] <= sample.at) continue;
    const top = sample.stack[0];
    if (top?.functionName === '(garbage collector)') gcMs += sample.ms;
    if (!top || NOT_JS.has(top.functionName)) continue;
    const frameIndex = sample.stack.findIndex((frame) => frame.url);
    if (frameIndex < 0) continue;
    const frame = sample.stack[frameIndex];
    const file = libraryFile(frame.url, origin);
    if (!file) continue;
    add(byFile, file, sample.ms);
    const scriptMap = maps.get(file);
    if (!scriptMap) continue;
    mapped += sample.ms;
    const atSample = frameIndex === 0 && sample.line !== null;
    if (atSample) exact += sample.ms;
    const place = atSample
      ? originalPosition(scriptMap, sample.line, sample.column)
      : originalPosition(scriptMap, frame.lineNumber, frame.columnNumber);
    add(buckets, place ? bucketOf(place.source) : '(not in the source map)', sample.ms);
    const start = originalPosition(scriptMap, frame.lineNumber, frame.columnNumber);
    // The bundle's own wrapper has no place in the sources: it holds every module's top level.
    const name = start ? (start.name ?? '(anonymous)') : frame.functionName || '(bundle top level)';
    const where = start ? `${start.source}:${start.line}` : file;
    add(functions, `${where} ${name}`, sample.ms, { where, name });
  }
  return { byFile, buckets, functions, gcMs, exactShare: mapped ? exact / mapped : null };
}

/** One traced page load: what profile.mjs reports of it. */
async function profileVisit(browser, common, maps, library, visit, storageState) {
  let tracing = false;
  try {
    const result = await measurePage(browser, {
      ...common,
      // The banner probe polls every frame: only where a banner is awaited.
      library: visit === 'first' ? library : { ...library, probe: null },
      storageState,
      expectBanner: visit === 'first' && Boolean(library.probe),
      beforeNavigation: async (page) => {
        await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        tracing = true;
      },
    });
    const trace = JSON.parse((await browser.stopTracing()).toString());
    tracing = false;
    await result.context.close();
    const events = trace.traceEvents ?? trace;
    const thread = pageThread(events, common.origin + library.page);
    const scripts = new Map();
    for (const [url, times] of scriptTimes(events, thread, WINDOW_MS)) {
      const file = libraryFile(url, common.origin);
      if (file) scripts.set(file, times);
    }
    return {
      problems: visitProblems(library, visit, result),
      fcpMs: result.fcpMs,
      bannerMs: result.bannerMs,
      busyMs: busyMs(events, thread, WINDOW_MS),
      downloads: result.downloads.map(({ file, startMs, endMs }) => ({
        file: relative(ROOT, file),
        startMs,
        endMs,
      })),
      scripts,
      ...attribute(samples(events, thread, WINDOW_MS), compiling(events, thread), maps, common.origin),
    };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
  }
}

/** The median over runs of a number each run may lack (a run without it counts 0). */
const medianOf = (runs, pick) => median(runs.map((run) => pick(run) ?? 0));
const range = (runs, pick) => {
  const values = runs.map((run) => pick(run) ?? 0);
  return `${fixed(Math.min(...values), 1)}–${fixed(Math.max(...values), 1)}`;
};
const base = (path) => path.split('/').at(-1);

function visitReport(visit, runs, floor, maps) {
  const rows = [];
  const row = (label, pick) => rows.push([label, fixed(medianOf(runs, pick), 1), range(runs, pick)]);
  // Downloads in the order the page asked for them.
  const files = [...new Set(runs.flatMap((run) => run.downloads.map((download) => download.file)))].filter(
    (file) => maps.has(file),
  );
  const startOf = (file) => medianOf(runs, (run) => run.downloads.find((d) => d.file === file)?.startMs);
  files.sort((a, b) => startOf(a) - startOf(b));
  for (const file of files) {
    const download = (run) => run.downloads.find((d) => d.file === file);
    const ends = medianOf(runs, (run) => download(run)?.endMs);
    row(`Download \`${base(file)}\` (network, response ends at ${int(ends)} ms)`, (run) => {
      const d = download(run);
      return d ? d.endMs - d.startMs : null;
    });
  }
  for (const file of files) {
    const times = (run) => run.scripts.get(file);
    row(`Compile \`${base(file)}\` before it runs`, (run) => times(run)?.compile);
    row(`Evaluate \`${base(file)}\` (top level, its compile included)`, (run) => times(run)?.evaluate);
    row(`Lazy compile of \`${base(file)}\`'s functions`, (run) => times(run)?.lazyCompile);
    row(`Later tasks calling into \`${base(file)}\``, (run) => times(run)?.calls);
  }
  const bucketNames = [
    ...new Set([...BUCKETS.map(([name]) => name), ...runs.flatMap((run) => [...run.buckets.keys()])]),
  ];
  for (const name of bucketNames)
    row(`Self time (running, not compiling): ${name}`, (run) => run.buckets.get(name)?.ms);
  const selfTotal = (run) => [...run.buckets.values()].reduce((sum, entry) => sum + entry.ms, 0);
  row('**Self time, all Consentry modules**', selfTotal);
  row('Garbage collection (whole page)', (run) => run.gcMs);
  const busy = (run) => run.busyMs;
  row('**Main thread busy, Consentry page**', busy);
  rows.push(['Main thread busy, no-tool page', fixed(medianOf(floor, busy), 1), range(floor, busy)]);
  rows.push([
    '**Consentry page − no-tool page**',
    fixed(medianOf(runs, busy) - medianOf(floor, busy), 1),
    '',
  ]);

  console.log(
    `\n## ${visit === 'first' ? 'First visit (banner shows)' : 'Returning visit (consent stored)'}\n`,
  );
  const paint = `FCP ${int(medianOf(runs, (run) => run.fcpMs))} ms (no-tool page ${int(medianOf(floor, (run) => run.fcpMs))} ms)`;
  const banner =
    visit === 'first' ? `, banner visible at ${int(medianOf(runs, (run) => run.bannerMs))} ms` : '';
  const exact = median(runs.map((run) => run.exactShare));
  console.log(
    `${paint}${banner}; traced, so slower than in \`bench/run.mjs\`. ${fixed((exact ?? 0) * 100, 0)} % of the self time ` +
      'was placed by the sampled position, the rest by the start of the calling function.\n',
  );
  console.log(markdownTable(['Part', 'ms (median)', 'min–max'], rows, [1, 2]));
  console.log(
    '\nRows overlap: an evaluation holds its compile, much of the lazy compiling and the self time ' +
      'its top level runs. Self time leaves compiling out; a builtin or DOM call counts for its caller.',
  );

  const names = new Map();
  for (const run of runs) for (const [key, entry] of run.functions) names.set(key, entry);
  const top = [...names]
    .map(([key, entry]) => ({ ...entry, ms: medianOf(runs, (run) => run.functions.get(key)?.ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, TOP_FUNCTIONS);
  console.log(`\nTop ${TOP_FUNCTIONS} functions by self time (median ms; inlined callees included):\n`);
  console.log(
    markdownTable(
      ['Function', 'Source', 'Self ms'],
      top.map((entry) => [`\`${entry.name}\``, entry.where, fixed(entry.ms, 1)]),
      [2],
    ),
  );
}

function peerLine(library, visit, runs, floor) {
  const files = [...new Set(runs.flatMap((run) => [...run.byFile.keys()]))];
  const self = (run) => files.reduce((sum, file) => sum + (run.byFile.get(file)?.ms ?? 0), 0);
  const script = (key) => (run) => files.reduce((sum, file) => sum + (run.scripts.get(file)?.[key] ?? 0), 0);
  const busy = medianOf(runs, (run) => run.busyMs);
  const floorBusy = medianOf(floor, (run) => run.busyMs);
  return (
    `- ${library.name}, ${visit} visit: self time in its files ${fixed(medianOf(runs, self), 1)} ms ` +
    `(evaluate ${fixed(medianOf(runs, script('evaluate')), 1)}, compile before running ${fixed(medianOf(runs, script('compile')), 1)}, ` +
    `lazy compile ${fixed(medianOf(runs, script('lazyCompile')), 1)}, later tasks ${fixed(medianOf(runs, script('calls')), 1)}); ` +
    `main thread busy ${fixed(busy, 1)} ms, no-tool page ${fixed(floorBusy, 1)} ms (${busy >= floorBusy ? '+' : ''}${fixed(busy - floorBusy, 1)})`
  );
}

async function main() {
  const started = Date.now();
  const maps = await scriptTagSourceMaps();
  if (maps.size === 0) throw new Error('rollup.config.mjs builds no dist/consentry*.min.js');
  const { server, origin } = await startBenchServer();
  const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS });
  try {
    describeEnvironment(browser, 'Consentry main-thread profile', {
      runs: RUNS,
      cpuThrottling: THROTTLE,
      windowMs: WINDOW_MS,
    });
    console.log(
      `${RUNS} runs per page and visit (median), ${THROTTLE}× CPU throttling, the first ${WINDOW_MS} ms; ` +
        `source maps for ${[...maps.keys()].join(', ')}\n`,
    );
    const common = { origin, throttle: THROTTLE, windowMs: WINDOW_MS };
    const failures = [];
    const storage = new Map();
    for (const library of PAGES)
      storage.set(library.id, await returningVisitor(browser, { ...common, library }));

    const results = new Map(PAGES.map((library) => [library.id, { first: [], returning: [] }]));
    for (let run = 0; run < RUNS; run += 1) {
      if (process.stdout.isTTY) process.stdout.write(`run ${run + 1}/${RUNS}\r`);
      for (const library of PAGES) {
        for (const visit of VISITS) {
          try {
            const stored = visit === 'returning' ? storage.get(library.id) : undefined;
            const result = await profileVisit(browser, common, maps, library, visit, stored);
            failures.push(...result.problems);
            results.get(library.id)[visit].push(result);
          } catch (error) {
            failures.push(
              `${library.name} (${visit} visit, run ${run + 1}): ${error.message.split('\n')[0]}`,
            );
          }
        }
      }
    }
    if (process.stdout.isTTY) process.stdout.write('\n');

    for (const visit of VISITS) {
      const runs = results.get(CONSENTRY.id)[visit];
      const floor = results.get(BASELINE.id)[visit];
      if (runs.length === 0 || floor.length === 0) continue;
      visitReport(visit, runs, floor, maps);
    }
    console.log('\n## For comparison\n');
    for (const visit of VISITS) {
      const runs = results.get(OREJIME.id)[visit];
      const floor = results.get(BASELINE.id)[visit];
      if (runs.length && floor.length) console.log(peerLine(OREJIME, visit, runs, floor));
    }
    console.log(`\n(${Math.round((Date.now() - started) / 1000)} s)`);
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

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
