import { parseCookieWrite } from './cookie-string';
import { descriptorOf } from './native';
import { surelyUnconcerned, type CookieFilter } from './patterns';
import type { Rules } from './rules';

export interface HeldCookie {
  readonly name: string;
  /** The `document.cookie` text to write, or the write itself (a Cookie Store call). */
  readonly write: string | (() => void);
}

/** The gate's debug log; `on` says whether it logs, so that a message need not be made for nothing. */
export type Log = ((message: string) => void) & { readonly on: boolean };

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
  log: Log,
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
  // Built at the first write, not here: the rules compile once, after the settings configure them.
  let filter: CookieFilter;
  let filterVersion = -1;
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
      raw,
      cookie.session,
    );
  }

  /**
   * Decide one write (a `document.cookie` text or a Cookie Store call): let it through, or hold it.
   *  - a deletion passes;
   *  - a name a service claims passes if its category is granted, and is held otherwise;
   *  - any other name passes, unless it is persistent and not every category is granted: then it is
   *    held, and its `session` copy (the same without Expires and Max-Age) is written meanwhile.
   * A later write of the same cookie (`key`) replaces whatever was held for it. It runs for every
   * write with a lifetime, so it makes nothing it does not need (most of all, no closures).
   */
  function settle(
    cookie: { name: string; persistent: boolean; deletion: boolean },
    key: string,
    it: HeldCookie['write'],
    session?: string,
  ) {
    const match = cookie.deletion ? undefined : rules.forCookie(cookie.name);
    const passes =
      cookie.deletion ||
      (match
        ? rules.isAllowed(match)
        : !cookie.persistent || cookie.name === rules.policy.ownCookie || rules.allGranted());
    if (passes) {
      unhold(key);
      if (typeof it === 'string') write(it);
      else it();
      return;
    }
    hold(key, { name: cookie.name, write: it });
    if (log.on) log(`held cookie ${cookie.name} (${match?.category ?? 'undeclared, persistent'})`);
    // RFC 6265 §5.3 step 3: without Expires and Max-Age the browser keeps it for the session only.
    if (!match && session !== undefined) write(session);
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
          if (typeof cookie.write === 'string') write(cookie.write);
          else cookie.write();
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
