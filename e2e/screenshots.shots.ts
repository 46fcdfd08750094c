import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { ConsentBanner, type Language } from './models/consent-banner';

/**
 * The README's pictures of the banner and the dialog, saved to docs/screenshots/. They change files in
 * the tree, so they are not part of `npm test`; take them with `npm run screenshots`.
 */

const shots: {
  file: string;
  page: string;
  language: Language;
  scheme: 'light' | 'dark';
  viewport: { width: number; height: number };
  view: 'banner' | 'dialog';
}[] = [
  {
    file: 'banner-en-light',
    page: 'bar-bottom',
    language: 'en',
    scheme: 'light',
    viewport: { width: 1280, height: 720 },
    view: 'banner',
  },
  {
    file: 'banner-ru-dark',
    page: 'ru',
    language: 'ru',
    scheme: 'dark',
    viewport: { width: 1280, height: 720 },
    view: 'banner',
  },
  {
    file: 'dialog-en-light',
    page: 'bar-bottom',
    language: 'en',
    scheme: 'light',
    viewport: { width: 1280, height: 720 },
    view: 'dialog',
  },
  {
    file: 'dialog-ru-dark',
    page: 'ru',
    language: 'ru',
    scheme: 'dark',
    viewport: { width: 1280, height: 720 },
    view: 'dialog',
  },
  {
    file: 'banner-en-light-mobile',
    page: 'bar-bottom',
    language: 'en',
    scheme: 'light',
    viewport: { width: 360, height: 740 },
    view: 'banner',
  },
  {
    file: 'dialog-ru-light-mobile',
    page: 'ru',
    language: 'ru',
    scheme: 'light',
    viewport: { width: 360, height: 740 },
    view: 'dialog',
  },
];

for (const shot of shots) {
  test(`${shot.file}.png`, async ({ page }) => {
    await page.setViewportSize(shot.viewport);
    // The Russian page's theme is `auto`: it follows the browser's colour scheme.
    await page.emulateMedia({ colorScheme: shot.scheme, reducedMotion: 'reduce' });
    await page.goto(`/e2e/ui/${shot.page}.html`);
    const ui = new ConsentBanner(page, shot.language);
    await expect(ui.banner).toBeVisible();
    if (shot.view === 'dialog') {
      await ui.settings.click();
      await expect(ui.dialog).toBeVisible();
    }
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({
      path: fileURLToPath(new URL(`../docs/screenshots/${shot.file}.png`, import.meta.url)),
      animations: 'disabled',
      caret: 'hide',
    });
  });
}
