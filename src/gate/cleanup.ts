import { cookieNames } from './cookie-string';
import type { CookieGuard } from './cookie-guard';
import { domainLevels, pathLevels } from './domain-levels';
import type { Rules } from './rules';

/**
 * R2: delete every cookie and storage key whose category is not granted now — on the host and each
 * parent domain down to, not including, the public suffix, on every path from `/` to the current one
 * (RFC 6265 §5.3: a cookie is replaced only by the same name, domain and path, so each must be named).
 * Runs on load (cookies left by an earlier visit or an expired choice) and after every decision.
 * Returns the names deleted.
 */
export function removeDenied(win: Window & typeof globalThis, rules: Rules, cookies: CookieGuard): string[] {
  const { hostname, pathname } = win.location;
  const denied = (match: ReturnType<Rules['forCookie']>) => match !== undefined && !rules.isAllowed(match);
  const names = [...new Set(cookieNames(cookies.read()))].filter((name) => denied(rules.forCookie(name)));
  const domains = [undefined, ...domainLevels(hostname)];
  const paths = pathLevels(pathname);
  for (const name of names) {
    for (const domain of domains) {
      for (const path of paths) {
        cookies.write(`${name}=; Max-Age=0; Path=${path}${domain ? `; Domain=${domain}` : ''}`);
      }
    }
  }
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = win[area];
      for (const key of Object.keys(storage)) {
        if (denied(rules.forStorageKey(key))) {
          storage.removeItem(key);
          names.push(key);
        }
      }
    } catch {
      // Storage disabled: nothing can be in it.
    }
  }
  return names;
}
