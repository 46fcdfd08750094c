import { reportProblems, resolveSettings } from '../config/index';
import type { ResolvedSettings } from '../config/types';
import {
  connectConsentLog,
  connectTabs,
  createBrowserEnvironment,
  createConsentStore,
  createEmitter,
  type ConsentStore,
  type Emitter,
} from '../consent/index';
import type { ConsentSnapshot, ConsentryEvents } from '../consent/types';
import { releaseAllowed, removeDenied, type Gate } from '../gate/index';
import {
  applyRegion,
  googleAnalyticsTag,
  googleTagManagerTag,
  loadMetrica,
  webvisorAllowed,
} from '../integrations/index';
import { announce, gateFor } from './lifecycle';
import { gatePolicy, METRICA_URL, startConsent, type Started } from './start';
import type { Consentry } from './types';
import { createUiAccess, headlessUi, type UiAccess, type UiLoaders } from './ui-access';

declare const __CONSENTRY_VERSION__: string;

/** What Consentry loads itself from settings asks the gate about these URLs first. */
const GTAG_URL = 'https://www.googletagmanager.com/gtag/js';
const GTM_URL = 'https://www.googletagmanager.com/gtm.js';

/** The deferred part of an instance: decisions and what follows them. */
export type Core = Pick<
  Consentry,
  'settings' | 'acceptAll' | 'rejectAll' | 'accept' | 'reset' | 'getSnapshot' | 'getConsent' | 'isGranted'
>;

export interface FinishOptions {
  readonly win: Window & typeof globalThis;
  readonly gate: Gate;
  readonly emitter: Emitter<ConsentryEvents>;
  /** Shows the banner again when the visitor must be asked again (after `reset()` or an expiry). */
  readonly show: () => void;
  /** The page's CSP nonce, for the tags Consentry loads (G7). */
  readonly nonce?: string;
}

/**
 * The deferred part of an instance, over what `startConsent` applied: the consent store (decisions,
 * cookie writes), cross-tab sync, the consent log, cleanup and tags from settings. Ordering that
 * spans layers lives here (DESIGN.md): on every decision the Consent Mode `update` goes first, then
 * the gate opens or closes, then cookies of withdrawn categories are deleted (R2), then tags load.
 *
 * `settings` are the validated ones. The script tag started with a lenient read of the same input;
 * when validation dropped something, the gate is given the validated policy and a snapshot that
 * differs is applied like a change.
 */
export function finishInstance(settings: ResolvedSettings, started: Started, options: FinishOptions): Core {
  const { win, gate, emitter, nonce } = options;
  const doc = win.document;
  let offered = started.categories;
  if (settings !== started.settings) {
    const { categories, disabledServices } = applyRegion(settings, started.region);
    offered = categories;
    void gate.configure(gatePolicy(settings, disabledServices));
  }
  const store: ConsentStore = createConsentStore({
    settings,
    env: createBrowserEnvironment(),
    language: started.language,
    region: started.region,
    gpc: started.gpc,
    sdkVersion: __CONSENTRY_VERSION__,
    categories: offered,
    emitter,
  });
  const metrica = settings.integrations.yandexMetrica;

  /** Tags Consentry loads itself from settings: the zero-request path (DESIGN.md, Integrations). */
  function loadTags(granted: Readonly<Record<string, boolean>>) {
    const { googleAnalytics: ga, googleTagManager: gtm } = settings.integrations;
    if (ga && started.allows(GTAG_URL)) googleAnalyticsTag(win, doc, ga, nonce);
    if (gtm && started.allows(GTM_URL)) googleTagManagerTag(win, doc, gtm, nonce);
    if (metrica?.counters?.length && started.allows(METRICA_URL)) {
      loadMetrica(win, doc, metrica.counters, { webvisor: webvisorAllowed(metrica, granted), nonce });
    }
  }

  /** Apply a snapshot in the order R2 asks for: Consent Mode and the gate, cleanup, reload or tags. */
  function apply(snapshot: ConsentSnapshot, previous: ConsentSnapshot | undefined) {
    started.applyGrants(snapshot, previous);
    removeDenied(win, gate.rules, gate.cookies);
    const withdrawn = previous
      ? Object.keys(previous.granted).filter((id) => previous.granted[id] && !snapshot.granted[id])
      : [];
    if (settings.reloadOnWithdraw && withdrawn.some((id) => gate.ran.has(id))) {
      // A running script cannot be unloaded: reload so the withdrawn category's tags are gone (R2).
      win.location.reload();
      return;
    }
    loadTags(snapshot.granted);
  }

  let current = store.getSnapshot();
  const same = (a: ConsentSnapshot, b: ConsentSnapshot) =>
    a.record === b.record || JSON.stringify(a.granted) === JSON.stringify(b.granted);
  if (same(current, started.snapshot)) {
    // The start applied this choice already; what is left is the cleanup and the tags (R2, I5).
    removeDenied(win, gate.rules, gate.cookies);
    loadTags(current.granted);
  } else apply(current, started.snapshot);
  store.subscribe(() => {
    const next = store.getSnapshot();
    if (next === current) return;
    const previous = current;
    current = next;
    apply(next, previous);
    // After reset() (or a choice that expired in another tab) the visitor is asked again.
    if (next.needsDecision && !previous.needsDecision) options.show();
  });
  connectTabs(store, { name: settings.cookie.name });
  connectConsentLog(store);

  return {
    settings,
    acceptAll: () => void store.acceptAll(),
    rejectAll: () => void store.rejectAll(),
    accept: (ids) => void store.accept(ids),
    getConsent: () => store.getSnapshot().record,
    isGranted: (category) => store.getSnapshot().granted[category] === true,
    getSnapshot: store.getSnapshot,
    reset: () => store.reset(),
  };
}

export interface InstanceOptions {
  readonly win: Window & typeof globalThis;
  /** Loads the UI; absent in the headless build, where `show()` only emits events. */
  readonly ui?: UiLoaders;
}

/**
 * The npm instance: everything at once, validated first (the bundler of the app splits the UI off).
 * The script tag builds the same instance in two steps (`src/browser.ts`, `src/browser-core.ts`).
 */
export function createInstance(input: unknown, options: InstanceOptions): Consentry {
  const { win } = options;
  const { settings, problems } = resolveSettings(input);
  reportProblems(problems, win.console);
  const gate = gateFor(win, { ownCookie: settings.cookie.name, releaser: releaseAllowed });
  const started = startConsent(settings, { win, gate });
  const emitter = createEmitter<ConsentryEvents>();
  const core = finishInstance(started.settings, started, { win, gate, emitter, show: () => ui.show() });
  const ui: UiAccess = options.ui
    ? createUiAccess(started, emitter, { ...core, settings: () => core.settings }, options.ui, win.document)
    : headlessUi(emitter);
  return composeInstance(core, ui, emitter, started, win);
}

/** The public instance from its parts; shared by the npm build and the script tag's facade. */
export function composeInstance(
  core: Core,
  ui: UiAccess,
  emitter: Emitter<ConsentryEvents>,
  started: Started,
  win: Window & typeof globalThis,
): Consentry {
  const instance: Consentry = {
    ...core,
    show: ui.show,
    hide: ui.hide,
    showPreferences: ui.showPreferences,
    on: emitter.on,
    subscribe: (listener) => emitter.on('change', () => listener()),
  };
  announce(instance, ui, emitter, started, win);
  return instance;
}
