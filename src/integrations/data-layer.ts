/**
 * The `window` slots that Google's and Yandex's snippets share with the page.
 * Every function takes the window as a parameter, so tests pass a plain object.
 */

/** `window`, or a plain object standing in for it in tests. */
export type WindowLike = object;

/** A gtag command or a `ym()` call as queued by the snippets: an Arguments object. */
export type QueuedCall = { [index: number]: unknown; length: number };

/** Reads a global slot such as `dataLayer`, `gtag`, `ym` or `disableYaCounter123`. */
export function slotsOf(win: WindowLike): Record<string, unknown> {
  return win as Record<string, unknown>;
}

/** The page's data layer, created empty when missing (Google's snippet: `w[l] = w[l] || []`). */
export function dataLayerOf(win: WindowLike, name: string): unknown[] {
  const slots = slotsOf(win);
  const existing = slots[name];
  if (Array.isArray(existing)) return existing;
  const layer: unknown[] = [];
  slots[name] = layer;
  return layer;
}

/**
 * Builds a gtag command. gtag.js runs only Arguments objects as commands and ignores
 * arrays, so a command must be what Google's `function gtag(){dataLayer.push(arguments)}` pushes.
 */
export function gtagCommand(..._args: unknown[]): IArguments {
  // eslint-disable-next-line prefer-rest-params -- the Arguments object itself is the point.
  return arguments;
}

/** Defines `window.gtag` exactly like Google's snippet, unless the page already has one. */
export function defineGtag(win: WindowLike, dataLayerName: string): void {
  const slots = slotsOf(win);
  if (typeof slots.gtag === 'function') return;
  slots.gtag = function gtag() {
    // eslint-disable-next-line prefer-rest-params -- gtag.js needs the Arguments object, not an array.
    dataLayerOf(win, dataLayerName).push(arguments);
  };
}

/** True for a queued call whose first items are `first` and `second`, e.g. `('consent', 'default')`. */
export function isCall(entry: unknown, first: unknown, second: unknown): entry is QueuedCall {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    (entry as QueuedCall)[0] === first &&
    (entry as QueuedCall)[1] === second
  );
}
