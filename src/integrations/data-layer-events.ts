import { dataLayerOf, type WindowLike } from './data-layer';

export type ConsentEventName = 'consentry_default' | 'consentry_update';

/**
 * I4: `{ event, consentry: { analytics: true, … } }` for GTM Custom Event triggers, pushed after
 * the matching `gtag('consent', …)`. Returns false, pushing nothing, for a `gtm.*` name.
 */
export function pushConsentEvent(
  win: WindowLike,
  event: ConsentEventName,
  granted: Readonly<Record<string, boolean>>,
  dataLayerName = 'dataLayer',
): boolean {
  // `gtm.*` events are GTM's own lifecycle (gtm.init_consent, gtm.js, …); a CMP pushing one
  // would fire the site's triggers out of order (regulatory-facts §1.5).
  if (/^gtm\./i.test(String(event))) return false;
  dataLayerOf(win, dataLayerName).push({ event, consentry: { ...granted } });
  return true;
}
