import { expect, fakes, test } from './fixtures';

test.describe('the demo site (npm start)', () => {
  for (const [path, accept, language] of [
    ['/', 'Принять все', 'ru'],
    ['/en/', 'Accept all', 'en'],
  ] as const) {
    test(`${path} loads with no console error and shows the ${language} banner`, async ({
      page,
      consoleErrors,
    }) => {
      await page.goto(path);
      const button = page.getByRole('button', { name: accept });
      await expect(button).toBeVisible();
      await button.click();
      await expect.poll(async () => (await fakes(page)).tagJsLoads ?? 0).toBe(1);
      expect(await page.evaluate(() => window.consentry.getConsent()?.language)).toBe(language);
      expect(consoleErrors).toEqual([]);
    });
  }
});
