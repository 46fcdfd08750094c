/**
 * Name and host patterns, compiled once.
 * Names: `*` matches any run of characters, everything else is literal (`_ga_*`, `_ym*`).
 * Hosts: `a.b` matches `a.b` and every subdomain; `*.a.b` the same; a trailing `.*` matches any
 * country domain of one or two labels (`mc.yandex.*` → `mc.yandex.ru`, `mc.yandex.com.tr`);
 * `host/path` also requires the URL path to start with `/path`.
 */

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression for a list of name patterns; `undefined` for an empty list. */
export function compileNames(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  return new RegExp(`^(?:${namesSource(patterns, '.*')})$`);
}

function namesSource(patterns: readonly string[], any: string): string {
  return patterns.map((p) => escape(p).replace(/\*/g, any)).join('|');
}

/** Source matching the start of a cookie write ("name=value; …") whose name is one of the patterns. */
const writeNames = (patterns: readonly string[]) => `\\s*(?:${namesSource(patterns, '[^=;]*')})\\s*=`;

/** `[eE][xX]…`: case-insensitive in a pattern whose other parts are not (cookie names are case-sensitive). */
const caseless = (word: string) => word.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);

/** Whether a whole `document.cookie` write ("name=value; …") needs a closer look. */
export interface CookieFilter {
  mayConcern(write: string): boolean;
}

/**
 * The test for whole `document.cookie` writes: a write needs a closer look when its name is one of
 * the patterns, or it has an Expires or Max-Age attribute (a persistent cookie, or a deletion).
 * Everything else — a session cookie of an unlisted name, most writes — passes untouched.
 * Before the regular expression, a cheaper "surely not": the first character cannot start a listed
 * name (nor is it the space a name may follow), and after the first ";" there is no "x" or "X",
 * which both "expires" and "max-age" contain.
 */
export function compileCookieFilter(patterns: readonly string[]): CookieFilter {
  const lifetime = `;\\s*(?:${caseless('expires')}|${caseless('max-age')})\\s*=`;
  const pattern = new RegExp(patterns.length ? `^${writeNames(patterns)}|${lifetime}` : lifetime);
  const starts = new Uint8Array(128);
  for (const space of [9, 10, 11, 12, 13, 32]) starts[space] = 1;
  for (const name of patterns) {
    const first = name.charCodeAt(0);
    if (name === '' || name[0] === '*' || first >= 128) starts.fill(1);
    else starts[first] = 1;
  }
  return {
    mayConcern(write: string): boolean {
      const first = write.charCodeAt(0);
      if (first < 128 && starts[first] === 0) {
        const semi = write.indexOf(';');
        if (semi < 0 || (write.indexOf('x', semi) < 0 && write.indexOf('X', semi) < 0)) return false;
      }
      return pattern.test(write);
    },
  };
}

export interface HostMatcher {
  readonly host: RegExp;
  readonly path: string;
}

export function compileHost(pattern: string): HostMatcher {
  const slash = pattern.indexOf('/');
  const host = (slash < 0 ? pattern : pattern.slice(0, slash)).replace(/^\*\./, '').toLowerCase();
  const path = slash < 0 ? '' : pattern.slice(slash);
  const anyCountry = host.endsWith('.*');
  const stem = escape(anyCountry ? host.slice(0, -2) : host);
  return {
    host: new RegExp(`(?:^|\\.)${stem}${anyCountry ? '\\.[a-z]{2,}(?:\\.[a-z]{2,})?' : ''}$`),
    path,
  };
}

export function matchesHost(matcher: HostMatcher, hostname: string, pathname: string): boolean {
  return matcher.host.test(hostname) && (matcher.path === '' || pathname.startsWith(matcher.path));
}
