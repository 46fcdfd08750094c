import type { ConsentStore } from './store';

export interface TabOptions {
  /** The consent cookie's name; tabs sharing it share a channel. */
  readonly name: string;
}

/**
 * C6: a choice made in one tab reaches the other open tabs without a reload.
 *
 * Same-origin tabs hear it at once on a `BroadcastChannel`; every tab also re-reads the cookie
 * when it is shown again (`visibilitychange`) or restored from the back/forward cache
 * (`pageshow` with `persisted`), which covers subdomain tabs that share the cookie but not the
 * channel. The message carries nothing: the cookie stays the one source of truth, and G8 rules
 * out localStorage as a messenger. Inert until called; returns a disconnect function.
 */
export function connectTabs(store: ConsentStore, { name }: TabOptions): () => void {
  const cleanups: (() => void)[] = [];
  const { refresh } = store;

  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(`consentry:${name}`);
    channel.onmessage = () => refresh();
    const stop = store.on('change', ({ source }) => {
      // Changes heard from elsewhere are not echoed back.
      if (source !== 'sync') channel.postMessage(source);
    });
    cleanups.push(stop, () => channel.close());
  }

  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) refresh();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibility);
    cleanups.push(
      () => window.removeEventListener('pageshow', onPageShow),
      () => document.removeEventListener('visibilitychange', onVisibility),
    );
  }

  return () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
}
