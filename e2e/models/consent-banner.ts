import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';

/** The visible texts the tests look for, as a visitor reads them (src/ui/texts). */
export const TEXTS = {
  en: {
    bannerTitle: 'We value your privacy',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    settings: 'Settings',
    save: 'Save choices',
    close: 'Close',
    dialogTitle: 'Cookie settings',
    dialogDescription: /^Choose which kinds of cookies/,
    saved: 'Preferences saved',
    reopen: 'Cookie settings',
    necessary: 'Necessary',
    analytics: 'Analytics',
    marketing: 'Marketing',
  },
  ru: {
    bannerTitle: 'Мы используем файлы cookie',
    acceptAll: 'Принять все',
    rejectAll: 'Отклонить все',
    settings: 'Настроить',
    save: 'Сохранить выбор',
    close: 'Закрыть',
    dialogTitle: 'Настройки cookie',
    dialogDescription: /^Выберите, какие файлы cookie/,
    saved: 'Настройки сохранены',
    reopen: 'Настройки cookie',
    necessary: 'Необходимые',
    analytics: 'Аналитические',
    marketing: 'Маркетинговые',
  },
} as const;

export type Language = keyof typeof TEXTS;

const AXE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** What has focus, looking through open shadow roots. */
export interface FocusedElement {
  readonly tag: string;
  readonly name: string;
  readonly action: string | null;
  /** Inside the Consentry root (the banner, the dialog, the reopen button). */
  readonly inConsentry: boolean;
  /** Inside the open preferences dialog. */
  readonly inDialog: boolean;
}

/** A visible rectangle, rounded to what a test compares. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The Consentry banner and preferences dialog as a visitor meets them: found by role and accessible
 * name, in English or Russian. The UI lives in an open shadow root, which Playwright's role locators pierce.
 */
export class ConsentBanner {
  readonly t: (typeof TEXTS)[Language];
  readonly root: Locator;
  /** The first layer: a region for bars and the box, a modal dialog for the `modal` layout. */
  readonly banner: Locator;
  readonly acceptAll: Locator;
  readonly rejectAll: Locator;
  readonly settings: Locator;
  /** The × of the first layer (only with `ui.closeButton`). */
  readonly close: Locator;
  /** The preferences dialog (second layer). */
  readonly dialog: Locator;
  readonly dialogClose: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly reopen: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {
    const t = (this.t = TEXTS[language]);
    this.root = page.locator('[data-consentry-root]');
    this.banner = this.root
      .getByRole('region', { name: t.bannerTitle })
      .or(this.root.getByRole('dialog', { name: t.bannerTitle }));
    this.acceptAll = this.banner.getByRole('button', { name: t.acceptAll, exact: true });
    this.rejectAll = this.banner.getByRole('button', { name: t.rejectAll, exact: true });
    this.settings = this.banner.getByRole('button', { name: t.settings, exact: true });
    this.close = this.banner.getByRole('button', { name: t.close, exact: true });
    this.dialog = this.root.getByRole('dialog', { name: t.dialogTitle });
    this.dialogClose = this.dialog.getByRole('button', { name: t.close, exact: true });
    this.save = this.dialog.getByRole('button', { name: t.save, exact: true });
    this.status = this.root.getByRole('status');
    this.reopen = this.root.getByRole('button', { name: t.reopen, exact: true });
  }

  /** The three choices of the first layer, in the order the tests expect them. */
  get choices(): Locator[] {
    return [this.acceptAll, this.rejectAll, this.settings];
  }

  switchFor(category: 'necessary' | 'analytics' | 'marketing'): Locator {
    return this.dialog.getByRole('switch', { name: this.t[category] });
  }

  /** Opens every service's `<details>` in the dialog, as a visitor clicking each summary would. */
  async expandAllServices(): Promise<number> {
    const summaries = this.dialog.locator('summary');
    const count = await summaries.count();
    for (let i = 0; i < count; i++) await summaries.nth(i).click();
    return count;
  }

  consent() {
    return this.page.evaluate(() => window.consentry.getConsent());
  }

  /** The element that has focus, looked up through shadow roots. */
  focused(): Promise<FocusedElement> {
    return this.page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const host = document.querySelector('[data-consentry-root]');
      const root = active?.getRootNode();
      const inConsentry = !!host && root instanceof ShadowRoot && root.host === host;
      return {
        tag: active?.tagName.toLowerCase() ?? 'none',
        name: (
          active?.getAttribute('aria-label') ??
          (active instanceof HTMLInputElement ? active.labels?.[0]?.textContent : active?.textContent) ??
          ''
        ).trim(),
        action: active?.getAttribute('data-consentry-action') ?? null,
        inConsentry,
        inDialog: inConsentry && !!active?.closest('dialog[aria-labelledby="cs-dialog-title"]'),
      };
    });
  }

  /** Presses Tab until `done` holds for the focused element, at most `limit` times. */
  async tabUntil(done: (focused: FocusedElement) => boolean, limit = 30): Promise<FocusedElement> {
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.focused();
      if (done(focused)) return focused;
    }
    throw new Error(`focus never reached the expected element in ${limit} presses of Tab`);
  }

  static async box(locator: Locator): Promise<Box> {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${locator} has no box`);
    return box;
  }

  /**
   * axe-core on the whole document, open shadow roots included, with every rule it ships. Also counts the
   * elements inside Consentry's shadow root that axe checked, so "no violation" cannot mean "not looked at".
   */
  async axe() {
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.addScriptTag({ path: AXE_PATH });
    const { violations, checkedInShadow } = await this.page.evaluate(async () => {
      interface Node {
        target: unknown[];
        failureSummary?: string;
      }
      interface Rule {
        id: string;
        impact: string;
        help: string;
        nodes: Node[];
      }
      const { axe } = window as unknown as {
        axe: { run(context: Document): Promise<{ violations: Rule[]; passes: Rule[] }> };
      };
      const result = await axe.run(document);
      // A node in a shadow tree is targeted by a list of selectors: the host's, then the node's inside it.
      const inShadow = (node: Node) => Array.isArray(node.target[0]);
      return {
        violations: result.violations,
        checkedInShadow: result.passes.flatMap((rule) => rule.nodes).filter(inShadow).length,
      };
    });
    return {
      checkedInShadow,
      violations: violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)}: ${node.failureSummary}`),
      })),
    };
  }
}
