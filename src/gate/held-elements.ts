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

/**
 * Releases the held elements the current grants allow (`releaseAllowed` in `release.ts`). The
 * script tag's synchronous file holds but does not carry it: a release follows a grant, and grants
 * come from the deferred file (decisions, other tabs) — except a stored choice met by settings that
 * arrived late, for which the synchronous file fetches the deferred one at once (`onPending`).
 */
export type Releaser = (held: Held[], tools: ReleaseTools) => Promise<void>;
