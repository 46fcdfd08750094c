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
  loaders: UiLoaders,
  doc: Document,
): UiAccess {
  let ui: Promise<UiController> | undefined;
  const load = () =>
    (ui ??= Promise.all([loaders.loadUi(), loaders.loadTexts(builtInLanguage(started.language))]).then(
      ([mount, texts]) => mount(started, backend, emitter, texts, loaders.loadDialog, doc),
    ));
  const withUi = (action: (controller: UiController) => void) => () =>
    void load().then(action, (error: unknown) =>
      doc.defaultView?.console.error('consentry: the banner could not be loaded', error),
    );
  return {
    show: withUi((controller) => controller.showBanner()),
    hide: withUi((controller) => controller.hide()),
    showPreferences: withUi((controller) => controller.showPreferences()),
    preload: () => void load().catch(() => undefined),
  };
}

/** Without a UI (the headless build) the views are the site's own: only the events tell it. */
export function headlessUi(emitter: Emitter<ConsentryEvents>): UiAccess {
  const view = (event: 'show' | 'hide', name: 'banner' | 'preferences') => () =>
    emitter.emit(event, { view: name });
  return {
    show: view('show', 'banner'),
    hide: view('hide', 'banner'),
    showPreferences: view('show', 'preferences'),
    preload: () => undefined,
  };
}
