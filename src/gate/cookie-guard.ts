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
/** Has an Expires or Max-Age attribute: a persistent cookie, or a deletion. */
const LIFETIME = /;\s*(expires|max-age)\s*=/i;

/** The name as RFC 6265 §5.2 reads it: before the first "=", if that comes before any ";". */
function nameOf(text: string): string {
  const eq = text.indexOf('=');
  const semi = text.indexOf(';');
  return eq < 0 || (semi >= 0 && semi < eq) ? '' : text.slice(0, eq).trim();
}

export function installCookieGuard(
  win: Window & typeof globalThis,
  rules: Rules,
  log: (message: string) => void,
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
  /** Names with a held write, so the hot path can skip the map. */
  const heldNames = new Set<string>();

  /** A later write of the same name replaces whatever was held for it. */
  const forget = (name: string) => {
    if (!heldNames.has(name)) return;
    for (const key of held.keys()) if (key.startsWith(`${name};`)) held.delete(key);
    heldNames.delete(name);
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
      // Documents of this window other than the page (DOMParser, templates) hold no cookies of their own.
      if (this !== doc) return nativeSet.call(this, text);
      const raw = String(text);
      // Hot path: a session cookie no service claims (most writes) passes after two cheap tests.
      if (!LIFETIME.test(raw) && !rules.mayClaimCookieWrite(raw)) {
        if (held.size > 0) forget(nameOf(raw));
        return nativeSet.call(doc, raw);
      }
      const cookie = parseCookieWrite(raw);
      const key = `${cookie.name};${cookie.domain ?? ''};${cookie.path ?? ''}`;
      const { verdict, match } = decide(cookie.name, cookie.persistent, cookie.deletion);
      held.delete(key);
      if (verdict === 'pass') return write(String(text));
      held.set(key, { name: cookie.name, write: () => write(String(text)) });
      heldNames.add(cookie.name);
      log(`held cookie ${cookie.name} (${match?.category ?? 'undeclared, persistent'})`);
      // RFC 6265 §5.3 step 3: without Expires and Max-Age the browser keeps it for the session only.
      if (verdict === 'session') write(String(text).replace(/;\s*(expires|max-age)=[^;]*/gi, ''));
    },
  });

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
      };
      const name = String(options.name ?? '');
      const persistent = options.expires != null;
      const deletion = persistent && Number(options.expires) <= Date.now();
      const { verdict, match } = decide(name, persistent, deletion);
      if (verdict === 'pass') return storeSet.apply(this, args);
      held.set(`${name};store`, { name, write: () => void storeSet.apply(this, args).catch(() => {}) });
      heldNames.add(name);
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
          held.delete(key);
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
