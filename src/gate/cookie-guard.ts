import { parseCookieWrite } from './cookie-string';
import { descriptorOf } from './native';
import { surelyUnconcerned } from './patterns';
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
  let filter = rules.cookieWriteFilter();
  let filterVersion = rules.version;
  const refilter = () => {
    filter = rules.cookieWriteFilter(new Set([...held.values()].map((cookie) => cookie.name)));
    filterVersion = rules.version;
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
    // A name not held before changes what the filter must let through (most holds replace one).
    if (!held.has(key) && !isHeld(cookie.name)) filterVersion = -1;
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
    set: guardedSet,
  });
  writers.set(doc, (text) => guardedSet.call(doc, text));

  function guardedSet(this: Document, text: unknown) {
    if (this !== doc) {
      // Another frame's document, or one without cookies of its own (DOMParser, templates).
      const other = writers.get(this);
      return other ? other(text) : nativeSet.call(this, text);
    }
    const raw = typeof text === 'string' ? text : String(text);
    if (filterVersion !== rules.version) refilter();
    // Most writes: a cheap "surely not", then the browser's own setter. Chromium compiles this
    // setter, with surelyUnconcerned, into every function of the page that writes cookies
    // (--js-flags=--trace-turbo-inlining), so it stays small; the rest is a call to closerLook,
    // which V8 leaves out of those functions (called for few of their writes) and compiles once.
    // Terser would paste it back in here.
    if (surelyUnconcerned(filter, raw)) return nativeSet.call(doc, raw);
    return /*@__NOINLINE__*/ closerLook(raw);
  }

  /** A write with a claimed name, a held name or a lifetime: the regular expression, then the rules. */
  function closerLook(raw: string) {
    if (!filter.concerns.test(raw)) return void nativeSet.call(doc, raw);
    const cookie = /*@__NOINLINE__*/ parseCookieWrite(raw);
    settle(
      cookie,
      `${cookie.name};${cookie.domain ?? ''};${cookie.path ?? defaultPath()}`,
      () => write(raw),
      () => write(cookie.session),
    );
  }

  /**
   * Decide one write (a `document.cookie` or Cookie Store one): let it through, or hold it —
   * an undeclared persistent cookie with `sessionCopy` written meanwhile. A later write of the same
   * cookie (`key`) replaces whatever was held for it.
   */
  function settle(
    cookie: { name: string; persistent: boolean; deletion: boolean },
    key: string,
    writeIt: () => void,
    sessionCopy?: () => void,
  ) {
    const { verdict, match } = decide(cookie.name, cookie.persistent, cookie.deletion);
    if (verdict === 'pass') {
      unhold(key);
      writeIt();
      return;
    }
    hold(key, { name: cookie.name, write: writeIt });
    log(`held cookie ${cookie.name} (${match?.category ?? 'undeclared, persistent'})`);
    if (verdict === 'session') sessionCopy?.();
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
      // Keyed like a document.cookie write, so a later write of the same cookie either way replaces it.
      const domain =
        typeof options.domain === 'string' ? options.domain.replace(/^\./, '').toLowerCase() : '';
      const key = `${name};${domain};${typeof options.path === 'string' ? options.path : '/'}`;
      let result: Promise<void> = Promise.resolve();
      settle({ name, persistent, deletion }, key, () => {
        result = storeSet.apply(this, args);
        // A held write fails on release with nobody waiting for it.
        result.catch(() => {});
      });
      return result;
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
