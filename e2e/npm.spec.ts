import type * as Entry from '../src/index';
import { expect, fakes, test } from './fixtures';

/** The npm entries, as a bundler-less app imports them: dist/index.js (with UI) and dist/headless.js. */
test.describe('npm build', () => {
  test('consentry: createConsentry closes the gate, shows the Preact banner, and opens on accept', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/npm/app.html');
    const accept = page.getByRole('button', { name: 'Принять все' });
    await expect(accept).toBeVisible();
    expect(trackers.requests).toEqual([]);
    await accept.click();
    await expect.poll(async () => (await fakes(page)).tagJsLoads ?? 0).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { app: { events: unknown[] } }).app.events),
    ).toEqual([
      ['show', 'banner'],
      ['change', 'accept-all'],
    ]);
  });

  test('consentry/headless: no UI, show() only emits the event, the API decides', async ({
    page,
    trackers,
  }) => {
    await page.goto('/e2e/npm/app.html?entry=headless');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { app?: { events: unknown[] } }).app?.events))
      .toEqual([['show', 'banner']]);
    await expect(page.locator('[data-consentry-root]')).toHaveCount(0);
    expect(trackers.requests).toEqual([]);
    await page.evaluate(() =>
      (window as unknown as { app: { consentry: { acceptAll(): void } } }).app.consentry.acceptAll(),
    );
    await expect.poll(async () => (await fakes(page)).tagJsLoads ?? 0).toBe(1);
  });

  test('importing either entry in Node, with no DOM, does not throw; createConsentry is inert there', async () => {
    for (const entry of ['index', 'headless']) {
      const module = (await import(`../dist/${entry}.js`)) as typeof Entry;
      const instance = module.createConsentry({ categories: { necessary: { required: true } } });
      expect(instance.getConsent()).toBeNull();
      expect(instance.isGranted('analytics')).toBe(false);
      expect(instance.getSnapshot().needsDecision).toBe(true);
    }
  });
});
