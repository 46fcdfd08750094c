import { expect, fakes, storedTrackers, test } from './fixtures';
import { ConsentBanner } from './models/consent-banner';
import { ConsentryFiles } from './models/consentry-files';

/**
 * The script tag's loading tiers (issue 16, DESIGN.md): the synchronous file alone keeps every
 * guarantee of the gate and applies a stored choice; the deferred part (validation, decisions,
 * cleanup, tags from settings), the UI, one language's texts and the dialog come in files of their
 * own, fetched without blocking the parser and without a waterfall. Each test holds a file back to
 * show what holds without it.
 */
const PASTED = '/e2e/gate/pasted.html';
const CORE = 'consentry-core.min.js';
const UI = 'consentry-ui.min.js';

test('first visit: the banner needs the synchronous file, the UI and one language; nothing tracks while the rest waits', async ({
  page,
  trackers,
}) => {
  const files = await ConsentryFiles.watch(page, { hold: [CORE] });
  const banner = new ConsentBanner(page);
  await page.goto(PASTED);
  await expect(banner.acceptAll).toBeVisible();
  expect(files.requested.slice(0, 3).sort()).toEqual(
    ['consentry-ui-en.min.js', 'consentry.min.js', UI].sort(),
  );
  expect(files.has('consentry-ui-ru.min.js')).toBe(false);

  // A decision made before the deferred part has arrived waits for it: nothing runs or is stored yet.
  await banner.acceptAll.click();
  await expect.poll(() => files.has(CORE)).toBe(true);
  expect(trackers.hits()).toEqual([]);
  expect((await fakes(page)).gtagLoads ?? 0).toBe(0);
  expect(await storedTrackers(page)).toEqual({ cookies: [], storage: [] });

  // Once it arrives, the decision is recorded and the tags are released.
  files.release(CORE);
  await expect.poll(async () => (await banner.consent())?.method).toBe('accept-all');
  await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);
  await expect.poll(async () => (await fakes(page)).tagJsLoads).toBe(1);
});

test('returning visitor: the stored choice opens the gate before the deferred part arrives; no UI is fetched', async ({
  page,
}) => {
  await page.goto(PASTED);
  await page.evaluate(() => window.consentry.accept(['analytics']));
  await expect
    .poll(async () => (await page.context().cookies()).some((c) => c.name === 'consentry'))
    .toBe(true);

  const files = await ConsentryFiles.watch(page, { hold: [CORE] });
  await page.goto(PASTED);
  await expect.poll(async () => (await fakes(page)).gtagLoads).toBe(1);
  await expect.poll(async () => (await fakes(page)).tagJsLoads).toBe(1);
  expect(await page.evaluate(() => window.consentry.isGranted('analytics'))).toBe(true);
  // I2: the update for the stored choice is in the data layer, after the default, with the deferred part held.
  const consent = await page.evaluate(() =>
    (window as unknown as { dataLayer: IArguments[] }).dataLayer
      .filter((entry) => entry[0] === 'consent')
      .map((entry) => [entry[1], (entry[2] as Record<string, string>).analytics_storage]),
  );
  expect(consent).toEqual([
    ['default', 'denied'],
    ['update', 'granted'],
  ]);
  // The Google Ads tag (marketing) stays closed.
  expect((await fakes(page)).gtag?.length ?? 0).toBeGreaterThan(0);
  for (const file of [UI, 'consentry-ui-en.min.js', 'consentry-ui-dialog.min.js']) {
    expect(files.has(file), file).toBe(false);
  }
  files.release(CORE);
});

test('data-config: the UI and its texts are fetched while the settings load, side by side', async ({
  page,
}) => {
  const settings = '**/e2e/gate/remote-settings.json';
  const files = await ConsentryFiles.watch(page, { hold: [UI, 'remote-settings.json'], settings });
  await page.goto('/e2e/gate/remote.html', { waitUntil: 'commit' });
  await expect
    .poll(() => ['remote-settings.json', UI, 'consentry-ui-en.min.js'].every((name) => files.has(name)))
    .toBe(true);
  files.release('remote-settings.json');
  files.release(UI);
  await expect(new ConsentBanner(page).acceptAll).toBeVisible();
});

test('a Russian page fetches the Russian texts only', async ({ page }) => {
  const files = await ConsentryFiles.watch(page);
  await page.goto('/e2e/ui/ru.html');
  await expect(new ConsentBanner(page, 'ru').acceptAll).toBeVisible();
  expect(files.has('consentry-ui-ru.min.js')).toBe(true);
  expect(files.has('consentry-ui-en.min.js')).toBe(false);
});

test('the dialog comes in a file of its own, after the banner, and opens from Settings', async ({ page }) => {
  const files = await ConsentryFiles.watch(page, { hold: ['consentry-ui-dialog.min.js'] });
  const banner = new ConsentBanner(page);
  await page.goto(PASTED);
  await expect(banner.acceptAll).toBeVisible();
  await banner.settings.click();
  await expect.poll(() => files.has('consentry-ui-dialog.min.js')).toBe(true);
  expect(files.requested.indexOf('consentry-ui-dialog.min.js')).toBeGreaterThan(files.requested.indexOf(UI));
  await expect(banner.dialog).toBeHidden();
  files.release('consentry-ui-dialog.min.js');
  await expect(banner.dialog).toBeVisible();
  await expect(banner.switchFor('analytics')).not.toBeChecked();
});
