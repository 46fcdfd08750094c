import { resolveLanguage } from '../config/language';
import { reportProblems, resolveSettings } from '../config/index';
import type { ResolvedSettings } from '../config/types';
import {
  connectConsentLog,
  connectTabs,
  createBrowserEnvironment,
  createConsentStore,
  type ConsentStore,
} from '../consent/index';
import type { ConsentSnapshot } from '../consent/types';
import { installGate, policyFromSettings, type Gate, type GatePolicy } from '../gate/index';
import {
  applyRegion,
  countersInQueue,
  detectRegion,
  disableCounters,
  enforceWebvisor,
  googleAnalyticsTag,
  googleTagManagerTag,
  loadMetrica,
  pushConsentEvent,
  pushConsentUpdate,
  settleConsentDefault,
  webvisorAllowed,
} from '../integrations/index';
import type { UiController, UiHost, UiService } from '../ui/types';
import { uiServices } from './services';
import type { Consentry, MountUi } from './types';

export interface InstanceOptions {
  readonly win: Window & typeof globalThis;
  /** Loads the UI; absent in the headless build, where `show()` only emits events. */
  readonly loadUi?: (settings: ResolvedSettings) => Promise<MountUi>;
  /** The Consentry `<script>` element (for `data-region` and the CSP nonce). */
  readonly script?: HTMLScriptElement | null;
}

declare const __CONSENTRY_VERSION__: string;

const GOOGLE_TAGS = ['google-analytics', 'google-tag-manager'];
/** What the gate is asked about before Consentry loads a tag itself: is this URL open now? */
const GTAG_URL = 'https://www.googletagmanager.com/gtag/js';
const GTM_URL = 'https://www.googletagmanager.com/gtm.js';
const METRICA_URL = 'https://mc.yandex.ru/metrika/tag.js';

/** One gate per window: it patches the page's DOM functions, which must happen once. */
const gates = new WeakMap<Window, Gate>();

export function gateFor(
  win: Window & typeof globalThis,
  options: Omit<Parameters<typeof installGate>[0], 'win'> = {},
): Gate {
  let gate = gates.get(win);
  if (!gate) gates.set(win, (gate = installGate({ win, ...options })));
  return gate;
}

/**
 * I3: in advanced Consent Mode, Google's tags load before consent (denied, cookieless pings) —
 * so their hosts pass the gate as a required category, while their cookies still wait.
 */
function advancedMode(policy: GatePolicy): GatePolicy {
  const open = policy.required[0];
  if (!open) return policy;
  return {
    ...policy,
    services: policy.services.flatMap((service) =>
      GOOGLE_TAGS.includes(service.id)
        ? [
            { ...service, hosts: [] },
            { id: `${service.id}:tag`, category: open, hosts: service.hosts, enabled: service.enabled },
          ]
        : [service],
    ),
  };
}

/**
 * Compose the layers into one instance. Ordering that spans layers lives here (DESIGN.md):
 * on every decision the Consent Mode `update` goes first, then the gate opens or closes, then
 * cookies of withdrawn categories are deleted (R2), then tags from settings load.
 */
export function createInstance(input: unknown, options: InstanceOptions): Consentry {
  const { win, script } = options;
  const doc = win.document;
  const { settings, problems } = resolveSettings(input);
  reportProblems(problems, win.console);

  const region = detectRegion(doc, settings.regions, timeZone(), script);
  const { categories, disabledServices } = applyRegion(settings, region);
  const debug = settings.debug || /[?&]consentry_debug=1\b/.test(win.location.search);
  const nonce = script?.nonce || undefined;
  const gate = gateFor(win, { nonce, debug, ownCookie: settings.cookie.name });
  const consentMode = settings.integrations.googleConsentMode ?? {};
  const gcmOn = consentMode.enabled !== false;
  const dataLayerName = settings.integrations.dataLayer?.name ?? 'dataLayer';
  const eventsOn = settings.integrations.dataLayer?.events !== false;
  let policy = policyFromSettings(settings, disabledServices);
  if (gcmOn && consentMode.mode === 'advanced') policy = advancedMode(policy);
  void gate.configure(policy, { debug });

  // I1: the default comes before any Google tag can load; one pushed before the settings arrived is replaced.
  settleConsentDefault(win, consentMode, dataLayerName);

  const language = resolveLanguage(settings, doc, win.navigator);
  const store: ConsentStore = createConsentStore({
    settings,
    env: createBrowserEnvironment(),
    language,
    region,
    gpc: (win.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    sdkVersion: __CONSENTRY_VERSION__,
    categories,
  });
  if (eventsOn) pushConsentEvent(win, 'consentry_default', store.getSnapshot().granted, dataLayerName);

  const metrica = settings.integrations.yandexMetrica;
  const allows = (url: string) => {
    const match = gate.rules.forUrl(url);
    return match !== undefined && gate.rules.isAllowed(match);
  };

  /** Tags Consentry loads itself from settings: the zero-request path (DESIGN.md, Integrations). */
  function loadTags(granted: Readonly<Record<string, boolean>>) {
    const ga = settings.integrations.googleAnalytics;
    const gtm = settings.integrations.googleTagManager;
    if (ga && allows(GTAG_URL)) googleAnalyticsTag(win, doc, ga, nonce);
    if (gtm && allows(GTM_URL)) googleTagManagerTag(win, doc, gtm, nonce);
    if (metrica?.counters?.length && allows(METRICA_URL)) {
      loadMetrica(win, doc, metrica.counters, { webvisor: webvisorAllowed(metrica, granted), nonce });
    }
  }

  /** I5: Yandex's own opt-out switch for every counter known (settings, the page's snippet), and Webvisor. */
  function syncMetrica(granted: Readonly<Record<string, boolean>>) {
    const metricaOn = allows(METRICA_URL);
    const counters = [...(metrica?.counters ?? []).map((counter) => counter.id), ...countersInQueue(win)];
    disableCounters(win, counters, !metricaOn);
    enforceWebvisor(win, metricaOn && webvisorAllowed(metrica, granted));
  }

  /** Apply a snapshot to Consent Mode, Metrica's switches and the gate, in the order R2 asks for. */
  function apply(snapshot: ConsentSnapshot, previous: ConsentSnapshot | undefined) {
    const { granted } = snapshot;
    if (snapshot.record || previous) {
      // I2: one update per decision, and for a returning visitor one on load, before any tag.
      if (gcmOn) pushConsentUpdate(win, granted, consentMode, dataLayerName);
      if (eventsOn) pushConsentEvent(win, 'consentry_update', granted, dataLayerName);
    }
    const grantedIds = Object.keys(granted).filter((id) => granted[id]);
    gate.rules.setGranted(grantedIds);
    syncMetrica(granted);
    void gate.grant(grantedIds);
    gate.removeDenied();
    const withdrawn = previous
      ? Object.keys(previous.granted).filter((id) => previous.granted[id] && !granted[id])
      : [];
    if (settings.reloadOnWithdraw && withdrawn.some((id) => gate.ran.has(id))) {
      // A running script cannot be unloaded: reload so the withdrawn category's tags are gone (R2).
      win.location.reload();
      return;
    }
    loadTags(granted);
  }

  let current = store.getSnapshot();
  apply(current, undefined);
  // A snippet pasted after Consentry queues its counters later in the parse.
  if (doc.readyState === 'loading')
    doc.addEventListener('DOMContentLoaded', () => syncMetrica(current.granted));
  store.subscribe(() => {
    const next = store.getSnapshot();
    if (next === current) return;
    const previous = current;
    current = next;
    apply(next, previous);
    // After reset() (or a choice that expired in another tab) the visitor is asked again.
    if (next.needsDecision && !previous.needsDecision) instance.show();
  });
  connectTabs(store, { name: settings.cookie.name });
  connectConsentLog(store);

  // The UI: loaded on a first visit at once, for a returning visitor only when asked for (DESIGN.md).
  let ui: Promise<UiController> | undefined;
  const host: UiHost = {
    settings,
    language,
    categories,
    services: uiServices(settings, policy, categories) as UiService[],
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    acceptAll: () => void store.acceptAll(),
    rejectAll: () => void store.rejectAll(),
    accept: (ids) => void store.accept(ids),
    notify: (event, view) => store.emit(event, { view }),
  };
  function withUi(action: (controller: UiController) => void) {
    if (!options.loadUi) return;
    ui ??= options.loadUi(settings).then((mount) => mount(host, doc));
    ui.then(action, (error: unknown) =>
      win.console.error('consentry: the banner could not be loaded', error),
    );
  }

  const instance: Consentry = {
    settings,
    show: () => (options.loadUi ? withUi((c) => c.showBanner()) : store.emit('show', { view: 'banner' })),
    hide: () => (options.loadUi ? withUi((c) => c.hide()) : store.emit('hide', { view: 'banner' })),
    showPreferences: () =>
      options.loadUi ? withUi((c) => c.showPreferences()) : store.emit('show', { view: 'preferences' }),
    acceptAll: () => void store.acceptAll(),
    rejectAll: () => void store.rejectAll(),
    accept: (ids) => void store.accept(ids),
    getConsent: () => store.getSnapshot().record,
    isGranted: (category) => store.getSnapshot().granted[category] === true,
    on: store.on,
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    reset: () => store.reset(),
  };
  // In a microtask, like `ready`, so listeners added right after creation hear `show` too.
  if (current.needsDecision) queueMicrotask(() => store.getSnapshot().needsDecision && instance.show());
  else if (settings.ui.reopenButton && options.loadUi) {
    // R1: the re-open button must be on every page. It costs a returning visitor the UI chunk, so it
    // is fetched only after the page has loaded and gone idle; a footer link calling
    // showPreferences() costs nothing until clicked.
    whenIdle(win, () => withUi(() => {}));
  }
  // Listeners added in the same task as creation still hear `ready`.
  queueMicrotask(() => store.emit('ready', store.getSnapshot()));
  return instance;
}

function whenIdle(win: Window & typeof globalThis, run: () => void) {
  const idle = () =>
    win.requestIdleCallback ? win.requestIdleCallback(run, { timeout: 2000 }) : win.setTimeout(run, 1);
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true });
}

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
