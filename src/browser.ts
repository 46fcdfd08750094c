/**
 * The script-tag entry (`dist/consentry.min.js`), placed first in `<head>`, synchronous:
 *
 *   <script src="/consentry/consentry.min.js" data-config="/consentry.json"></script>
 *
 * The one module with side effects. Its first statement closes the gate (G4), before any tag
 * and before remote settings arrive; the settings and a stored choice then open what they allow.
 * Settings come from, in order: an inline `<script type="application/json" id="consentry-settings">`
 * placed before this tag, `data-config="URL"`, or page code calling `window.consentry.init(settings)`.
 */
import type { ConsentryEvents } from './consent/types';
import { createInstance, gateFor } from './entries/create-instance';
import type { Consentry, MountUi } from './entries/types';
import { pushConsentDefault } from './integrations/index';

type Facade = Consentry & {
  /** Start with these settings (when the page gives none in markup). */
  init(settings: unknown): void;
  /** Called by the UI chunk when it has loaded. */
  __registerUi?: (mount: MountUi) => void;
};

const win = window;
const doc = document;
const script = doc.currentScript as HTMLScriptElement | null;

// G4: the gate closes before anything else runs.
gateFor(win, {
  nonce: script?.nonce || undefined,
  debug: /[?&]consentry_debug=1\b/.test(win.location.search),
});

let instance: Consentry | undefined;
const early: [keyof ConsentryEvents, (detail: unknown) => void][] = [];

function loadUi(settings: Consentry['settings']): Promise<MountUi> {
  const waiting = (win as { __consentryUi?: MountUi }).__consentryUi;
  if (waiting) return Promise.resolve(waiting);
  return new Promise((resolve, reject) => {
    facade.__registerUi = resolve;
    const element = doc.createElement('script');
    // The UI chunk sits next to this file unless the settings say otherwise.
    element.src = settings.ui.src ?? new URL('consentry-ui.min.js', script?.src || doc.baseURI).href;
    element.async = true;
    if (script?.nonce) element.nonce = script.nonce;
    element.onerror = () => reject(new Error(`could not load ${element.src}`));
    doc.head.appendChild(element);
  });
}

function start(settings: unknown) {
  if (instance) {
    win.console.warn('consentry: init() was called after Consentry had started; the call is ignored.');
    return;
  }
  instance = createInstance(settings, { win, loadUi, script });
  for (const [event, listener] of early.splice(0)) instance.on(event, listener);
}

/** Before settings arrive, calls wait for nothing: "no consent" is the answer, and listeners are kept. */
const call =
  <K extends keyof Consentry>(name: K) =>
  (...args: unknown[]) =>
    instance ? (instance[name] as (...a: unknown[]) => unknown)(...args) : undefined;

const facade: Facade = {
  init: start,
  get settings() {
    return instance?.settings as Consentry['settings'];
  },
  show: call('show') as Consentry['show'],
  hide: call('hide') as Consentry['hide'],
  showPreferences: call('showPreferences') as Consentry['showPreferences'],
  acceptAll: call('acceptAll') as Consentry['acceptAll'],
  rejectAll: call('rejectAll') as Consentry['rejectAll'],
  accept: call('accept') as Consentry['accept'],
  reset: call('reset') as Consentry['reset'],
  getConsent: () => instance?.getConsent() ?? null,
  isGranted: (category) => instance?.isGranted(category) ?? false,
  getSnapshot: () =>
    instance?.getSnapshot() ?? { record: null, granted: {}, needsDecision: true, gpc: false },
  subscribe: (listener) => (instance ? instance.subscribe(listener) : () => {}),
  on(event, listener) {
    if (instance) return instance.on(event, listener);
    const entry: (typeof early)[number] = [event, listener as (detail: unknown) => void];
    early.push(entry);
    return () => {
      const index = early.indexOf(entry);
      if (index >= 0) early.splice(index, 1);
    };
  },
};
(win as unknown as { consentry: Facade }).consentry = facade;

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
