/**
 * Name and host patterns, compiled once.
 * Names: `*` matches any run of characters, everything else is literal (`_ga_*`, `_ym*`).
 * Hosts: `a.b` matches `a.b` and every subdomain; `*.a.b` the same; a trailing `.*` matches any
 * country domain of one or two labels (`mc.yandex.*` → `mc.yandex.ru`, `mc.yandex.com.tr`);
 * `host/path` also requires the URL path to start with `/path`.
 */

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
/** A name taken literally, `*` included. */
const escapeLiteral = (text: string) => escape(text).replace(/\*/g, '\\*');

/** One regular expression for a list of name patterns; `undefined` for an empty list. */
export function compileNames(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  return new RegExp(`^(?:${namesSource(patterns, '.*')})$`);
}

function namesSource(patterns: readonly string[], any: string): string {
  return patterns.map((p) => escape(p).replace(/\*/g, any)).join('|');
}

/** Source matching the start of a cookie write ("name=value; …") whose name is one of these. */
const writeNames = (names: readonly string[]) => `\\s*(?:${names.join('|')})\\s*=`;

/** `[eE][xX]…`: case-insensitive in a pattern whose other parts are not (cookie names are case-sensitive). */
const caseless = (word: string) => word.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);

/**
 * The compiled test for whole `document.cookie` writes (`compileCookieFilter`). Its tables are
 * plain data, so that the test on every write the page makes is a call to one small plain function
 * (`surelyUnconcerned`), which engines inline, not to a method of a closure rebuilt whenever the
 * rules change (in one page, that method call measured about 200 ns a write in Chromium).
 */
export interface CookieFilter {
  /** 1 for a first character that may start a pattern, or the blank a name may follow. */
  readonly starts: Uint8Array;
  /** The same for the exact names. */
  readonly exactStarts: Uint8Array;
  readonly exact: readonly string[];
  /** The closer look: the name is a pattern or an exact name, or the write has a lifetime. */
  readonly concerns: RegExp;
  /** Whether a write needs a closer look: `!surelyUnconcerned(this, write) && concerns.test(write)`. */
  mayConcern(write: string): boolean;
}

/** Whether `write` sets the cookie `name`: it starts with the name, then blanks, then "=". */
function writesName(write: string, name: string): boolean {
  let at = name.length;
  // The character after the name first: most writes are ruled out there, before any comparison.
  let next = write.charCodeAt(at);
  if (next !== 61 /* = */ && next !== 32 && next !== 9) return false;
  if (!write.startsWith(name)) return false;
  while (next === 32 || next === 9) next = write.charCodeAt((at += 1));
  return next === 61;
}

/**
 * The test for whole `document.cookie` writes: a write needs a closer look when its name is one of
 * the patterns or one of the `exact` names (those with a write held), or it has an Expires or
 * Max-Age attribute (a persistent cookie, or a deletion). Everything else — a session cookie of an
 * unlisted name, most writes — passes untouched.
 * It runs on every write the page makes, so `surelyUnconcerned` comes before any regular
 * expression. The exact names have a first-character table of their own, so that a held
 * "bench_keep" does not send every "b…" write to the regular expression.
 */
export function compileCookieFilter(
  patterns: readonly string[],
  exact: readonly string[] = [],
): CookieFilter {
  const lifetime = `;\\s*(?:${caseless('expires')}|${caseless('max-age')})\\s*=`;
  const names = [namesSource(patterns, '[^=;]*'), ...exact.map(escapeLiteral)].filter(Boolean);
  const pattern = new RegExp(names.length ? `^${writeNames(names)}|${lifetime}` : lifetime);
  const table = (names: readonly string[]) => {
    const starts = new Uint8Array(128);
    for (const space of [9, 10, 11, 12, 13, 32]) starts[space] = 1;
    for (const name of names) {
      const first = name.charCodeAt(0);
      if (name === '' || name[0] === '*' || first >= 128) starts.fill(1);
      else starts[first] = 1;
    }
    return starts;
  };
  const filter: CookieFilter = {
    starts: table(patterns),
    exactStarts: table(exact),
    exact,
    concerns: pattern,
    mayConcern: (write) => !surelyUnconcerned(filter, write) && pattern.test(write),
  };
  return filter;
}

/**
 * The cheap "surely not" for a `document.cookie` write: a first character that cannot start a
 * pattern (nor is it the blank a name may follow), a name that is none of the exact ones, and no
 * "x" or "X" after the first ";" (both "expires" and "max-age" have one).
 */
export function surelyUnconcerned(filter: CookieFilter, write: string): boolean {
  const first = write.charCodeAt(0);
  if (first >= 128 || filter.starts[first] === 1) return false;
  if (filter.exactStarts[first] === 1) {
    const exact = filter.exact;
    for (let index = 0; index < exact.length; index += 1) if (writesName(write, exact[index]!)) return false;
  }
  const semi = write.indexOf(';');
  return semi < 0 || (write.indexOf('x', semi) < 0 && write.indexOf('X', semi) < 0);
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
