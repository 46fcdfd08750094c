import type { IntegrationSettings, YandexCounter } from '../config/types';
import { slotsOf, type QueuedCall, type WindowLike } from './data-layer';
import { loadScript } from './tag-loader';

/**
 * Metrica has no consent mode (regulatory-facts §3.4): it is either not loaded, or loaded with
 * Yandex's documented opt-out switch `window['disableYaCounter<ID>']`.
 */

const TAG_JS = 'https://mc.yandex.ru/metrika/tag.js';

/** tag.js on any Metrica host (mc.yandex.ru, .com, .com.tr, …), with or without `?id=`. */
const TAG_JS_URL = /^https:\/\/mc\.yandex\.[a-z.]+\/metrika\/tag\.js(\?|$)/;

/** The standard snippet's stub: calls queue up in `ym.a` until tag.js replays them. */
type YmStub = ((...args: unknown[]) => void) & { a?: QueuedCall[]; l?: number };

/** Counter ids already initialised, per window, including those the page's own snippet queued. */
const initialised = new WeakMap<WindowLike, Set<number>>();

function queueOf(win: WindowLike): QueuedCall[] {
  const ym = slotsOf(win).ym as YmStub | undefined;
  return typeof ym === 'function' && Array.isArray(ym.a) ? ym.a : [];
}

function isInit(entry: unknown): entry is QueuedCall {
  return typeof entry === 'object' && entry !== null && (entry as QueuedCall)[1] === 'init';
}

/** R2: sets (or clears) `disableYaCounter<ID>`, which tag.js reads before a counter starts. */
export function disableCounters(win: WindowLike, ids: readonly number[], disabled: boolean): void {
  const slots = slotsOf(win);
  for (const id of ids) {
    if (disabled) slots[`disableYaCounter${id}`] = true;
    else delete slots[`disableYaCounter${id}`];
  }
}

/** Counter ids of the `ym(id, 'init', …)` calls waiting in the standard snippet's queue. */
export function countersInQueue(win: WindowLike): number[] {
  const ids = new Set<number>();
  for (const entry of queueOf(win)) {
    const id = Number(entry[0]);
    if (isInit(entry) && Number.isInteger(id) && id > 0) ids.add(id);
  }
  return [...ids];
}

/** I5: queued `init` options get `webvisor: false` unless Webvisor is allowed. */
export function enforceWebvisor(win: WindowLike, allowed: boolean): void {
  if (allowed) return;
  for (const entry of queueOf(win)) {
    // Without an options argument Webvisor is off already (Metrica's default); writing index 2
    // of an Arguments object would not change its length, so tag.js would not see it anyway.
    if (!isInit(entry) || entry.length < 3) continue;
    const options = entry[2];
    entry[2] = { ...(typeof options === 'object' && options !== null ? options : {}), webvisor: false };
  }
}

/** Whether Webvisor may record: allowed by settings and, when it has its own category, granted. */
export function webvisorAllowed(
  settings: IntegrationSettings['yandexMetrica'],
  granted: Readonly<Record<string, boolean>>,
): boolean {
  if (settings?.webvisor !== true) return false;
  const category = settings.webvisorCategory;
  return category === undefined || granted[category] === true;
}

function hasTagJs(doc: Document): boolean {
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    if (TAG_JS_URL.test(scripts[i]?.getAttribute('src') ?? '')) return true;
  }
  return false;
}

export interface MetricaOptions {
  /** Webvisor allowed now (see {@link webvisorAllowed}). */
  webvisor?: boolean;
  /** G7: the page's CSP nonce. */
  nonce?: string | undefined;
}

/**
 * I5: queues `ym(id, 'init', options)` once per counter and loads tag.js once. Counters the
 * page's own snippet already queued are not initialised a second time.
 */
export function loadMetrica(
  win: WindowLike,
  doc: Document,
  counters: readonly YandexCounter[],
  { webvisor = false, nonce }: MetricaOptions = {},
): void {
  const slots = slotsOf(win);
  if (typeof slots.ym !== 'function') {
    const ym: YmStub = function () {
      // eslint-disable-next-line prefer-rest-params -- the snippet queues Arguments objects.
      (ym.a = ym.a || []).push(arguments);
    };
    ym.l = Date.now();
    slots.ym = ym;
  }
  let done = initialised.get(win);
  if (!done) initialised.set(win, (done = new Set()));
  for (const id of countersInQueue(win)) done.add(id);
  enforceWebvisor(win, webvisor);

  const ym = slots.ym as YmStub;
  for (const { id, options } of counters) {
    if (done.has(id)) continue;
    done.add(id);
    // I5: `yandexMetrica.webvisor: true` turns Webvisor on (Metrica's own default is off); a counter
    // whose options say `webvisor: false` keeps it off.
    ym(id, 'init', webvisor ? { webvisor: true, ...options } : { ...options, webvisor: false });
  }
  if (!hasTagJs(doc)) loadScript(doc, TAG_JS, { nonce });
}
