import type { ConsentryEvents } from './types';

export type Listener<T> = (payload: T) => void;

/** A typed event emitter; its methods do not use `this`, so they can be passed around detached. */
export interface Emitter<Events extends object = ConsentryEvents> {
  /** Listen to `event`; returns a function that stops listening. */
  on<K extends keyof Events>(event: K, fn: Listener<Events[K]>): () => void;
  /** Call every listener of `event`, then mirror it as a `consentry:<event>` CustomEvent on `window`. */
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
}

export function createEmitter<Events extends object = ConsentryEvents>(): Emitter<Events> {
  const listeners: { [K in keyof Events]?: Listener<Events[K]>[] } = {};

  return {
    on(event, fn) {
      const list = (listeners[event] ??= []);
      list.push(fn);
      return () => {
        const index = list.indexOf(fn);
        if (index >= 0) list.splice(index, 1);
      };
    },
    emit(event, payload) {
      // A copy: listeners that unsubscribe while being called do not make others skip.
      for (const fn of (listeners[event] ?? []).slice()) {
        try {
          fn(payload);
        } catch (error) {
          // One broken listener (site code) must not keep the others — e.g. the gate — from hearing.
          console.error(`consentry: a "${String(event)}" listener threw`, error);
        }
      }
      if (typeof window !== 'undefined' && typeof CustomEvent === 'function') {
        window.dispatchEvent(new CustomEvent(`consentry:${String(event)}`, { detail: payload }));
      }
    },
  };
}
