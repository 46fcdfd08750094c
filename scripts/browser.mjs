// Finds a Chromium for Playwright, in this order (foundation issue):
//   1. CONSENTRY_CHROMIUM (or CHROME_PATH) — an explicit override;
//   2. /usr/bin/chromium — Debian's package;
//   3. Playwright's own downloaded browser.
// `ensureBrowser()` installs one when none is found.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Flags for a headless Chromium on a machine with no outside network (see README, Testing). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function playwrightBrowser() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {Promise<string | undefined>} an executable path, or undefined to let Playwright use its own. */
export async function findBrowser() {
  const override = process.env.CONSENTRY_CHROMIUM || process.env.CHROME_PATH;
  if (override) {
    if (!existsSync(override))
      throw new Error(`CONSENTRY_CHROMIUM points to ${override}, which does not exist`);
    return override;
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return system;
  return playwrightBrowser();
}

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
}

export async function ensureBrowser() {
  const found = await findBrowser();
  if (found) return found;
  // A developer machine: Playwright's own download. Machines without outside access refuse it,
  // so on Debian as root fall back to the distribution's package.
  try {
    run('npx', ['playwright', 'install', 'chromium']);
  } catch {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && existsSync('/usr/bin/apt-get')) {
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
    } else {
      throw new Error(
        'No Chromium found. Install one: `npx playwright install chromium`, or set CONSENTRY_CHROMIUM.',
      );
    }
  }
  const installed = await findBrowser();
  if (!installed) throw new Error('Chromium was installed but cannot be found.');
  return installed;
}
