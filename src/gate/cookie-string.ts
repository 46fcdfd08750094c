/** A write through `document.cookie = "…"`, as the browser will read it (RFC 6265 §5.2). */
export interface CookieWrite {
  readonly name: string;
  readonly value: string;
  /** Has Expires or Max-Age: stored beyond the browser session. */
  readonly persistent: boolean;
  /** Max-Age ≤ 0 or Expires in the past: a deletion, which always passes. */
  readonly deletion: boolean;
  readonly domain: string | undefined;
  readonly path: string | undefined;
}

/** The attributes the gate reads; §5.2.2–5.2.4: names are case-insensitive, values trimmed. */
const ATTRIBUTE = /;\s*(max-age|expires|domain|path)\s*=([^;]*)/gi;

export function parseCookieWrite(text: string, now = Date.now()): CookieWrite {
  const whole = String(text);
  const semi = whole.indexOf(';');
  const pair = semi < 0 ? whole : whole.slice(0, semi);
  const eq = pair.indexOf('=');
  // RFC 6265 §5.2 step 2: a pair without "=" is a nameless cookie whose value is the whole pair.
  const name = eq < 0 ? '' : pair.slice(0, eq).trim();
  const value = (eq < 0 ? pair : pair.slice(eq + 1)).trim();
  let expires: number | undefined;
  let maxAge: number | undefined;
  let domain: string | undefined;
  let path: string | undefined;
  // One pass of a regular expression over the attributes (most writes have one or two of these);
  // a later attribute of the same name wins (§5.3).
  if (semi >= 0) {
    ATTRIBUTE.lastIndex = semi;
    for (let found = ATTRIBUTE.exec(whole); found; found = ATTRIBUTE.exec(whole)) {
      const key = found[1]!.toLowerCase();
      const arg = found[2]!.trim();
      if (key === 'max-age') {
        if (/^-?\d+$/.test(arg)) maxAge = Number(arg);
      } else if (key === 'expires') {
        const time = Date.parse(arg);
        if (!Number.isNaN(time)) expires = time;
      } else if (key === 'domain') {
        if (arg) domain = arg.replace(/^\./, '').toLowerCase();
      } else if (arg.startsWith('/')) path = arg;
    }
  }
  // §5.3 step 3: Max-Age wins over Expires.
  const deletion = maxAge !== undefined ? maxAge <= 0 : expires !== undefined && expires <= now;
  return { name, value, persistent: maxAge !== undefined || expires !== undefined, deletion, domain, path };
}

/** The names of the cookies in a `document.cookie` read. */
export function cookieNames(cookieHeader: string): string[] {
  return cookieHeader
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return (eq < 0 ? '' : pair.slice(0, eq)).trim();
    })
    .filter(Boolean);
}
