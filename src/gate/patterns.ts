/**
 * Name and host patterns, compiled once.
 * Names: `*` matches any run of characters, everything else is literal (`_ga_*`, `_ym*`).
 * Hosts: `a.b` matches `a.b` and every subdomain; `*.a.b` the same; a trailing `.*` matches any
 * country domain of one or two labels (`mc.yandex.*` → `mc.yandex.ru`, `mc.yandex.com.tr`);
 * `host/path` also requires the URL path to start with `/path`.
 */

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression for a list of name patterns; `undefined` for an empty list. With
 * `write`, it tests a whole cookie write ("name=value; …") instead of a bare name.
 */
export function compileNames(patterns: readonly string[], write = false): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const any = write ? '[^=;]*' : '.*';
  const names = patterns.map((p) => escape(p).replace(/\*/g, any)).join('|');
  return new RegExp(write ? `^\\s*(?:${names})\\s*=` : `^(?:${names})$`);
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
