// Size check of every build output against the budgets in scripts/size-budgets.json (brotli,
// quality 11, as a CDN serves it). Fails when a budget is exceeded or when the README's size table
// is not what this script would write (`npm run size -- --write` refreshes it).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { budgets } = JSON.parse(readFileSync(join(root, 'scripts/size-budgets.json'), 'utf8'));

const read = (file) => readFileSync(join(root, file));
const brotli = (buffer) =>
  brotliCompressSync(buffer, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length;
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** An ES entry and every chunk it imports statically or dynamically (what a bundler would ship). */
function withChunks(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = read(entry).toString();
  for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    withChunks(join(dirname(entry), specifier), seen);
  }
  return seen;
}

function measure(files) {
  // Each file is compressed on its own: that is how the browser receives them.
  return files.reduce(
    (sum, file) => {
      const buffer = read(file);
      return {
        raw: sum.raw + buffer.length,
        gzip: sum.gzip + gzip(buffer),
        brotli: sum.brotli + brotli(buffer),
      };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

const outputs = {
  'dist/consentry.min.js (synchronous, every visit)': ['dist/consentry.min.js'],
  'dist/consentry-core.min.js (deferred)': ['dist/consentry-core.min.js'],
  'dist/consentry-ui.min.js (banner)': ['dist/consentry-ui.min.js'],
  'dist/consentry-ui-en.min.js': ['dist/consentry-ui-en.min.js'],
  'dist/consentry-ui-ru.min.js': ['dist/consentry-ui-ru.min.js'],
  'dist/consentry-ui-dialog.min.js (preferences)': ['dist/consentry-ui-dialog.min.js'],
  // DESIGN.md: everything fetched to show the banner in one language (Russian, the larger).
  'first visit, to the banner: consentry.min.js + consentry-ui.min.js + consentry-ui-ru.min.js': [
    'dist/consentry.min.js',
    'dist/consentry-ui.min.js',
    'dist/consentry-ui-ru.min.js',
  ],
  'dist/index.js (with its chunks)': [...withChunks('dist/index.js')],
  'dist/headless.js (with its chunks)': [...withChunks('dist/headless.js')],
  'dist/cli.js': ['dist/cli.js'],
};

const missing = Object.values(outputs)
  .flat()
  .filter((file) => !existsSync(join(root, file)));
if (missing.length) {
  console.error(`size: missing build output ${missing.join(', ')} — run \`npm run build\` first.`);
  process.exit(1);
}

// Bytes, as the budgets and DESIGN.md's targets are written.
const bytes = (count) => `${count.toLocaleString('en-US')} B`;
const rows = Object.entries(outputs).map(([name, files]) => ({
  name,
  ...measure(files),
  budget: budgets[name],
}));
const unbudgeted = rows.filter((row) => typeof row.budget !== 'number');
if (unbudgeted.length) {
  console.error(
    `size: no budget for ${unbudgeted.map((row) => row.name).join(', ')} in scripts/size-budgets.json`,
  );
  process.exit(1);
}

const table = [
  '| output | raw | gzip | brotli | budget (brotli) |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) => `| ${r.name} | ${bytes(r.raw)} | ${bytes(r.gzip)} | ${bytes(r.brotli)} | ${bytes(r.budget)} |`,
  ),
].join('\n');
console.log(table);

let failed = false;
for (const row of rows) {
  if (row.brotli > row.budget) {
    console.error(`size: ${row.name} is ${row.brotli} B brotli, over its budget of ${row.budget} B`);
    failed = true;
  }
}

const readmePath = join(root, 'README.md');
const START = '<!-- size:start -->';
const END = '<!-- size:end -->';
const readme = readFileSync(readmePath, 'utf8');
const begin = readme.indexOf(START);
const finish = readme.indexOf(END);
if (begin < 0 || finish < begin) {
  console.error(`size: README.md has no ${START} … ${END} block`);
  process.exit(1);
}
const updated = `${readme.slice(0, begin + START.length)}\n${table}\n${readme.slice(finish)}`;
if (process.argv.includes('--write')) {
  writeFileSync(readmePath, updated);
  console.log('size: README.md table updated');
} else if (updated !== readme) {
  console.error('size: the size table in README.md is out of date — run `npm run size -- --write`.');
  failed = true;
}
process.exit(failed ? 1 : 0);
