import { layOver } from '../config/lay-over';
import { resolveLanguage } from '../config/language';
import type { ResolvedSettings } from '../config/types';
import { decodeRecord } from '../consent/record-codec';
import { readCookie } from '../consent/cookie-read';
import { snapshotOf } from '../consent/snapshot';
import type { ConsentSnapshot } from '../consent/types';
import type { Gate, GatePolicy } from '../gate/index';
import { policyFromSettings } from '../gate/policy';
import { pushConsentEvent } from '../integrations/data-layer-events';
import { pushConsentUpdate, settleConsentDefault } from '../integrations/google-consent-mode';
import { applyRegion, detectRegion } from '../integrations/regions';
import {
  countersInQueue,
  disableCounters,
  enforceWebvisor,
  webvisorAllowed,
} from '../integrations/yandex-metrica';

/** What Consentry loads itself from settings asks the gate about these URLs (DESIGN.md, Integrations). */
export const METRICA_URL = 'https://mc.yandex.ru/metrika/tag.js';
const GOOGLE_TAGS = ['google-analytics', 'google-tag-manager'];

/** The part of an instance that must run before any other script; what the deferred part builds on. */
export interface Started {
  readonly settings: ResolvedSettings;
  readonly region: string | undefined;
  /** Categories offered to this visitor, in display order (region rules). */
  readonly categories: readonly string[];
  readonly policy: GatePolicy;
  readonly language: string;
  readonly gpc: boolean;
  /** The stored choice as this load found it; its effects are applied. */
  readonly snapshot: ConsentSnapshot;
  /**
   * Consent Mode `update` and `consentry_update` (for a decision, or a stored choice on load), then
   * Metrica's switches and the gate — the part of R2's order that needs no cookie deletion.
   */
  applyGrants(snapshot: ConsentSnapshot, previous: ConsentSnapshot | undefined): void;
  /** Whether the gate lets this URL load now. */
  allows(url: string): boolean;
}

export interface StartOptions {
  readonly win: Window & typeof globalThis;
  readonly gate: Gate;
  /** The Consentry `<script>` element (for `data-region`). */
  readonly script?: HTMLScriptElement | null;
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

/** The gate's view of the settings, with Google's tags let through in advanced Consent Mode (I3). */
export function gatePolicy(settings: ResolvedSettings, disabledServices: ReadonlySet<string>): GatePolicy {
  const policy = policyFromSettings(settings, disabledServices);
  const consentMode = settings.integrations.googleConsentMode;
  return consentMode?.enabled !== false && consentMode?.mode === 'advanced' ? advancedMode(policy) : policy;
}

/**
 * The start every page pays for before its other scripts run: the settings open the gate's doors
 * they allow, the Consent Mode default goes first (I1), and a stored choice is read and applied
 * (C1, I2) — with nothing that writes, validates or renders. Settings that cannot be read at all
 * start with the safe defaults: the gate stays closed.
 */
export function startConsent(settings: ResolvedSettings, options: StartOptions): Started {
  try {
    return start(settings, options);
  } catch (error) {
    options.win.console.error('consentry: the settings could not be applied; using safe defaults.', error);
    return start(layOver({}), options);
  }
}

function start(settings: ResolvedSettings, { win, gate, script }: StartOptions): Started {
  const doc = win.document;
  // The time zone is asked only when region rules exist and the page gave no region (it is slow).
  const region = detectRegion(doc, settings.regions, timeZone, script);
  const { categories, disabledServices } = applyRegion(settings, region);
  const consentMode = settings.integrations.googleConsentMode ?? {};
  const gcmOn = consentMode.enabled !== false;
  const dataLayerName = settings.integrations.dataLayer?.name ?? 'dataLayer';
  const eventsOn = settings.integrations.dataLayer?.events !== false;
  const policy = gatePolicy(settings, disabledServices);
  // `?consentry_debug=1` the gate read itself.
  void gate.configure(policy, { debug: settings.debug === true });

  // I1: the default comes before any Google tag can load; one pushed before the settings arrived is replaced.
  settleConsentDefault(win, consentMode, dataLayerName);

  const gpc = (win.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const snapshotContext = { settings, offered: new Set(categories), gpc };
  // C5: decodeRecord never throws; an unreadable record is no consent.
  const stored = decodeRecord(readCookie(doc, settings.cookie.name), { settings, now: new Date() });
  const snapshot = snapshotOf(stored, snapshotContext);
  if (eventsOn) pushConsentEvent(win, 'consentry_default', snapshot.granted, dataLayerName);

  const metrica = settings.integrations.yandexMetrica;
  const allows = (url: string): boolean => {
    const match = gate.rules.forUrl(url);
    return match !== undefined && gate.rules.isAllowed(match);
  };
  let granted = snapshot.granted;
  /** I5: Yandex's own opt-out switch for every counter known (settings, the page's snippet), and Webvisor. */
  const syncMetrica = () => {
    const metricaOn = allows(METRICA_URL);
    const counters = [...(metrica?.counters ?? []).map((counter) => counter.id), ...countersInQueue(win)];
    disableCounters(win, counters, !metricaOn);
    enforceWebvisor(win, metricaOn && webvisorAllowed(metrica, granted));
  };

  const started: Started = {
    settings,
    region,
    categories,
    policy,
    language: resolveLanguage(settings, doc, win.navigator),
    gpc,
    snapshot,
    allows,
    applyGrants(next, previous) {
      granted = next.granted;
      if (next.record || previous) {
        // I2: one update per decision, and for a returning visitor one on load, before any tag.
        if (gcmOn) pushConsentUpdate(win, granted, consentMode, dataLayerName);
        if (eventsOn) pushConsentEvent(win, 'consentry_update', granted, dataLayerName);
      }
      const grantedIds = Object.keys(granted).filter((id) => granted[id]);
      gate.rules.setGranted(grantedIds);
      syncMetrica();
      void gate.grant(grantedIds);
    },
  };
  started.applyGrants(snapshot, undefined);
  // A snippet pasted after Consentry queues its counters later in the parse.
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', syncMetrica);
  return started;
}

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
