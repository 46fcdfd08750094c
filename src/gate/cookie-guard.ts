import { parseCookieWrite } from './cookie-string';
import { descriptorOf } from './native';
import type { Match, Rules } from './rules';

export interface HeldCookie {
  readonly write: () => void;
  readonly match: Match | undefined;
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
  const read = () => native.get!.call(doc) as string;
  const write = (text: string) => native.set!.call(doc, text);

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

  Object.defineProperty(doc, 'cookie', {
    configurable: true,
    enumerable: true,
    get: read,
    set(text: unknown) {
      const cookie = parseCookieWrite(String(text));
      const key = `${cookie.name};${cookie.domain ?? ''};${cookie.path ?? ''}`;
      const { verdict, match } = decide(cookie.name, cookie.persistent, cookie.deletion);
      held.delete(key);
      if (verdict === 'pass') return write(String(text));
      held.set(key, { write: () => write(String(text)), match });
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
      held.set(`${name};store`, { write: () => void storeSet.apply(this, args).catch(() => {}), match });
      log(`held cookie ${name} (${match?.category ?? 'undeclared, persistent'})`);
      return Promise.resolve();
    };
  }

  return {
    /** Write the held cookies whose category is now granted. */
    release() {
      for (const [key, cookie] of held) {
        if (cookie.match ? rules.isAllowed(cookie.match) : rules.allGranted()) {
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
