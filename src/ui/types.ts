import type { ResolvedSettings } from '../config/types';
import type { ConsentSnapshot } from '../consent/types';
import type { PreferencesDialog } from './preferences-dialog';
import type { BuiltInTexts } from './texts/types';

/** What the UI needs from a Consentry instance. The UI never reaches past this interface. */
export interface UiHost {
  readonly settings: ResolvedSettings;
  /** The resolved UI language (`en`, `ru` or a language that `settings.texts` provides). */
  readonly language: string;
  /** The built-in texts the UI starts from (`en` or `ru`); settings texts override them key by key. */
  readonly texts: BuiltInTexts;
  /** Category ids offered to this visitor, in display order (region rules may hide some). */
  readonly categories: readonly string[];
  /** Service ids in effect (catalogue services that apply plus custom ones), each with its category. */
  readonly services: readonly UiService[];
  getSnapshot(): ConsentSnapshot;
  subscribe(listener: () => void): () => void;
  acceptAll(): void;
  rejectAll(): void;
  /** Grant exactly these categories (plus required ones); everything else is refused. */
  accept(categories: readonly string[]): void;
  /**
   * The preferences dialog, which the banner does not need: the script tag fetches it in a file of
   * its own once the banner shows, the npm build imports it lazily. A component at hand is used at once.
   */
  loadDialog(): DialogComponent | Promise<DialogComponent>;
  /** Tell the instance a view opened or closed, for the `show`/`hide` events. */
  notify(event: 'show' | 'hide', view: 'banner' | 'preferences'): void;
}

/** A service as the dialog lists it. */
export interface UiService {
  readonly id: string;
  readonly category: string;
  readonly name: string;
  readonly provider?: string | { readonly [language: string]: string };
  readonly description?: string | { readonly [language: string]: string };
  readonly declarations: readonly {
    readonly name: string;
    readonly purpose?: string | { readonly [language: string]: string };
    readonly lifetime?: string | { readonly [language: string]: string };
    readonly kind?: 'cookie' | 'localStorage' | 'sessionStorage';
  }[];
  readonly thirdParty: boolean;
  readonly abroad: boolean | string;
}

/** What `mountUi` returns. */
export interface UiController {
  showBanner(): void;
  showPreferences(): void;
  hide(): void;
  destroy(): void;
}

export type DialogComponent = typeof PreferencesDialog;
