import Cookies from 'js-cookie';

import { readCookie } from './cookie-read';
import type { ConsentEnvironment, CookieWriteOptions } from './types';

interface JarEntry {
  readonly value: string;
  readonly expires: number;
}

/**
 * An environment whose cookie jar lives in memory: for tests, for server-side rendering, and as
 * the page's fallback when real cookies are unavailable. `now` is the injected clock.
 */
export function createMemoryEnvironment(now: () => Date = () => new Date()): ConsentEnvironment {
  const jar = new Map<string, JarEntry>();
  return {
    readCookie(name) {
      const entry = jar.get(name);
      if (entry && entry.expires > now().getTime()) return entry.value;
      jar.delete(name);
      return undefined;
    },
    writeCookie(name, value, options) {
      jar.set(name, { value, expires: options.expires.getTime() });
    },
    removeCookie(name) {
      jar.delete(name);
    },
    now,
    randomId,
  };
}

/**
 * The real browser: the consent cookie through js-cookie, the system clock and `crypto`.
 *
 * C5: when cookies throw (a sandboxed iframe, a `document.cookie` that some script broke) or a
 * written cookie does not stick (cookies disabled), the choice is kept in memory for the rest of
 * the page instead. Nothing throws to the site.
 */
export function createBrowserEnvironment(): ConsentEnvironment {
  const memory = createMemoryEnvironment();
  let inMemory = typeof document === 'undefined';

  function attempt<T>(real: () => T, fallback: () => T): T {
    if (!inMemory) {
      try {
        return real();
      } catch {
        inMemory = true;
      }
    }
    return fallback();
  }

  return {
    readCookie: (name) =>
      attempt(
        () => {
          // Reading first checks that cookies work at all, so a throwing jar falls back to memory.
          void document.cookie;
          return readCookie(document, name);
        },
        () => memory.readCookie(name),
      ),
    writeCookie(name, value, options) {
      attempt(
        () => {
          Cookies.set(name, value, attributes(options));
          // The browser ignores the write when cookies are disabled: keep the choice for this page.
          if (readCookie(document, name) === undefined) throw new Error('cookie not stored');
        },
        () => memory.writeCookie(name, value, options),
      );
    },
    removeCookie(name, options) {
      memory.removeCookie(name, options);
      attempt(
        // RFC 6265 §5.3: a cookie is replaced (here: expired) only by the same name, domain and path.
        () => Cookies.remove(name, attributes(options)),
        () => undefined,
      );
    },
    now: () => new Date(),
    randomId,
  };
}

function attributes(
  options: Omit<CookieWriteOptions, 'expires'> & { expires?: Date },
): Cookies.CookieAttributes {
  return {
    expires: options.expires,
    domain: options.domain,
    path: options.path,
    sameSite: options.sameSite,
    secure: options.secure,
  };
}

/** A random UUID v4: `crypto.randomUUID` where it exists (secure contexts), else from `getRandomValues`. */
export function randomId(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // RFC 9562 §5.4: version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 §4.1: variant 10
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
