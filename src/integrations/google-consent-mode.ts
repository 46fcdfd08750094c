import type { GoogleConsentModeSettings, GoogleSignal } from '../config/types';
import { dataLayerOf, defineGtag, gtagCommand, isCall, type WindowLike } from './data-layer';

export type ConsentState = 'granted' | 'denied';

/** All seven Consent Mode signals, as `gtag('consent', …)` takes them. */
export type ConsentSignals = Record<GoogleSignal, ConsentState>;

/** Which signals a category grants: `{ analytics: ['analytics_storage'] }`. */
export type SignalMapping = { readonly [category: string]: readonly GoogleSignal[] };

const SIGNALS: readonly GoogleSignal[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

const FUNCTIONAL: readonly GoogleSignal[] = ['functionality_storage', 'personalization_storage'];

/** I2 default mapping; `integrations.googleConsentMode.signals` replaces it as a whole. */
export const DEFAULT_SIGNAL_MAPPING: SignalMapping = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  preferences: FUNCTIONAL,
  functional: FUNCTIONAL,
};

/** ISO 3166-1 country or 3166-2 subdivision (regulatory-facts §1.2). */
const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** Reserved codes that look like countries but are not: Google ignores "EU"; the UK is "GB". */
const NOT_COUNTRIES = ['EU', 'UK'];

const isRegionCode = (code: string) => REGION_CODE.test(code) && !NOT_COUNTRIES.includes(code);

/** `security_storage` is strictly necessary, so it is always granted. */
function signalsFrom(granted: Iterable<GoogleSignal>): ConsentSignals {
  const on = new Set<GoogleSignal>(granted).add('security_storage');
  const state = {} as ConsentSignals;
  for (const signal of SIGNALS) state[signal] = on.has(signal) ? 'granted' : 'denied';
  return state;
}

/** All seven signals for the categories granted, e.g. `{ analytics: true }` grants `analytics_storage`. */
export function signalsFor(
  granted: Readonly<Record<string, boolean>>,
  mapping: SignalMapping = DEFAULT_SIGNAL_MAPPING,
): ConsentSignals {
  const on: GoogleSignal[] = [];
  for (const category of Object.keys(mapping)) {
    if (granted[category] === true) on.push(...(mapping[category] ?? []));
  }
  return signalsFrom(on);
}

/**
 * I1: makes `gtag('consent','default',…)` the first dataLayer entry — six signals denied,
 * `security_storage` granted — followed by the region-scoped defaults and the `set` commands.
 * Returns false when there was nothing to do (disabled, or a default is already first).
 */
export function pushConsentDefault(
  win: WindowLike,
  options: GoogleConsentModeSettings = {},
  dataLayerName = 'dataLayer',
): boolean {
  if (options.enabled === false) return false;
  defineGtag(win, dataLayerName);
  const layer = dataLayerOf(win, dataLayerName);
  if (isCall(layer[0], 'consent', 'default')) return false;

  const wait_for_update = options.waitForUpdate ?? 500;
  const commands = [gtagCommand('consent', 'default', { ...signalsFrom([]), wait_for_update })];
  for (const rule of options.regions ?? []) {
    const region = (rule.region ?? []).filter(isRegionCode);
    if (region.length > 0) {
      commands.push(
        gtagCommand('consent', 'default', { ...signalsFrom(rule.granted ?? []), region, wait_for_update }),
      );
    }
  }
  if (options.adsDataRedaction !== false) commands.push(gtagCommand('set', 'ads_data_redaction', true));
  if (options.urlPassthrough === true) commands.push(gtagCommand('set', 'url_passthrough', true));

  // Google: the default must run "before any commands that send measurement data". The gate holds
  // gtag.js until consent, so it has not read the array yet: inserting at 0 keeps the default first
  // even when the page's own snippet already pushed `js`/`config`.
  layer.splice(0, 0, ...commands);
  for (const command of commands) pushedDefaults.add(command);
  return true;
}

/** Commands `pushConsentDefault` inserted, so a provisional default can be taken back. */
const pushedDefaults = new WeakSet<object>();

/**
 * The script-tag entry pushes a default with built-in options before remote settings arrive (the
 * page's gtag() calls are about to run). When the settings come, this replaces it with theirs — or
 * removes it when they turn Consent Mode off or rename the data layer. Safe because the gate has
 * held gtag.js, so Google has not read the array yet.
 */
export function settleConsentDefault(
  win: WindowLike,
  options: GoogleConsentModeSettings = {},
  dataLayerName = 'dataLayer',
): boolean {
  const early = dataLayerOf(win, 'dataLayer');
  for (let i = early.length - 1; i >= 0; i--) {
    if (pushedDefaults.has(early[i] as object)) early.splice(i, 1);
  }
  return pushConsentDefault(win, options, dataLayerName);
}

/**
 * I2: exactly one `gtag('consent','update',…)` with all seven signals, then `ads_data_redaction`
 * following `ad_storage`. Returns the signals sent, or undefined when Consent Mode is disabled.
 */
export function pushConsentUpdate(
  win: WindowLike,
  granted: Readonly<Record<string, boolean>>,
  options: GoogleConsentModeSettings = {},
  dataLayerName = 'dataLayer',
): ConsentSignals | undefined {
  if (options.enabled === false) return undefined;
  const state = signalsFor(granted, options.signals);
  const layer = dataLayerOf(win, dataLayerName);
  layer.push(gtagCommand('consent', 'update', state));
  if (options.adsDataRedaction !== false) {
    layer.push(gtagCommand('set', 'ads_data_redaction', state.ad_storage === 'denied'));
  }
  return state;
}
