import type { Emitter } from '../consent/emitter';
import type { ConsentryEvents } from '../consent/types';
import { installGate, type Gate } from '../gate/gate';
import type { Started } from './start';
import type { Consentry } from './types';
import type { UiAccess } from './ui-access';

/** One gate per window: it patches the page's DOM functions, which must happen once. */
const gates = new WeakMap<Window, Gate>();

export function gateFor(
  win: Window & typeof globalThis,
  options: Omit<Parameters<typeof installGate>[0], 'win'> = {},
): Gate {
  let gate = gates.get(win);
  if (!gate) gates.set(win, (gate = installGate({ win, ...options })));
  return gate;
}

/**
 * `ready` and the first view: in a microtask, so listeners added right after creation hear them.
 * R1: the re-open button must be on every page; it costs a returning visitor the UI chunk, so it is
 * fetched only after the page has loaded and gone idle (a footer link costs nothing until clicked).
 */
export function announce(
  instance: Pick<Consentry, 'getSnapshot' | 'show'>,
  ui: UiAccess,
  emitter: Emitter<ConsentryEvents>,
  started: Started,
  win: Window & typeof globalThis,
): void {
  if (started.snapshot.needsDecision)
    queueMicrotask(() => instance.getSnapshot().needsDecision && instance.show());
  else if (started.settings.ui.reopenButton) whenIdle(win, ui.preload);
  queueMicrotask(() => emitter.emit('ready', instance.getSnapshot()));
}

export function whenIdle(win: Window & typeof globalThis, run: () => void) {
  const idle = () =>
    win.requestIdleCallback ? win.requestIdleCallback(run, { timeout: 2000 }) : win.setTimeout(run, 1);
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true });
}
