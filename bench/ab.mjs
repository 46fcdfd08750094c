// `node bench/ab.mjs NAME=DIR NAME=DIR … [--runs 9] [--visits first,returning] [--throttle 4]`
// Builds of the script tag side by side (issue 16): each DIR is a copy of `dist/` (copy it after
// `npm run build`, change the code, build again), loaded on the bench's gated page exactly as
// `bench/run.mjs` loads `dist/`, round-robin with the no-tool page and Orejime, so that drift in
// machine load hits every build alike. Prints the medians of first paint, long tasks and the banner,
// each against the no-tool page. A difference smaller than the spread between runs of one build
// (often 30 ms of FCP on a shared machine) needs more runs.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';

import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';
import { BASELINE, LIBRARIES } from './lib/libraries.mjs';
import { measurePage, returningVisitor } from './lib/page.mjs';
import { fileFor, ROOT } from './lib/server.mjs';
import { fixed, flag, markdownTable, median, positiveInt } from './lib/stats.mjs';

const RUNS = positiveInt('runs', 9);
const THROTTLE = positiveInt('throttle', 4);
const VISITS = flag('visits', 'first,returning').split(',');
const builds = process.argv
  .slice(2)
  .filter((arg) => /^[\w-]+=/.test(arg))
  .map((arg) => {
    const [name, dir] = arg.split(/=(.*)/);
    if (!statSync(join(dir, 'consentry.min.js'), { throwIfNoEntry: false }))
      throw new Error(`${dir} has no consentry.min.js`);
    return { name, dir: resolve(dir) };
  });
if (builds.length === 0) throw new Error('usage: node bench/ab.mjs NAME=DIR [NAME=DIR …]');

const CONTENT = readFileSync(join(ROOT, 'bench', 'pages', '_content.html'), 'utf8');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** `/ab/N/dist/…` from build N's folder, `/ab/N/bench/….html` with its `/dist/` links moved there. */
function fileOf(pathname) {
  const own = pathname.match(/^\/ab\/(\d+)(\/.*)$/);
  if (!own) return { file: fileFor(pathname), prefix: '' };
  const build = builds[Number(own[1])];
  const rest = own[2];
  if (!build || !rest.startsWith('/dist/')) return { file: build && fileFor(rest), prefix: `/ab/${own[1]}` };
  const file = join(build.dir, rest.slice('/dist/'.length));
  return { file: file.startsWith(`${build.dir}/`) ? file : undefined, prefix: '' };
}

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === '/bench/ping') return void response.writeHead(204).end();
  const { file, prefix } = fileOf(pathname);
  if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile())
    return void response.writeHead(404).end();
  const body = file.endsWith('.html')
    ? readFileSync(file, 'utf8')
        .replace('<!-- content -->', () => CONTENT)
        .replaceAll('"/dist/', `"${prefix}/dist/`)
    : readFileSync(file);
  const type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const consentry = LIBRARIES.find((library) => library.id === 'consentry');
const subjects = [
  ...builds.map(({ name }, index) => ({
    ...consentry,
    id: name,
    name,
    page: `/ab/${index}${consentry.page}`,
  })),
  BASELINE,
  LIBRARIES.find((library) => library.id === 'orejime'),
];

const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS });
try {
  const common = { origin, throttle: THROTTLE, windowMs: 3000 };
  for (const visit of VISITS) {
    const storage = new Map();
    if (visit === 'returning')
      for (const library of subjects)
        storage.set(library.id, await returningVisitor(browser, { ...common, library }));
    const results = new Map(subjects.map((library) => [library.id, []]));
    for (let run = 0; run < RUNS; run += 1)
      for (const library of subjects) {
        const result = await measurePage(browser, {
          ...common,
          library,
          storageState: storage.get(library.id),
          expectBanner: visit === 'first' && Boolean(library.probe),
        });
        await result.context.close();
        results.get(library.id).push(result);
      }
    const of = (id, key) => median(results.get(id).map((result) => result[key]));
    const plus = (id, key) => {
      const added = of(id, key) - of(BASELINE.id, key);
      return `${fixed(of(id, key), 0)} (${added < 0 ? '−' : '+'}${fixed(Math.abs(added), 0)})`;
    };
    console.log(`\n${visit} visit, ${RUNS} runs, ${THROTTLE}× CPU\n`);
    console.log(
      markdownTable(
        ['page', 'FCP ms', 'long tasks ms', 'banner ms'],
        subjects.map(({ id, name }) => [
          name,
          plus(id, 'fcpMs'),
          plus(id, 'longTaskMs'),
          of(id, 'bannerMs') == null ? '—' : fixed(of(id, 'bannerMs'), 0),
        ]),
        [1, 2, 3],
      ),
    );
  }
} finally {
  await browser.close();
  server.close();
}
