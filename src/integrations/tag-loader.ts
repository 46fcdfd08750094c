import type { IntegrationSettings } from '../config/types';
import { dataLayerOf, defineGtag, gtagCommand, type WindowLike } from './data-layer';

export interface ScriptOptions {
  /** G7: the page's CSP nonce. */
  nonce?: string | undefined;
  /** Extra attributes, e.g. `{ 'data-consentry': '' }`. */
  attributes?: Readonly<Record<string, string>>;
}

/** URLs this module has inserted, per document. */
const inserted = new WeakMap<Document, Set<string>>();

function insertedInto(doc: Document): Set<string> {
  let urls = inserted.get(doc);
  if (!urls) inserted.set(doc, (urls = new Set()));
  return urls;
}

/** True when `src` was loaded by this module or is already a `<script src>` of the document. */
export function isScriptLoaded(doc: Document, src: string): boolean {
  if (insertedInto(doc).has(src)) return true;
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    if (scripts[i]?.getAttribute('src') === src) return true;
  }
  return false;
}

/**
 * Inserts one `<script async>`. G5: each URL loads at most once per page, so a second call
 * (or a script the page already has) returns undefined.
 */
export function loadScript(
  doc: Document,
  src: string,
  options: ScriptOptions = {},
): HTMLScriptElement | undefined {
  if (isScriptLoaded(doc, src)) return undefined;
  insertedInto(doc).add(src);
  const script = doc.createElement('script');
  script.async = true;
  if (options.nonce) script.setAttribute('nonce', options.nonce);
  for (const [name, value] of Object.entries(options.attributes ?? {})) script.setAttribute(name, value);
  script.src = src;
  (doc.head ?? doc.documentElement).appendChild(script);
  return script;
}

const GOOGLE_TAG_HOST = 'https://www.googletagmanager.com';

/** Google's `&l=` parameter tells the tag which global holds a renamed data layer. */
function layerParam(dataLayerName: string): string {
  return dataLayerName === 'dataLayer' ? '' : `&l=${encodeURIComponent(dataLayerName)}`;
}

/** Loads GA4 (gtag.js) as Google's snippet does: `js` and `config` queued for it. */
export function googleAnalyticsTag(
  win: WindowLike,
  doc: Document,
  settings: NonNullable<IntegrationSettings['googleAnalytics']>,
  nonce?: string,
  dataLayerName = 'dataLayer',
): HTMLScriptElement | undefined {
  const { measurementId, config } = settings;
  const src = `${GOOGLE_TAG_HOST}/gtag/js?id=${encodeURIComponent(measurementId)}${layerParam(dataLayerName)}`;
  // A second `config` would count a second page view.
  if (isScriptLoaded(doc, src)) return undefined;
  defineGtag(win, dataLayerName);
  const layer = dataLayerOf(win, dataLayerName);
  layer.push(gtagCommand('js', new Date()));
  layer.push(
    config ? gtagCommand('config', measurementId, { ...config }) : gtagCommand('config', measurementId),
  );
  return loadScript(doc, src, { nonce });
}

/** Loads a GTM container as Google's container snippet does. */
export function googleTagManagerTag(
  win: WindowLike,
  doc: Document,
  settings: NonNullable<IntegrationSettings['googleTagManager']>,
  nonce?: string,
  dataLayerName = 'dataLayer',
): HTMLScriptElement | undefined {
  const src = `${GOOGLE_TAG_HOST}/gtm.js?id=${encodeURIComponent(settings.containerId)}${layerParam(dataLayerName)}`;
  if (isScriptLoaded(doc, src)) return undefined;
  // The one `gtm.` push Consentry ever makes (I4 forbids every other): GTM's own bootstrap event,
  // exactly as Google's container snippet pushes it, and only because Consentry is that snippet here.
  dataLayerOf(win, dataLayerName).push({ 'gtm.start': Date.now(), event: 'gtm.js' });
  return loadScript(doc, src, { nonce });
}
