import type { Rules } from './rules';

/**
 * G1: requests to catalogued hosts before consent are dropped, never queued — a hit made before
 * consent must not be sent after it. What the caller sees:
 *  - `navigator.sendBeacon` → returns `true` (as if queued), so the tag does not retry another way;
 *  - `fetch` → resolves to an empty `204` response;
 *  - `XMLHttpRequest#send` → sends nothing and fires `error` and `loadend`;
 *  - `new WebSocket` → throws a `SecurityError`, as a Content Security Policy would;
 *  - `Image`/`<img>` → handled by the element guard (the `src` is never set).
 */
export function installNetworkGuard(
  win: Window & typeof globalThis,
  rules: Rules,
  log: (message: string) => void,
) {
  const blocked = (url: unknown): boolean => {
    const match = rules.forUrl(String(url), win.document.baseURI);
    if (!match || rules.isAllowed(match)) return false;
    log(`dropped request ${String(url)} (${match.category})`);
    return true;
  };

  const nav = win.navigator;
  const sendBeacon = nav.sendBeacon;
  if (typeof sendBeacon === 'function') {
    nav.sendBeacon = function (this: Navigator, url: string | URL, data?: BodyInit | null) {
      return blocked(url) || sendBeacon.call(this, url, data);
    };
  }

  const fetch = win.fetch;
  if (typeof fetch === 'function') {
    win.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      const url = typeof input === 'object' && 'url' in input ? input.url : input;
      if (blocked(url)) return Promise.resolve(new win.Response(null, { status: 204 }));
      return fetch.call(this ?? win, input, init);
    } as typeof fetch;
  }

  // A WebSocket to a catalogued host (Metrica's Webvisor) is refused the way a Content Security
  // Policy refuses one: the constructor throws a SecurityError, which tags already expect.
  const NativeSocket = win.WebSocket;
  if (typeof NativeSocket === 'function') {
    const GuardedSocket = function (this: unknown, url: string | URL, protocols?: string | string[]) {
      if (blocked(url))
        throw new win.DOMException(`consentry: ${String(url)} waits for consent`, 'SecurityError');
      return protocols === undefined ? new NativeSocket(url) : new NativeSocket(url, protocols);
    } as unknown as typeof WebSocket;
    Object.defineProperty(GuardedSocket, 'prototype', { value: NativeSocket.prototype });
    for (const state of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const)
      Object.defineProperty(GuardedSocket, state, { value: NativeSocket[state], enumerable: true });
    win.WebSocket = GuardedSocket;
  }

  const xhr = win.XMLHttpRequest?.prototype;
  if (xhr) {
    const urls = new WeakMap<XMLHttpRequest, unknown>();
    const open = xhr.open as (this: XMLHttpRequest, ...args: unknown[]) => void;
    const send = xhr.send;
    xhr.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      urls.set(this, args[1]);
      return open.apply(this, args);
    } as typeof xhr.open;
    xhr.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (!blocked(urls.get(this))) return send.call(this, body);
      setTimeout(() => {
        this.dispatchEvent(new win.ProgressEvent('error'));
        this.dispatchEvent(new win.ProgressEvent('loadend'));
      });
    };
  }
}
