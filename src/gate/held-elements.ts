import type { Match, Rules } from './rules';

/**
 * A `type` no browser executes. A script prepared with it never runs, and because "prepare the
 * script element" only looks at the type once, we release by inserting a fresh copy.
 */
export const BLOCKED_TYPE = 'text/consentry-blocked';

/** `image`: SVG's `<image>`, whose URL is its `href`. */
export type HeldKind = 'script' | 'iframe' | 'img' | 'image';

/** One element waiting for consent. */
export interface Held {
  readonly element: HTMLElement;
  readonly kind: HeldKind;
  /** The catalogue match (auto-blocked) — or, for markup, the categories in `data-category`. */
  match: Match | undefined;
  readonly categories: readonly string[];
  /** The URL to load on release (`src`, or `data-src` for markup); empty for an inline script. */
  url: string;
  /** `srcset` held from an image. */
  srcset?: string;
  /** `srcdoc` held from a frame whose markup loads from a catalogued host. */
  srcdoc?: string;
  /** The script's own `type` before we blocked it (null: none). */
  originalType: string | null;
  /** Marked up by the site (`type="text/plain" data-category`), rather than blocked by the gate. */
  readonly markup: boolean;
}

export interface ReleaseTools {
  readonly doc: Document;
  readonly rules: Rules;
  readonly nonce: string | undefined;
  readonly setAttribute: (element: Element, name: string, value: string) => void;
  readonly removeAttribute: (element: Element, name: string) => void;
  /** Scripts the gate has let run, by absolute URL (G5: each URL runs at most once per page). */
  readonly executed: Set<string>;
  /** Categories whose scripts have run in this page (for reload on withdrawal). */
  readonly ran: Set<string>;
  readonly log: (message: string) => void;
}

export function isAllowedHeld(held: Held, rules: Rules): boolean {
  if (held.markup) return held.categories.every((category) => rules.isAllowed(category));
  // Held before the settings arrived (data-config)? They may have moved or disabled the service
  // (I6): ask again what the URL belongs to now.
  const url = held.url || held.srcset?.trim().split(/\s/)[0];
  held.match = (url && rules.forUrl(url, held.element.baseURI)) || held.match;
  return held.match !== undefined && rules.isAllowed(held.match);
}

/** Attributes that belong to the gate or to the markup convention, not to the released element. */
const OWN_ATTRIBUTES =
  /^(type|src|srcset|srcdoc|data-src|data-srcset|data-category|data-type|data-consentry-[\w-]+)$/i;

function byDocumentOrder(a: Held, b: Held): number {
  if (!a.element.isConnected || !b.element.isConnected) return 0;
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
  return a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1;
}

function waitForScript(script: HTMLScriptElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    script.addEventListener('load', done, { once: true });
    script.addEventListener('error', done, { once: true });
    // A script the network never answers must not hold the rest back forever.
    setTimeout(done, 10_000);
  });
}

function releaseScript(held: Held, tools: ReleaseTools): HTMLScriptElement | undefined {
  const { element, url } = held;
  const type = held.markup ? element.getAttribute('data-type') : held.originalType;
  if (!element.isConnected) {
    // Never inserted, so never prepared: restoring the type is enough; it runs when the page inserts it.
    if (type === null) tools.removeAttribute(element, 'type');
    else tools.setAttribute(element, 'type', type);
    return undefined;
  }
  const absolute = url && new URL(url, tools.doc.baseURI).href;
  if (absolute && tools.executed.has(absolute)) {
    tools.log(`skipped ${absolute}: already ran in this page`);
    return undefined;
  }
  const fresh = tools.doc.createElement('script');
  for (const { name, value } of Array.from(element.attributes)) {
    if (!OWN_ATTRIBUTES.test(name)) tools.setAttribute(fresh, name, value);
  }
  if (type !== null) tools.setAttribute(fresh, 'type', type);
  // G7: the released script carries the page's CSP nonce (the attribute is hidden after load; the property keeps it).
  const nonce = (element as HTMLScriptElement).nonce || tools.nonce;
  if (nonce) fresh.nonce = nonce;
  if (absolute) {
    tools.executed.add(absolute);
    // A script that was not async keeps its place in the order (async=false: "in order as soon as possible").
    fresh.async = element.hasAttribute('async');
    tools.setAttribute(fresh, 'src', url);
  } else {
    fresh.text = (element as HTMLScriptElement).text;
  }
  element.replaceWith(fresh);
  return absolute && !fresh.async ? fresh : undefined;
}

/**
 * Release every held element whose category is now granted, in document order (G5). A script that
 * was not async is awaited before the next one runs, so an inline script that uses a library still
 * finds it loaded.
 */
export async function releaseAllowed(held: Held[], tools: ReleaseTools): Promise<void> {
  const ready = held.filter((item) => isAllowedHeld(item, tools.rules)).sort(byDocumentOrder);
  for (const item of ready) held.splice(held.indexOf(item), 1);
  for (const item of ready) {
    const category = item.match?.category ?? item.categories.join(' ');
    tools.log(`released ${item.kind} ${item.url || '(inline)'} (${category})`);
    if (item.element.isConnected)
      for (const c of item.match ? [item.match.category] : item.categories) tools.ran.add(c);
    if (item.kind === 'script') {
      const wait = releaseScript(item, tools);
      if (wait) await waitForScript(wait);
      continue;
    }
    if (item.markup) {
      tools.removeAttribute(item.element, 'data-src');
      tools.removeAttribute(item.element, 'data-srcset');
    }
    if (item.srcdoc !== undefined) tools.setAttribute(item.element, 'srcdoc', item.srcdoc);
    if (item.srcset) tools.setAttribute(item.element, 'srcset', item.srcset);
    if (item.url) tools.setAttribute(item.element, item.kind === 'image' ? 'href' : 'src', item.url);
  }
}
