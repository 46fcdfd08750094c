import type { ResolvedSettings } from '../config/types';
import type { ConsentRecord, ConsentSnapshot, ConsentryEvents } from '../consent/types';
import type { mountWithHost } from './ui-host';

/**
 * A Consentry instance: `createConsentry(settings)` in npm, `window.consentry` on a script-tag site.
 * Methods do not depend on `this`: `const { acceptAll } = consentry` works.
 */
export interface Consentry {
  /** Show the first layer (the banner). */
  show(): void;
  /** Close the banner or the dialog without recording anything (U3). */
  hide(): void;
  /** Open the preferences dialog: change or withdraw consent at any time (R1, GDPR Art. 7(3)). */
  showPreferences(): void;
  acceptAll(): void;
  rejectAll(): void;
  /** Grant exactly these categories (plus required ones); every other one is refused or withdrawn. */
  accept(categories: readonly string[]): void;
  /** The stored choice, or `null` when the visitor has not decided (or must be asked again). */
  getConsent(): ConsentRecord | null;
  /** Whether a category is granted now. Required categories always are. */
  isGranted(category: string): boolean;
  /** Listen to `ready`, `change`, `show`, `hide`; returns an unsubscribe. Also `consentry:<event>` on `window`. */
  on<K extends keyof ConsentryEvents>(event: K, listener: (detail: ConsentryEvents[K]) => void): () => void;
  /** For React's `useSyncExternalStore(consentry.subscribe, consentry.getSnapshot)`. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConsentSnapshot;
  /** Forget the choice (delete the consent cookie) and ask again. */
  reset(): void;
  /** The validated, frozen settings in effect. */
  readonly settings: ResolvedSettings;
}

/** The UI's entry point, as the lazily loaded chunk or the npm build provides it. */
export type MountUi = typeof mountWithHost;
