import { parseCookieWrite } from './cookie-string';
import { descriptorOf } from './native';
import type { Match, Rules } from './rules';

export interface HeldCookie {
  readonly name: string;
  readonly write: () => void;
}

/**
 * G6: cookies written through `document.cookie` (and the Cookie Store API) wait for consent.
 *  - a name in a category's patterns (`_ga`, `_ym_uid`…): held in memory, written if the category is
 *    granted during this page's life, dropped with the page otherwise;
 *  - an undeclared persistent cookie (Expires/Max-Age): the page gets a session copy at once, so it
 *    keeps working; the persistent write waits until every category is granted;
 *  - session cookies, declared necessary cookies, deletions and Consentry's own cookie pass.
 * Reads are untouched.
 */
/**
 * The guarded write of each document, shared by the page and its frames: a frame's cookie setter
 * called on the page's document (or the other way round) is judged by that document's guard.
 */
export type CookieWriters = WeakMap<Document, (text: unknown) => void>;

export function installCookieGuard(
  win: Window & typeof globalThis,
  rules: Rules,
  log: (message: string) => void,
  writers: CookieWriters = new WeakMap(),
) {
  const doc = win.document;
  const held = new Map<string, HeldCookie>();
  const native = descriptorOf(doc, 'cookie');
  // Documents without cookies (sandboxed, non-HTTP): nothing to guard.
  if (!native?.get || !native.set) return { release() {}, held, read: () => '', write() {} };
  const nativeGet = native.get;
  const nativeSet = native.set;
  const read = () => nativeGet.call(doc) as string;
  const write = (text: string) => nativeSet.call(doc, text);
  /**
   * The hot path's one test (rules.cookieWriteFilter): a write of a claimed name, of a name with a
   * held write, or with a lifetime needs a closer look. Built again after the rules or the held
   * names change.
   */
  let filter: RegExp | undefined;
  let filterVersion = -1;
  const needsLook = (raw: string) => {
    if (filterVersion !== rules.version || !filter) {
      filter = rules.cookieWriteFilter(new Set([...held.values()].map((cookie) => cookie.name)));
      filterVersion = rules.version;
    }
    return filter.test(raw);
  };
  /** RFC 6265 §5.1.4: a write without Path is for the directory of the page's path. */
  const defaultPath = () => {
    const path = win.location.pathname;
    const slash = path.lastIndexOf('/');
    return slash <= 0 ? '/' : path.slice(0, slash);
  };
  const isHeld = (name: string) => [...held.values()].some((cookie) => cookie.name === name);
  /** Holds a write, replacing whatever was held for the same cookie. */
  const hold = (key: string, cookie: HeldCookie) => {
    if (!isHeld(cookie.name)) filterVersion = -1;
    held.set(key, cookie);
  };
  const unhold = (key: string) => {
    const cookie = held.get(key);
    if (cookie && held.delete(key) && !isHeld(cookie.name)) filterVersion = -1;
  };

  /** Decide one write. Returns 'pass', 'session' (write a session copy, hold the rest) or 'hold'. */
  function decide(
    name: string,
    persistent: boolean,
    deletion: boolean,
  ): { verdict: 'pass' | 'session' | 'hold'; match?: Match } {
    if (deletion) return { verdict: 'pass' };
    const match = rules.forCookie(name);
    if (match) return { verdict: rules.isAllowed(match) ? 'pass' : 'hold', match };
    if (!persistent || name === rules.policy.ownCookie || rules.allGranted()) return { verdict: 'pass' };
    return { verdict: 'session' };
  }

  // Replaced where the browser defines it (Document.prototype), not on the document itself: an own
  // property on `document` sits behind its named-property lookup, slower on every read and write.
  let owner: object | null = doc;
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'cookie'))
    owner = Object.getPrototypeOf(owner);
  Object.defineProperty(owner ?? doc, 'cookie', {
    configurable: true,
    enumerable: true,
    get(this: Document) {
      return nativeGet.call(this) as string;
    },
    set(this: Document, text: unknown) {
      if (this === doc) return guardedWrite(text);
      // Another frame's document, or one without cookies of its own (DOMParser, templates).
      const other = writers.get(this);
      return other ? other(text) : nativeSet.call(this, text);
    },
  });
  writers.set(doc, guardedWrite);

  function guardedWrite(text: unknown) {
    const raw = typeof text === 'string' ? text : String(text);
    // Hot path, most writes: one regular-expression test, then the browser's own setter.
    if (!needsLook(raw)) return nativeSet.call(doc, raw);
    const cookie = parseCookieWrite(raw);
    const key = `${cookie.name};${cookie.domain ?? ''};${cookie.path ?? defaultPath()}`;
    const { verdict, match } = decide(cookie.name, cookie.persistent, cookie.deletion);
    if (verdict === 'pass') {
      // A later write of the same cookie replaces whatever was held for it.
      unhold(key);
      return write(raw);
    }
    hold(key, { name: cookie.name, write: () => write(raw) });
    log(`held cookie ${cookie.name} (${match?.category ?? 'undeclared, persistent'})`);
    // RFC 6265 §5.3 step 3: without Expires and Max-Age the browser keeps it for the session only.
    if (verdict === 'session') write(raw.replace(/;\s*(expires|max-age)=[^;]*/gi, ''));
  }

  // Chromium's Cookie Store API writes cookies without document.cookie.
  const store = (
    win as unknown as { CookieStore?: { prototype: { set: (...args: unknown[]) => Promise<void> } } }
  ).CookieStore;
  const storeSet = store?.prototype.set;
  if (store && storeSet) {
    store.prototype.set = function (this: unknown, ...args: unknown[]) {
      const options = (typeof args[0] === 'object' && args[0] ? args[0] : { name: args[0] }) as {
        name?: unknown;
        expires?: unknown;
        domain?: unknown;
        path?: unknown;
      };
      const name = String(options.name ?? '');
      const persistent = options.expires != null;
      const deletion = persistent && Number(options.expires) <= Date.now();
      const { verdict, match } = decide(name, persistent, deletion);
      // Keyed like a document.cookie write, so a later write of the same cookie either way replaces it.
      const key = `${name};${typeof options.domain === 'string' ? options.domain.replace(/^\./, '').toLowerCase() : ''};${typeof options.path === 'string' ? options.path : '/'}`;
      if (verdict === 'pass') {
        unhold(key);
        return storeSet.apply(this, args);
      }
      hold(key, { name, write: () => void storeSet.apply(this, args).catch(() => {}) });
      log(`held cookie ${name} (${match?.category ?? 'undeclared, persistent'})`);
      return Promise.resolve();
    };
  }

  return {
    /** Write the held cookies whose category is now granted. */
    release() {
      for (const [key, cookie] of held) {
        // Asked again: settings that arrived after the write may have declared or moved the name.
        const match = rules.forCookie(cookie.name);
        if (match ? rules.isAllowed(match) : rules.allGranted()) {
          unhold(key);
          cookie.write();
        }
      }
    },
    held: held as ReadonlyMap<string, HeldCookie>,
    /** The real cookie jar, past the guard. */
    read,
    write: (text: string) => void write(text),
  };
}

export type CookieGuard = ReturnType<typeof installCookieGuard>;
