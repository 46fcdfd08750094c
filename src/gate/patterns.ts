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
  /** 1 at the length of each exact name. */
  readonly exactLengths: Uint8Array;
  /** The closer look: the name is a pattern or an exact name, or the write has a lifetime. */
  readonly concerns: RegExp;
}

/** A table with 1 at the length of each name. */
function lengths(names: readonly string[]): Uint8Array {
  const table = new Uint8Array(Math.max(0, ...names.map((name) => name.length)) + 1);
  for (const name of names) table[name.length] = 1;
  return table;
}

/**
 * The test for whole `document.cookie` writes: a write needs a closer look when its name is one of
 * the patterns or one of the `exact` names (those with a write held), or it has an Expires or
 * Max-Age attribute (a persistent cookie, or a deletion). Everything else — a session cookie of an
 * unlisted name, most writes — passes untouched.
 * It runs on every write the page makes, so `surelyUnconcerned` comes before any regular
 * expression. The exact names have tables of their own, of first characters and of lengths, so
 * that a held "bench_keep_0" does not send every "b…" write to the regular expression.
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
  return {
    starts: table(patterns),
    exactStarts: table(exact),
    exactLengths: lengths(exact),
    concerns: pattern,
  };
}

/**
 * The cheap "surely not" for a `document.cookie` write, true for most writes: a first character
 * that cannot start a pattern (nor is it the blank a name may follow), a name that is none of the
 * exact ones, and no attribute that may be Expires or Max-Age.
 *  - An exact name is ruled out by its length: the name ends at the first "=", unless a blank
 *    comes before it (or a character beyond ASCII, some of which `\s` takes for blanks).
 *  - Attributes are what follows each ";" (RFC 6265 §5.2: neither a value nor an attribute can
 *    hold one). Each is judged by its first character, past at most one space: "e" or "m" in
 *    either case may start Expires or Max-Age; another blank, a control character or one beyond
 *    ASCII is unusual enough to leave to the regular expression. Most writes end in
 *    "; path=/; SameSite=Lax": two characters looked at. (The first version looked for an "x"
 *    after the first ";", which every "SameSite=Lax" has: those writes, most writes on real sites,
 *    all went on to the expression.)
 * One loop, and no loop inside it: Chromium compiles this into every function of the page that
 * writes a cookie, and loops in it made that slow. With a loop over the held names, and a loop of
 * blanks in the loop of attributes, the bench page's compiler threads spent about 110 ms in its
 * first ten cookie runs; without them, about 90 (without Consentry, about 26).
 */
export function surelyUnconcerned(filter: CookieFilter, write: string): boolean {
  const first = write.charCodeAt(0);
  if (first >= 128 || filter.starts[first] === 1) return false;
  if (filter.exactStarts[first] === 1) {
    const equals = write.indexOf('=');
    const before = write.charCodeAt(equals - 1);
    if (equals <= 0 || filter.exactLengths[equals] === 1 || before <= 32 || before >= 128) return false;
  }
  for (let semi = write.indexOf(';'); semi >= 0; semi = write.indexOf(';', semi + 1)) {
    let code = write.charCodeAt(semi + 1);
    if (code === 32) code = write.charCodeAt(semi + 2);
    if (code <= 32 || code >= 128 || (code | 32) === 101 /* e */ || (code | 32) === 109 /* m */) return false;
  }
  return true;
}

/**
 * Host patterns looked up by name, with no regular expression: a host's suffixes are keys of a map
 * (`a.b` is found for `a.b` and `x.a.b`), and a country pattern's stem is found for the host without
 * its last one or two labels. The first version compiled a regular expression per pattern and one
 * for all: about 10 ms at 4× CPU before first paint, most of it compiling them at their first use.
 */
export interface HostIndex<T> {
  /** Patterns by host: `a.b`, `*.a.b` and `a.b/path` under "a.b". */
  readonly hosts: Map<string, HostRule<T>[]>;
  /** Country patterns by stem: `mc.yandex.*` under "mc.yandex". */
  readonly stems: Map<string, HostRule<T>[]>;
}

interface HostRule<T> {
  /** A path prefix, or "". */
  readonly path: string;
  readonly value: T;
}

export function indexHosts<T>(patterns: readonly (readonly [pattern: string, value: T])[]): HostIndex<T> {
  const index: HostIndex<T> = { hosts: new Map(), stems: new Map() };
  patterns.forEach(([pattern, value]) => {
    const slash = pattern.indexOf('/');
    const host = (slash < 0 ? pattern : pattern.slice(0, slash)).replace(/^\*\./, '').toLowerCase();
    const country = host.endsWith('.*');
    const map = country ? index.stems : index.hosts;
    const key = country ? host.slice(0, -2) : host;
    const rules = map.get(key) ?? [];
    rules.push({ path: slash < 0 ? '' : pattern.slice(slash), value });
    map.set(key, rules);
  });
  return index;
}

/** A country domain's label (`ru`, `com` in `com.tr`). */
const COUNTRY_LABEL = /^[a-z]{2,}$/;

/**
 * The value of the pattern that matches a URL's host and path, or undefined: of several, the one
 * with the longest path (gtag.js is analytics even where GTM is allowed), then the one for the
 * longest host, then the first listed.
 * A fully qualified host (`mc.yandex.ru.`) is the same host.
 */
export function lookupHost<T>(index: HostIndex<T>, hostname: string, pathname: string): T | undefined {
  let best: HostRule<T> | undefined;
  const consider = (rules: readonly HostRule<T>[] | undefined) => {
    for (const rule of rules ?? [])
      if (pathname.startsWith(rule.path) && (!best || rule.path.length > best.path.length)) best = rule;
  };
  /** Each suffix of `name` that starts a label: "a.b.c", "b.c", "c". */
  const suffixes = (name: string, map: Map<string, HostRule<T>[]>) => {
    for (let at = 0; at >= 0; at = name.indexOf('.', at) + 1 || -1) consider(map.get(name.slice(at)));
  };
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  suffixes(host, index.hosts);
  if (index.stems.size)
    for (let end = host.length, labels = 0; labels < 2; labels += 1) {
      const dot = host.lastIndexOf('.', end - 1);
      if (dot < 0 || !COUNTRY_LABEL.test(host.slice(dot + 1, end))) break;
      suffixes(host.slice(0, dot), index.stems);
      end = dot;
    }
  return best?.value;
}
