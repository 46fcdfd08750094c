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
  /** The same write without Expires and Max-Age: a session cookie (§5.3 step 3). */
  readonly session: string;
}

/** What the text from the first ";" on says. */
interface Attributes {
  readonly maxAge: number | undefined;
  /** Expires, as a time. */
  readonly expires: number | undefined;
  readonly domain: string | undefined;
  readonly path: string | undefined;
  /** The same text without Expires and Max-Age. */
  readonly withoutLifetime: string;
}

/** The attributes the gate reads; §5.2.2–5.2.4: names are case-insensitive, values trimmed. */
const ATTRIBUTE = /;\s*(max-age|expires|domain|path)\s*=([^;]*)/gi;
const LIFETIME = /;\s*(?:expires|max-age)\s*=[^;]*/gi;

/**
 * The attributes of recent writes, by their text: a page writes the same few cookies again and
 * again, with new values and the same attributes, which are read again only when they change.
 * At most 64; a page whose every write is new starts the table afresh.
 */
const recent = new Map<string, Attributes>();

function attributesOf(text: string): Attributes {
  let attributes = recent.get(text);
  if (attributes) return attributes;
  let maxAge: number | undefined;
  let expires: number | undefined;
  let domain: string | undefined;
  let path: string | undefined;
  // One pass of a regular expression (most writes have one or two of these); a later attribute of
  // the same name wins (§5.3).
  ATTRIBUTE.lastIndex = 0;
  for (let found = ATTRIBUTE.exec(text); found; found = ATTRIBUTE.exec(text)) {
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
  attributes = { maxAge, expires, domain, path, withoutLifetime: text.replace(LIFETIME, '') };
  if (recent.size >= 64) recent.clear();
  recent.set(text, attributes);
  return attributes;
}

export function parseCookieWrite(text: string, now = Date.now()): CookieWrite {
  const whole = String(text);
  const semi = whole.indexOf(';');
  const pair = semi < 0 ? whole : whole.slice(0, semi);
  const eq = pair.indexOf('=');
  // RFC 6265 §5.2 step 2: a pair without "=" is a nameless cookie whose value is the whole pair.
  const name = eq < 0 ? '' : pair.slice(0, eq).trim();
  const value = (eq < 0 ? pair : pair.slice(eq + 1)).trim();
  const attributes = attributesOf(semi < 0 ? '' : whole.slice(semi));
  const { maxAge, expires } = attributes;
  return {
    name,
    value,
    persistent: maxAge !== undefined || expires !== undefined,
    // §5.3: Max-Age wins over Expires.
    deletion: maxAge !== undefined ? maxAge <= 0 : expires !== undefined && expires <= now,
    domain: attributes.domain,
    path: attributes.path,
    session: pair + attributes.withoutLifetime,
  };
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
