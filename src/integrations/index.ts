export type { QueuedCall, WindowLike } from './data-layer';
export {
  DEFAULT_SIGNAL_MAPPING,
  pushConsentDefault,
  pushConsentUpdate,
  settleConsentDefault,
  signalsFor,
  type ConsentSignals,
  type ConsentState,
  type SignalMapping,
} from './google-consent-mode';
export { pushConsentEvent, type ConsentEventName } from './data-layer-events';
export {
  googleAnalyticsTag,
  googleTagManagerTag,
  isScriptLoaded,
  loadScript,
  type ScriptOptions,
} from './tag-loader';
export {
  countersInQueue,
  disableCounters,
  enforceWebvisor,
  loadMetrica,
  webvisorAllowed,
  type MetricaOptions,
} from './yandex-metrica';
export { applyRegion, detectRegion, type RegionChoice } from './regions';
