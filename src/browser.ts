/**
 * The script-tag entry (`dist/consentry.min.js`), placed first in `<head>`, synchronous:
 *
 *   <script src="/consentry/consentry.min.js" data-config="/consentry.json"></script>
 *
 * The one module with side effects, and every visitor pays for each of its bytes before the page
 * can paint (DESIGN.md, loading tiers), so it holds only what must run before any other script: the
 * gate, a lenient read of the settings and the stored choice, the Consent Mode default and a
 * returning visitor's update, `window.consentry` with a queue. Its first statement closes the gate
 * (G4). The rest comes in files fetched with `async`, which never block the parser:
 * `consentry-core.min.js` (validation, decisions, consent log, cross-tab sync, cleanup, tags from
 * settings), `consentry-ui.min.js` (Preact, the banner and dialog) and one language's texts
 * (`consentry-ui-en.min.js`, `consentry-ui-ru.min.js`), the last two only when a view must show.
 *
 * Settings come from, in order: an inline `<script type="application/json" id="consentry-settings">`
 * placed before this tag, `data-config="URL"`, or page code calling `window.consentry.init(settings)`.
 */
import { readSettingsLeniently } from './config/lenient';
import { builtInLanguage, resolveLanguage } from './config/language';
import { readCookie } from './consent/cookie-read';
import { createEmitter } from './consent/emitter';
import type { ConsentSnapshot, ConsentryEvents } from './consent/types';
import { receiveChunks, type ChunkName } from './entries/chunks';
import type { Core, FinishOptions } from './entries/create-instance';
import { announce, whenIdle } from './entries/lifecycle';
import { installGate } from './gate/gate';
import { startConsent, type Started } from './entries/start';
import type { Consentry, MountUi } from './entries/types';
import { createUiAccess, type UiAccess, type UiBackend } from './entries/ui-access';
import type { BuiltInTexts } from './ui/texts/types';
import type { DialogComponent } from './ui/types';
import { pushConsentDefault } from './integrations/google-consent-mode';

/** What `consentry-core.min.js` provides: the validated, deferred part of the instance. */
export type FinishCore = (input: unknown, started: Started, options: FinishOptions) => Core;

type Facade = Consentry & {
  /** Start with these settings (when the page gives none in markup). */
  init(settings: unknown): void;
};

const win = window;
const doc = document;
const script = doc.currentScript as HTMLScriptElement | null;
const nonce = script?.nonce || undefined;

// G4: the gate closes before anything else runs. Releasing comes with the deferred file; held
// elements allowed before it is here (settings that arrived late, a stored choice) ask for it at once.
let releasable = false;
const gate = installGate({
  win,
  nonce,
  onPending: () => {
    releasable = true;
    loadCore();
  },
});

const emitter = createEmitter<ConsentryEvents>();
const NO_CHOICE: ConsentSnapshot = Object.freeze({
  record: null,
  granted: Object.freeze({}),
  needsDecision: true,
  gpc: false,
});

/** Deferred files, each fetched at most once; a promise per file, settled when it registers. */
const chunks = new Map<
  ChunkName,
  { promise: Promise<unknown>; resolve: (value: unknown) => void; asked?: 1 }
>();
const slot = (name: ChunkName) => {
  let entry = chunks.get(name);
  if (!entry) {
    let resolve!: (value: unknown) => void;
    chunks.set(name, (entry = { promise: new Promise((done) => (resolve = done)), resolve }));
  }
  return entry;
};
receiveChunks(win, (name, value) => slot(name).resolve(value));

function fetchChunk<T>(name: ChunkName, url: string): Promise<T> {
  const entry = slot(name);
  if (!entry.asked) {
    entry.asked = 1;
    const element = doc.createElement('script');
    element.src = url;
    element.async = true;
    if (nonce) element.nonce = nonce;
    element.onerror = () => win.console.error(`consentry: could not load ${url}`);
    doc.head.appendChild(element);
  }
  return entry.promise as Promise<T>;
}

/** Deferred files sit next to this one. */
const beside = (file: string) => new URL(file, script?.src || doc.baseURI).href;

/** `ui.src` moves the UI file: an http(s) or relative URL only (S3: settings text never runs as code). */
const uiUrl = ({ ui }: Started['settings']): string =>
  typeof ui.src === 'string' && /^(https?:\/\/|\.{0,2}\/)/i.test(ui.src)
    ? ui.src
    : beside('consentry-ui.min.js');

const fetchTexts = (language: string) =>
  fetchChunk<BuiltInTexts>(`texts:${language}`, beside(`consentry-ui-${language}.min.js`));
const fetchCore = () => fetchChunk<FinishCore>('core', beside('consentry-core.min.js'));

let input: unknown;
let started: Started | undefined;
let core: Core | undefined;
let ui: UiAccess | undefined;
let begin!: (started: Started) => void;
/** Settled by `start`: calls made before the settings arrived wait for it. */
const whenStarted = new Promise<Started>((done) => (begin = done));
/** The deferred part, once started and once its file is here (asked for by `loadCore` or ahead of time). */
const whenCore = whenStarted.then((begun) =>
  (slot('core').promise as Promise<FinishCore>).then(
    (finish) => (core = finish(input, begun, { win, gate, emitter, nonce, show: facade.show })),
  ),
);
const loadCore = () => void whenStarted.then(fetchCore);
/** Calls that need the deferred part ask for it and wait. */
const withCore = (action: (core: Core) => void) =>
  core ? action(core) : (loadCore(), void whenCore.then(action));
const afterStart = (action: () => void) => (started ? action() : void whenStarted.then(action));
const snapshot = (): ConsentSnapshot => core?.getSnapshot() ?? started?.snapshot ?? NO_CHOICE;

const backend: UiBackend = {
  settings: () => core?.settings ?? started!.settings,
  getSnapshot: snapshot,
  acceptAll: () => withCore((c) => c.acceptAll()),
  rejectAll: () => withCore((c) => c.rejectAll()),
  accept: (ids) => withCore((c) => c.accept(ids)),
};

function start(settings: unknown): void {
  if (started) {
    win.console.warn('consentry: init() after the start is ignored.');
    return;
  }
  input = settings;
  const begun = (started = startConsent(readSettingsLeniently(settings), { win, gate, script }));
  ui = createUiAccess(
    begun,
    emitter,
    backend,
    {
      loadUi: () => fetchChunk<MountUi>('ui', uiUrl(begun.settings)),
      loadTexts: fetchTexts,
      loadDialog: () => fetchChunk<DialogComponent>('dialog', beside('consentry-ui-dialog.min.js')),
    },
    doc,
  );
  announce(facade, ui, emitter, begun, win);
  // Tags from settings and the consent log should not wait for an idle page; the rest can.
  const { googleAnalytics, googleTagManager, yandexMetrica } = begun.settings.integrations;
  if (
    releasable ||
    googleAnalytics ||
    googleTagManager ||
    yandexMetrica?.counters?.length ||
    begun.settings.consentLog
  )
    loadCore();
  else whenIdle(win, loadCore);
  begin(begun);
}

const facade: Facade = {
  init: start,
  // Before the settings arrive (data-config) there are none to show: undefined, as before.
  get settings() {
    return (core?.settings ?? started?.settings) as Consentry['settings'];
  },
  show: () => afterStart(() => ui!.show()),
  hide: () => afterStart(() => ui!.hide()),
  showPreferences: () => afterStart(() => ui!.showPreferences()),
  acceptAll: backend.acceptAll,
  rejectAll: backend.rejectAll,
  accept: backend.accept,
  reset: () => withCore((c) => c.reset()),
  getConsent: () => snapshot().record,
  isGranted: (category) => snapshot().granted[category] === true,
  getSnapshot: snapshot,
  subscribe: (listener) => emitter.on('change', () => listener()),
  on: emitter.on,
};
(win as unknown as { consentry: Facade }).consentry = facade;

/**
 * The settings, then the start, in a microtask: it runs as soon as this file's evaluation ends,
 * before the parser goes on and before any other script, but with no frame of this file's top level
 * on the stack. With the top level on the stack, Chromium's first `document.cookie` read of the page
 * took 25–45 ms at 4× CPU in the bench (DevTools attached, as in Lighthouse), from here 6–14 ms:
 * the cost grows with the size of the script whose top level is on the stack, most likely its
 * source positions worked out again for the read (bench/README.md, issue 16). The gate above is
 * installed synchronously.
 */
function readSettings(): void {
  const inline = doc.getElementById('consentry-settings');
  const configUrl = script?.getAttribute('data-config');
  if (inline) {
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(inline.textContent ?? '');
    } catch (error) {
      win.console.error(
        `consentry: #consentry-settings is not valid JSON (${String(error)}); using safe defaults.`,
      );
    }
    start(parsed);
  } else {
    // I1: settings are not here yet, but the page's gtag() calls are about to run: the default goes first.
    pushConsentDefault(win);
    if (configUrl) {
      // A visitor with no consent cookie will see the banner: its files load beside the settings. A
      // returning one will need the deferred file to release what the page inserts meanwhile.
      if (readCookie(doc, 'consentry') === undefined) {
        fetchChunk('ui', beside('consentry-ui.min.js'));
        void fetchTexts(
          builtInLanguage(resolveLanguage({ language: undefined, texts: {} }, doc, win.navigator)),
        );
      } else void fetchCore();
      fetch(configUrl, { credentials: 'same-origin' })
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json() as Promise<unknown>;
        })
        .then(start, (error: unknown) => {
          win.console.error(
            `consentry: could not load settings from ${configUrl} (${String(error)}); using safe defaults.`,
          );
          start({});
        });
    }
  }
}
queueMicrotask(readSettings);
