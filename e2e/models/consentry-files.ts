import type { Page, Route } from '@playwright/test';

/**
 * The files of Consentry's script tag as the page fetches them (`/dist/consentry*.min.js`, and the
 * settings file when asked): which were requested, in order — and, for the tests of the loading
 * tiers, files held back until the test lets them through, to show what works without them.
 */
export class ConsentryFiles {
  /** File names (the last path segment), in the order the page asked for them. */
  readonly requested: string[] = [];
  private readonly gates = new Map<string, { open: Promise<void>; release: () => void }>();

  private constructor(hold: readonly string[]) {
    for (const name of hold) {
      let release!: () => void;
      const open = new Promise<void>((done) => (release = done));
      this.gates.set(name, { open, release });
    }
  }

  /** Start watching before the page loads; `hold` names the files that wait for `release`. */
  static async watch(
    page: Page,
    options: { hold?: readonly string[]; settings?: string } = {},
  ): Promise<ConsentryFiles> {
    const files = new ConsentryFiles(options.hold ?? []);
    const handle = async (route: Route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      files.requested.push(name);
      await files.gates.get(name)?.open;
      await route.continue();
    };
    await page.route('**/dist/consentry*.min.js', handle);
    if (options.settings) await page.route(options.settings, handle);
    return files;
  }

  /** Let a held file through. */
  release(name: string): void {
    this.gates.get(name)?.release();
  }

  has(name: string): boolean {
    return this.requested.includes(name);
  }
}
