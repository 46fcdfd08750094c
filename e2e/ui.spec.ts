import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsentBanner, type Box, type Language } from './models/consent-banner';

/**
 * The banner and the preferences dialog (U1–U9, A1–A4, R1) in real Chromium, loading the built
 * `dist/consentry.min.js` from pages in e2e/pages/ui/ exactly as a site would. Every page's settings are
 * inline JSON in the page itself; the layout, theme and language are in the page name.
 */

const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 360, height: 740 };

async function open(page: Page, name: string, language: Language = 'en'): Promise<ConsentBanner> {
  await page.goto(`/e2e/ui/${name}.html`);
  const ui = new ConsentBanner(page, language);
  await expect(ui.banner).toBeVisible();
  return ui;
}

/** Computed styles that make two buttons look alike (U1: equal size, weight and style). */
function looks(button: Locator) {
  return button.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      tag: element.tagName,
      fontWeight: style.fontWeight,
      fontSize: style.fontSize,
      fontFamily: style.fontFamily,
      color: style.color,
      background: style.backgroundColor,
      border: style.border,
      borderRadius: style.borderRadius,
      padding: style.padding,
    };
  });
}

/** U1: the three choices are alike in size and style, and arranged in a row or a stack in the given order. */
async function expectEqualChoices(choices: Locator[], arrangement: 'row' | 'stack') {
  const boxes: Box[] = [];
  for (const choice of choices) {
    await expect(choice).toBeVisible();
    boxes.push(await ConsentBanner.box(choice));
  }
  const [first, ...others] = boxes as [Box, ...Box[]];
  for (const box of others) {
    expect(Math.abs(box.width - first.width), 'equal widths').toBeLessThanOrEqual(1);
    expect(Math.abs(box.height - first.height), 'equal heights').toBeLessThanOrEqual(1);
  }
  for (const box of boxes) {
    // A3 (WCAG 2.5.8): targets of at least 24 × 24 px.
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  const styles = await Promise.all(choices.map(looks));
  expect(styles[0]!.tag).toBe('BUTTON');
  for (const style of styles.slice(1)) expect(style).toEqual(styles[0]);
  for (let i = 1; i < boxes.length; i++) {
    const [before, after] = [boxes[i - 1]!, boxes[i]!];
    if (arrangement === 'row') {
      expect(Math.abs(after.y - before.y), 'one row').toBeLessThanOrEqual(1);
      expect(after.x, 'left to right, no overlap').toBeGreaterThanOrEqual(before.x + before.width);
    } else {
      expect(Math.abs(after.x - before.x), 'one column').toBeLessThanOrEqual(1);
      expect(after.y, 'top to bottom, no overlap').toBeGreaterThanOrEqual(before.y + before.height);
    }
  }
}

/** The `data-consentry-action` hooks of a container's buttons, in DOM order (U9). */
function actionsInDomOrder(container: Locator) {
  return container.evaluate((element) =>
    Array.from(element.querySelectorAll('button')).map((button) =>
      button.getAttribute('data-consentry-action'),
    ),
  );
}

test.describe('axe-core finds no violation in any state, with every rule on (A1)', () => {
  const cases: {
    title: string;
    page: string;
    language?: Language;
    scheme?: 'light' | 'dark';
    state?: 'dialog' | 'decided';
  }[] = [
    { title: 'bar at the bottom, light theme, English', page: 'bar-bottom' },
    { title: 'bar at the top', page: 'bar-top' },
    { title: 'box in the corner with a close button', page: 'close' },
    { title: 'modal', page: 'modal' },
    { title: 'dark theme', page: 'dark' },
    { title: 'Russian preset, auto theme in a light browser', page: 'ru', language: 'ru', scheme: 'light' },
    {
      title: 'preferences dialog with every service opened, light theme',
      page: 'bar-bottom',
      state: 'dialog',
    },
    { title: 'preferences dialog with every service opened, dark theme', page: 'dark', state: 'dialog' },
    {
      title: 'Russian preferences dialog with every service opened, auto theme in a dark browser',
      page: 'ru',
      language: 'ru',
      scheme: 'dark',
      state: 'dialog',
    },
    { title: 'after a decision: the reopen button and the announcement', page: 'reopen', state: 'decided' },
  ];
  for (const { title, page: name, language, scheme, state } of cases) {
    test(title, async ({ page }) => {
      if (scheme) await page.emulateMedia({ colorScheme: scheme });
      const ui = await open(page, name, language);
      if (state === 'dialog') {
        await ui.settings.click();
        await expect(ui.dialog).toBeVisible();
        expect(await ui.expandAllServices()).toBeGreaterThan(0);
        await expect(ui.dialog.locator('details:not([open])')).toHaveCount(0);
      } else if (state === 'decided') {
        await ui.acceptAll.click();
        await expect(ui.reopen).toBeVisible();
        await expect(ui.status).toHaveText(ui.t.saved);
      }
      const { violations, checkedInShadow } = await ui.axe();
      expect(violations).toEqual([]);
      expect(checkedInShadow, 'checks inside the shadow root').toBeGreaterThan(5);
    });
  }
});

test.describe('the three choices (U1, U9, A3)', () => {
  const pages: [string, Language][] = [
    ['bar-bottom', 'en'],
    ['bar-top', 'en'],
    ['box', 'en'],
    ['modal', 'en'],
    ['ru', 'ru'],
  ];

  for (const [viewport, arrangement] of [
    [DESKTOP, 'row'],
    [PHONE, 'stack'],
  ] as const) {
    test(`are equal buttons in the order Accept, Reject, Settings, in a ${arrangement} at ${viewport.width} px`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      for (const [name, language] of pages) {
        const ui = await open(page, name, language);
        expect(await actionsInDomOrder(ui.banner), name).toEqual(['accept-all', 'reject-all', 'preferences']);
        await expectEqualChoices(ui.choices, arrangement);

        await ui.settings.click();
        await expect(ui.dialog).toBeVisible();
        const inDialog = await actionsInDomOrder(ui.dialog);
        expect(inDialog.filter((action) => action !== 'close')).toEqual(['accept-all', 'reject-all', 'save']);
        await expectEqualChoices(
          [
            ui.dialog.getByRole('button', { name: ui.t.acceptAll }),
            ui.dialog.getByRole('button', { name: ui.t.rejectAll }),
            ui.save,
          ],
          arrangement,
        );
        // Every other target in the dialog: the ×, the switches, the service summaries (WCAG 2.5.8).
        const targets = [
          ui.dialogClose,
          ...(await ui.dialog.getByRole('switch').all()),
          ...(await ui.dialog.locator('summary').all()),
        ];
        for (const target of targets) {
          const box = await ConsentBanner.box(target);
          expect(box.width, `${name}: ${target}`).toBeGreaterThanOrEqual(24);
          expect(box.height, `${name}: ${target}`).toBeGreaterThanOrEqual(24);
        }
      }
    });
  }
});

test.describe('keyboard only (A2, A4)', () => {
  test('Tab reaches Accept all, Reject all, Settings in that order, and the bar never traps focus', async ({
    page,
  }) => {
    const ui = await open(page, 'bar-bottom');
    await ui.tabUntil((focused) => focused.action === 'accept-all');
    await expect(ui.acceptAll).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(ui.rejectAll).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(ui.settings).toBeFocused();
    // Past the last button focus leaves the bar (via the browser's own UI) and comes back to the page.
    const next = await ui.tabUntil((focused) => !focused.inConsentry && focused.tag !== 'body', 3);
    expect(next).toMatchObject({ tag: 'a', name: 'Catalogue', inConsentry: false });
    await expect(ui.banner).toBeVisible();
    expect(await ui.consent()).toBeNull();
  });

  test('Enter on Accept all accepts everything and announces it', async ({ page }) => {
    const ui = await open(page, 'bar-bottom');
    await ui.tabUntil((focused) => focused.action === 'accept-all');
    await page.keyboard.press('Enter');
    await expect(ui.banner).toBeHidden();
    expect(await ui.consent()).toMatchObject({
      method: 'accept-all',
      categories: { necessary: true, analytics: true, marketing: true },
    });
    await expect(ui.status).toHaveText(ui.t.saved);
  });

  test('Space on Reject all refuses everything optional', async ({ page }) => {
    const ui = await open(page, 'bar-bottom');
    await ui.tabUntil((focused) => focused.action === 'reject-all');
    await page.keyboard.press('Space');
    await expect(ui.banner).toBeHidden();
    expect(await ui.consent()).toMatchObject({
      method: 'reject-all',
      categories: { necessary: true, analytics: false, marketing: false },
    });
  });

  test('Settings opens a labelled modal dialog; Tab cycles inside; Space switches analytics on; Save records and announces it', async ({
    page,
  }) => {
    const ui = await open(page, 'bar-bottom');
    await ui.tabUntil((focused) => focused.action === 'preferences');
    await page.keyboard.press('Enter');

    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog).toHaveAttribute('aria-modal', 'true');
    await expect(ui.dialog).toHaveAccessibleName(ui.t.dialogTitle);
    await expect(ui.dialog).toHaveAccessibleDescription(ui.t.dialogDescription);
    const first = await ui.focused();
    expect(first.inDialog, 'focus moved into the dialog').toBe(true);

    // Shift+Tab from the first element wraps to the last one, and Tab from there back to the first.
    await page.keyboard.press('Shift+Tab');
    const last = await ui.focused();
    expect(last.inDialog).toBe(true);
    expect(last).not.toEqual(first);
    await page.keyboard.press('Tab');
    expect(await ui.focused()).toEqual(first);

    // A full round of Tab stays inside and comes back to the first element, never touching the page.
    const round = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await ui.focused();
      expect(focused.inDialog, `Tab ${i + 1} stayed in the dialog (${focused.tag} ${focused.name})`).toBe(
        true,
      );
      round.push(focused);
      if (focused.tag === first.tag && focused.name === first.name) break;
    }
    expect(round.at(-1)).toEqual(first);
    expect(round.at(-2)).toEqual(last);
    expect(round.map((focused) => focused.name)).toEqual(
      expect.arrayContaining([ui.t.analytics, ui.t.marketing, ui.t.acceptAll, ui.t.rejectAll, ui.t.save]),
    );

    const analytics = ui.switchFor('analytics');
    await expect(analytics).not.toBeChecked();
    await expect(ui.switchFor('marketing')).not.toBeChecked();
    await expect(ui.switchFor('necessary')).toBeChecked();
    await expect(ui.switchFor('necessary')).toBeDisabled();
    await ui.tabUntil((focused) => focused.name === ui.t.analytics);
    await expect(analytics).toBeFocused();
    await page.keyboard.press('Space');
    await expect(analytics).toBeChecked();

    await ui.tabUntil((focused) => focused.action === 'save');
    await page.keyboard.press('Enter');
    await expect(ui.dialog).toBeHidden();
    await expect(ui.banner).toBeHidden();
    expect(await ui.consent()).toMatchObject({
      method: 'custom',
      categories: { necessary: true, analytics: true, marketing: false },
    });
    await expect(ui.status).toHaveText(ui.t.saved);
  });

  test('Escape closes the dialog, records nothing and returns focus to Settings', async ({ page }) => {
    const ui = await open(page, 'bar-bottom');
    await ui.tabUntil((focused) => focused.action === 'preferences');
    await page.keyboard.press('Enter');
    await expect(ui.dialog).toBeVisible();
    await ui.tabUntil((focused) => focused.name === ui.t.analytics);
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await expect(ui.dialog).toBeHidden();
    await expect(ui.settings).toBeFocused();
    await expect(ui.banner).toBeVisible();
    expect(await ui.consent()).toBeNull();
    await expect(ui.status).toHaveText('');
  });
});

test.describe('closing without a choice (U3)', () => {
  test('the × records nothing, loads nothing, and the banner asks again after a reload', async ({
    page,
    trackers,
  }) => {
    const ui = await open(page, 'close');
    await ui.close.click();
    await expect(ui.banner).toBeHidden();
    await page.waitForTimeout(1000);
    expect(await ui.consent()).toBeNull();
    expect(await page.context().cookies()).toEqual([]);
    expect(trackers.requests).toEqual([]);

    await page.reload();
    await expect(ui.banner).toBeVisible();
    expect(await ui.consent()).toBeNull();
    expect(trackers.requests).toEqual([]);

    // The control: the same page does load Google Analytics once the visitor accepts.
    await ui.acceptAll.click();
    await expect
      .poll(() => trackers.requests.some((request) => request.url.includes('googletagmanager.com/gtag/js')))
      .toBe(true);
  });

  test('Escape on the modal banner closes it and records nothing', async ({ page, trackers }) => {
    const ui = await open(page, 'modal');
    await expect(ui.banner).toHaveAttribute('aria-modal', 'true');
    await page.keyboard.press('Escape');
    await expect(ui.banner).toBeHidden();
    expect(await ui.consent()).toBeNull();
    expect(trackers.requests).toEqual([]);
  });
});

test.describe('showing the banner moves no page content (U8)', () => {
  for (const name of ['bar-bottom', 'bar-top', 'box']) {
    test(`${name}: cumulative layout shift is 0`, async ({ page }) => {
      await page.addInitScript(() => {
        const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // Hold the UI chunk until the page has settled, so "before" is measured without the banner.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/dist/consentry-ui.min.js', async (route) => {
        await released;
        await route.continue();
      });
      // The held chunk keeps the load event from firing, so wait for the parsed page only.
      await page.goto(`/e2e/ui/${name}.html`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      const ui = new ConsentBanner(page);
      const rects = () =>
        page.evaluate(() =>
          ['h1', '#lead', '#first-link', 'main p:last-child', '#bottom-link'].map((selector) =>
            document.querySelector(selector)!.getBoundingClientRect().toJSON(),
          ),
        );
      const before = await rects();
      await expect(ui.banner).toHaveCount(0);
      release();
      await expect(ui.banner).toBeVisible();
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      expect(await rects()).toEqual(before);
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
    });
  }
});

test.describe('the page cannot break it (U7)', () => {
  test('hostile page CSS neither hides nor restyles the banner, and Accept all works', async ({ page }) => {
    const normal = await open(page, 'bar-bottom');
    const expected = await Promise.all(normal.choices.map(looks));

    const ui = await open(page, 'hostile');
    expect(await page.evaluate(() => document.querySelector('body > [data-consentry-root]') !== null)).toBe(
      true,
    );
    for (const [i, choice] of ui.choices.entries()) {
      await expect(choice).toBeVisible();
      const box = await ConsentBanner.box(choice);
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(await looks(choice)).toEqual(expected[i]);
    }
    await expectEqualChoices(ui.choices, 'row');
    await ui.acceptAll.click();
    await expect(ui.banner).toBeHidden();
    expect(await ui.consent()).toMatchObject({ method: 'accept-all' });
  });

  test('a strict CSP (no unsafe-inline, nonce on Consentry only) reports no violation, and Accept all works', async ({
    page,
    consoleErrors,
  }) => {
    const ui = await open(page, 'csp');
    const violations = () =>
      page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    // The inline settings were read without a nonce (a JSON block is data, not script): the services
    // and the policy link from them are shown, and the styles applied (constructable stylesheets).
    await expect(ui.banner.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute(
      'href',
      '/e2e/ui/privacy.html',
    );
    expect((await looks(ui.acceptAll)).background).toBe('rgb(11, 87, 208)');
    await ui.settings.click();
    await expect(ui.dialog).toBeVisible();
    await ui.expandAllServices();
    await expect(ui.dialog.getByText('Google Ireland Limited').first()).toBeVisible();
    await ui.dialog.getByRole('button', { name: ui.t.acceptAll }).click();
    await expect(ui.dialog).toBeHidden();
    await expect(ui.banner).toBeHidden();
    expect(await ui.consent()).toMatchObject({ method: 'accept-all' });
    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);

    // The control: the listener does hear a violation (an inline script without the nonce).
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.head.append(script);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
  });
});

test.describe('focus and reflow (A3)', () => {
  test('the bar at the bottom never covers the focused element (WCAG 2.4.11)', async ({ page }) => {
    const ui = await open(page, 'bar-bottom');
    const link = page.getByRole('link', { name: 'Contact us' });
    await ui.tabUntil((focused) => focused.name === 'Contact us');
    await expect(link).toBeFocused();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const bar = await ConsentBanner.box(ui.banner);
    const target = await ConsentBanner.box(link);
    expect(target.y).toBeGreaterThanOrEqual(0);
    expect(target.y + target.height, 'the link ends above the bar').toBeLessThanOrEqual(bar.y);
  });

  test('a bar at the top never covers the focused element at the top of the page (WCAG 2.4.11)', async ({
    page,
  }) => {
    // Scroll padding cannot scroll above the top of the page: the bar moves to the bottom edge instead.
    const ui = await open(page, 'bar-top');
    const link = page.getByRole('link', { name: 'Catalogue' });
    await ui.tabUntil((focused) => focused.name === 'Catalogue');
    await expect(link).toBeFocused();
    await expect
      .poll(async () => {
        const bar = await ConsentBanner.box(ui.banner);
        const target = await ConsentBanner.box(link);
        const overlaps = target.y < bar.y + bar.height && bar.y < target.y + target.height;
        return overlaps;
      }, 'the bar covers the focused link')
      .toBe(false);
  });

  /** A3 (WCAG 1.4.4, 1.4.10): every choice can be reached and nothing scrolls sideways. */
  async function expectReflow(page: Page, ui: ConsentBanner) {
    const noSidewaysScroll = async (locator: Locator) => {
      const { scroll, client } = await locator.evaluate((element) => ({
        scroll: element.scrollWidth,
        client: element.clientWidth,
      }));
      expect(scroll, `${locator} scrolls sideways`).toBeLessThanOrEqual(client);
    };
    await noSidewaysScroll(ui.banner);
    await noSidewaysScroll(page.locator('html'));
    for (const choice of ui.choices) {
      await choice.focus();
      await expect(choice).toBeInViewport({ ratio: 1 });
    }
    await page.keyboard.press('Enter');
    await expect(ui.dialog).toBeVisible();
    await ui.expandAllServices();
    await noSidewaysScroll(ui.dialog);
    await noSidewaysScroll(page.locator('html'));
    await ui.save.focus();
    await expect(ui.save).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await expect(ui.dialog).toBeHidden();
    expect(await ui.consent()).toMatchObject({ method: 'custom' });
  }

  test('at 320 px on a page with html { font-size: 200% } every choice is reachable and nothing scrolls sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const ui = await open(page, 'zoom');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    await expectReflow(page, ui);
  });

  test('at 320 px with the browser text size doubled every choice is reachable and nothing scrolls sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    // The banner's sizes are in em of the visitor's own text size (a page's root font size cannot
    // shrink or blow it up), so 200 % text is the browser's text-size setting: 32 px instead of 16 px.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    const ui = await open(page, 'bar-bottom');
    expect(await ui.acceptAll.evaluate((button) => getComputedStyle(button).fontSize)).toBe('32px');
    await expectReflow(page, ui);
  });
});

test('the reopen button appears after a decision, and withdrawing there works (R1)', async ({ page }) => {
  const ui = await open(page, 'reopen');
  await expect(ui.reopen).toHaveCount(0);
  await ui.acceptAll.click();
  await expect(ui.banner).toBeHidden();
  await expect(ui.reopen).toBeVisible();
  const box = await ConsentBanner.box(ui.reopen);
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);

  await ui.reopen.click();
  await expect(ui.dialog).toBeVisible();
  const analytics = ui.switchFor('analytics');
  await expect(analytics).toBeChecked();
  await analytics.click();
  await expect(analytics).not.toBeChecked();
  await ui.save.click();
  await expect(ui.dialog).toBeHidden();
  expect(await ui.consent()).toMatchObject({
    method: 'custom',
    categories: { analytics: false, marketing: true },
  });
  await expect(ui.status).toHaveText(ui.t.saved);
  // Focus goes back to the button that opened the dialog.
  await expect(ui.reopen).toBeFocused();
});

test('the reopen button is there on the next page too (R1: reachable on every page)', async ({ page }) => {
  const ui = await open(page, 'reopen');
  await ui.rejectAll.click();
  await expect(ui.reopen).toBeVisible();
  await page.reload();
  await expect(ui.reopen).toBeVisible({ timeout: 3000 });
  await expect(ui.banner).toHaveCount(0);
});
