import { builtInLanguage } from '../config/language';
import type { ResolvedSettings } from '../config/types';
import type { Emitter } from '../consent/emitter';
import type { ConsentSnapshot, ConsentryEvents } from '../consent/types';
import type { BuiltInTexts } from '../ui/texts/types';
import type { DialogComponent, UiController } from '../ui/types';
import type { Started } from './start';
import type { mountWithHost } from './ui-host';

/** How the UI arrives: the script tag fetches chunks, the npm build imports them. */
export interface UiLoaders {
  readonly loadUi: () => Promise<typeof mountWithHost>;
  /** The built-in texts of `en` or `ru` (the UI's base for any language). */
  readonly loadTexts: (language: string) => Promise<BuiltInTexts>;
  /** The preferences dialog, which the banner does not need. */
  readonly loadDialog: () => Promise<DialogComponent>;
}

/** What the UI's buttons do, and the state they show; the deferred part may not be here yet. */
export interface UiBackend {
  readonly settings: () => ResolvedSettings;
  readonly getSnapshot: () => ConsentSnapshot;
  readonly acceptAll: () => void;
  readonly rejectAll: () => void;
  readonly accept: (categories: readonly string[]) => void;
}

export interface UiAccess {
  show(): void;
  hide(): void;
  showPreferences(): void;
  /** Start fetching the UI and its texts without showing anything. */
  preload(): void;
}

/**
 * The banner and dialog, loaded at most once: on a first visit at once, for a returning visitor
 * only when asked for (DESIGN.md, loading tiers). The UI chunk and the texts chunk are fetched
 * side by side, so neither waits for the other.
 */
export function createUiAccess(
  started: Started,
  emitter: Emitter<ConsentryEvents>,
  backend: UiBackend,
  loaders: UiLoaders | undefined,
  doc: Document,
): UiAccess {
  let ui: Promise<UiController> | undefined;

  function load(): Promise<UiController> {
    if (!loaders) return Promise.reject(new Error('no UI in this build'));
    return (ui ??= Promise.all([loaders.loadUi(), loaders.loadTexts(builtInLanguage(started.language))]).then(
      ([mount, texts]) => mount(started, backend, emitter, texts, loaders.loadDialog, doc),
    ));
  }

  function withUi(action: (controller: UiController) => void): void {
    load().then(action, (error: unknown) =>
      doc.defaultView?.console.error('consentry: the banner could not be loaded', error),
    );
  }

  // Without a UI (the headless build) the views are the site's own: only the events tell it.
  const view = (event: 'show' | 'hide', name: 'banner' | 'preferences', action: (c: UiController) => void) =>
    loaders ? () => withUi(action) : () => emitter.emit(event, { view: name });
  return {
    show: view('show', 'banner', (controller) => controller.showBanner()),
    hide: view('hide', 'banner', (controller) => controller.hide()),
    showPreferences: view('show', 'preferences', (controller) => controller.showPreferences()),
    preload: () => void (loaders && load().catch(() => undefined)),
  };
}
