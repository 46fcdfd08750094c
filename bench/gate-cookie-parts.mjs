// Where the cookie figure of `npm run bench:gate` comes from: the same 10,000 document.cookie
// writes (bench/pages/gate-tasks.js) in four pages, against the page without Consentry —
//   passthrough  a JavaScript setter on Document.prototype that only calls the browser's own
//   scan         the same, and it looks for a lifetime (an "x" after the first ";") in every write
//   with         Consentry, as in bench:gate (a visitor who refused)
// A floor for what any guard of document.cookie costs, next to what Consentry's costs.
//   npm run build && node bench/gate-cookie-parts.mjs [--rounds 30] [--warmup 12] [--pin main|process|off]
// All pages are open at once; each round runs the writes once in every page (the order rotates), and
// each page's ratio is taken against the page without, in the same round. The first --warmup rounds
// are not counted: they are when V8 compiles the loops with the setters inlined, a one-time cost
// that bench:gate's rounds include. Prints a Markdown table; 2 cores: about 3 minutes.
import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.mjs';
import { startBenchServer } from './lib/server.mjs';
import { calibrate, enableThreadTime, timed } from './lib/cpu.mjs';
import { describePinning, pinMode, pinRenderers } from './lib/pin.mjs';
import { fixed, flag, markdownTable, median, medianInterval, positiveInt } from './lib/stats.mjs';

const ROUNDS = positiveInt('rounds', 30);
const WARMUP = positiveInt('warmup', 12);
const PIN = pinMode(flag('pin', 'main'));
const PAGES = [
  { id: 'without', path: 'gate-without.html', label: 'without any setter' },
  {
    id: 'passthrough',
    path: 'gate-setter.html?setter=passthrough',
    label: 'a setter that only passes writes on',
  },
  {
    id: 'scan',
    path: 'gate-setter.html?setter=scan',
    label: 'a setter that looks for a lifetime in every write',
  },
  { id: 'with', path: 'gate-with.html', label: 'Consentry' },
];

async function open(browser, origin, { id, path }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/bench/${path}`);
  if (id === 'with') await page.evaluate(() => window.consentry.rejectAll());
  await page.reload();
  const cdp = await context.newCDPSession(page);
  await enableThreadTime(cdp);
  return { id, page, cdp, errors, wall: [], cpu: [], emptyCpu: 0 };
}

const { server, origin } = await startBenchServer();
const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
});
try {
  const pages = [];
  for (const spec of PAGES) pages.push(await open(browser, origin, spec));
  if (PIN && pinRenderers(PIN) < PAGES.length) throw new Error('--pin: not every renderer was found');
  for (const entry of pages) await calibrate(entry);
  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    if (PIN) pinRenderers(PIN);
    const shift = round % pages.length;
    for (const entry of [...pages.slice(shift), ...pages.slice(0, shift)]) {
      for (const other of pages) await other.page.evaluate(() => window.__gateBench.quiet());
      const [[wall], cpu] = await timed(entry, () =>
        entry.page.evaluate((round) => window.__gateBench.cookies(10_000, round), round),
      );
      if (round >= WARMUP) {
        entry.wall.push(wall);
        entry.cpu.push(cpu);
      }
    }
  }
  for (const entry of pages)
    if (entry.errors.length) throw new Error(`${entry.id}: ${entry.errors.join('; ')}`);
  const [without] = pages;
  const ratio = (entry, clock) => {
    const ratios = entry[clock].map((value, index) => value / without[clock][index]);
    const [low, high] = medianInterval(ratios);
    return `${fixed(median(ratios), 3)} (${fixed(low, 3)}–${fixed(high, 3)})`;
  };
  console.log(
    `10,000 document.cookie writes, ${ROUNDS} rounds after ${WARMUP} uncounted; ${describePinning(PIN)}\n`,
  );
  console.log(
    markdownTable(
      ['Page', 'Main thread ms', 'Ratio, wall (95 %)', 'CPU ms', 'Ratio, CPU (95 %)'],
      pages.map((entry, index) => [
        PAGES[index].label,
        fixed(median(entry.wall), 1),
        ratio(entry, 'wall'),
        fixed(median(entry.cpu), 1),
        ratio(entry, 'cpu'),
      ]),
      [1, 2, 3, 4],
    ),
  );
} finally {
  await browser.close();
  server.close();
}
