/**
 * How the script tag's deferred files meet the synchronous one. They are separate classic scripts
 * (each an IIFE, so they work under any CSP that allows the first one's nonce), so they meet on
 * `window`: each deferred file pushes `[name, export]` onto `window.__consentryChunks`. Normally the
 * synchronous file ran first and replaced that array with a receiver; a file that arrives first
 * (preloaded, reordered) waits in the array until the synchronous file starts and takes it.
 */
const SLOT = '__consentryChunks';

export type ChunkName = 'core' | 'ui' | 'dialog' | `texts:${string}`;
type Entry = readonly [ChunkName, unknown];
type Slot = { push(entry: Entry): unknown; kit?: unknown };

const slotOf = (win: Window) => win as unknown as { [SLOT]?: Slot | Entry[] };

/** Called by each deferred file with what it provides. */
export function registerChunk(name: ChunkName, value: unknown, win: Window = window): void {
  const holder = slotOf(win);
  (holder[SLOT] ??= []).push([name, value]);
}

/** Called once by the synchronous file: every chunk, earlier and later, goes to `receive`. */
export function receiveChunks(win: Window, receive: (name: ChunkName, value: unknown) => void): void {
  const holder = slotOf(win);
  const waiting = holder[SLOT];
  holder[SLOT] = {
    push: ([name, value]: Entry) => receive(name, value),
    kit: (waiting as Slot | undefined)?.kit,
  };
  if (Array.isArray(waiting)) for (const [name, value] of waiting) receive(name, value);
}

/**
 * The UI file shares its Preact with the dialog file, which is built with Preact external and reads
 * it from `window.__consentryChunks.kit` (rollup.config.mjs): two copies of Preact's hooks would not
 * work together. The dialog file is fetched only by the UI file, so the kit is always there first.
 */
export function shareUiKit(kit: object, win: Window = window): void {
  const holder = slotOf(win);
  ((holder[SLOT] ??= []) as Slot).kit = kit;
}
