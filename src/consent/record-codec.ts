import type { ConsentMethod, PolicySettings, ResolvedSettings } from '../config/types';
import type { ConsentRecord } from './types';

/**
 * The consent cookie's value: JSON with one-letter keys, so ten categories fit in well under 1 KB.
 *
 * `{ v: 1, i: id, c: { analytics: true, … }, s?: services, m: 'a'|'r'|'c'|'g', r: revision,
 *    p?: policyVersion, f: firstDecidedAt, d: decidedAt, e: expiresAt, k: sdkVersion,
 *    l: language, g?: region, u?: 1, q?: [earlier, …] }`
 *
 * C4: `u: 1` marks the record as not yet acknowledged by the consent log, and `q` holds earlier
 * records the log has not acknowledged either (same keys, without `v` and `u`), oldest first. A
 * new decision replaces the record, so without `q` an undelivered one would be lost. Both live in
 * the cookie itself because G8 allows Consentry no other storage; neither is part of
 * {@link ConsentRecord}.
 */
const FORMAT_VERSION = 1;

/** C5: anything longer is not ours (or was tampered with): no consent. */
export const MAX_COOKIE_LENGTH = 3072;

/** C4: at most this many earlier undelivered records ride along in the cookie. */
export const MAX_EARLIER = 3;

/** Clocks drift: a decision up to this far in the future is still believed. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** C2: a record never lives longer than 13 months (395 days). */
const MAX_LIFETIME_MS = 395 * 86_400_000;

const METHOD_CODES: Readonly<Record<ConsentMethod, string>> = {
  'accept-all': 'a',
  'reject-all': 'r',
  custom: 'c',
  gpc: 'g',
};

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** What decoding needs from the outside: the current settings and the injected clock. */
export interface DecodeContext {
  readonly settings: ResolvedSettings;
  readonly now: Date;
}

/** A decoded cookie: the record and what the consent log still has to receive (C4). */
export interface StoredRecord {
  readonly record: ConsentRecord;
  /** `record` itself is not yet acknowledged by the consent log. */
  readonly pending: boolean;
  /** Earlier records the consent log has not acknowledged, oldest first, as they were decided. */
  readonly earlier: readonly ConsentRecord[];
}

/** The policy version a record is bound to: privacy version and consent-document version joined by `+`. */
export function policyVersionOf(policy: Readonly<PolicySettings>): string | undefined {
  const parts = [policy.privacyVersion, policy.consentDocumentVersion].filter((part) => part);
  return parts.length ? parts.join('+') : undefined;
}

/**
 * Serialise a record for the consent cookie. `pending` marks it as not yet delivered to the
 * consent log; `earlier` are older records still waiting for it, oldest first.
 */
export function encodeRecord(
  record: ConsentRecord,
  pending = false,
  earlier: readonly ConsentRecord[] = [],
): string {
  // C4 allows one loss, to keep the cookie bounded: only the MAX_EARLIER most recent earlier
  // records are kept, and the oldest go first while the cookie, percent-encoded as browsers store
  // it, would outgrow MAX_COOKIE_LENGTH (RFC 6265 §6.1 promises only 4096 bytes per cookie).
  const queue = earlier.slice(-MAX_EARLIER).map(fieldsOf);
  for (;;) {
    const json = JSON.stringify({
      v: FORMAT_VERSION,
      ...fieldsOf(record),
      u: pending ? 1 : undefined,
      q: queue.length ? queue : undefined,
    });
    if (!queue.length || encodeURIComponent(json).length <= MAX_COOKIE_LENGTH) return json;
    queue.shift();
  }
}

function fieldsOf(record: ConsentRecord): Record<string, unknown> {
  return {
    i: record.id,
    c: record.categories,
    s: Object.keys(record.services).length ? record.services : undefined,
    m: METHOD_CODES[record.method],
    r: record.revision,
    p: record.policyVersion,
    f: record.firstDecidedAt,
    d: record.decidedAt,
    e: record.expiresAt,
    k: record.sdkVersion,
    l: record.language,
    g: record.region,
  };
}

/**
 * Read the consent cookie. C5: a corrupt, tampered, oversized, expired or outdated value is
 * "no consent" (`null`) — this function never throws. It reads the record alone (what the script
 * tag's synchronous file needs), not what still waits for the consent log.
 */
export function decodeRecord(raw: string | undefined, context: DecodeContext): ConsentRecord | null {
  const record = readCookieJson(raw, context.now)?.record;
  return record ? judged(record, context) : null;
}

/** Like {@link decodeRecord}, also telling what still waits for the consent log. */
export function decodeStored(raw: string | undefined, context: DecodeContext): StoredRecord | null {
  const stored = decodeForLog(raw, context.now);
  const record = stored && judged(stored.record, context);
  return record ? { ...stored!, record } : null;
}

/** C2: the record as the current settings see it, or `null` when it must be asked again. */
function judged(record: ConsentRecord, { settings, now }: DecodeContext): ConsentRecord | null {
  // An expired choice, another settings revision or another policy version asks again.
  if (
    Date.parse(record.expiresAt) <= now.getTime() ||
    record.revision !== settings.revision ||
    record.policyVersion !== policyVersionOf(settings.policy)
  ) {
    return null;
  }
  // Categories the settings no longer have are dropped; new ones start refused; required ones are on.
  const categories: Record<string, boolean> = {};
  for (const [name, category] of Object.entries(settings.categories)) {
    categories[name] = category.required || record.categories[name] === true;
  }
  return { ...record, categories };
}

/** The cookie's JSON and the record in it, checked; `null` when it is not one of ours. */
function readCookieJson(
  raw: string | undefined,
  now: Date,
): { data: Record<string, unknown>; record: ConsentRecord } | null {
  if (typeof raw !== 'string' || raw.length > MAX_COOKIE_LENGTH) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(data) || data.v !== FORMAT_VERSION || (data.u !== undefined && data.u !== 1)) return null;
  const record = parseFields(data, now);
  return record && { data, record };
}

/**
 * C4: read the cookie for the consent log only — the records exactly as they were decided, even
 * when the settings have moved on since, so a revision change does not lose an undelivered
 * record. Never proof of consent: that is {@link decodeRecord}. Never throws; a corrupt `q`
 * means no earlier records, never a rejected cookie.
 */
export function decodeForLog(raw: string | undefined, now: Date): StoredRecord | null {
  const read = readCookieJson(raw, now);
  if (!read) return null;
  const { data, record } = read;
  const queue = Array.isArray(data.q) && data.q.length <= MAX_EARLIER ? data.q : [];
  const earlier = queue.map((item) => (isObject(item) ? parseFields(item, now) : null));
  return {
    record,
    pending: data.u === 1,
    earlier: earlier.every((item) => item !== null) ? (earlier as ConsentRecord[]) : [],
  };
}

/** The record in one-letter keys, checked for shape and plausible times; `null` when it is not one. */
function parseFields(data: Record<string, unknown>, now: Date): ConsentRecord | null {
  const method = (Object.keys(METHOD_CODES) as ConsentMethod[]).find((name) => METHOD_CODES[name] === data.m);
  const id = data.i;
  const [first, decided, expires] = [data.f, data.d, data.e].map(parseTime);
  if (
    !method ||
    typeof id !== 'string' ||
    !UUID_V4.test(id) ||
    !isFlags(data.c) ||
    (data.s !== undefined && !isFlags(data.s)) ||
    !isText(data.r) ||
    (data.p !== undefined && !isText(data.p)) ||
    !isText(data.k) ||
    !isText(data.l) ||
    (data.g !== undefined && !isText(data.g)) ||
    first === undefined ||
    decided === undefined ||
    expires === undefined ||
    first > decided ||
    decided > now.getTime() + CLOCK_SKEW_MS ||
    expires - decided > MAX_LIFETIME_MS
  ) {
    return null;
  }
  return {
    id,
    categories: { ...data.c },
    services: { ...(data.s as Record<string, boolean> | undefined) },
    method,
    revision: data.r,
    policyVersion: data.p,
    firstDecidedAt: data.f as string,
    decidedAt: data.d as string,
    expiresAt: data.e as string,
    sdkVersion: data.k,
    language: data.l,
    region: data.g,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFlags(value: unknown): value is Record<string, boolean> {
  return isObject(value) && Object.values(value).every((flag) => typeof flag === 'boolean');
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200;
}

/** Milliseconds of a strict ISO 8601 UTC time, or undefined when it is not one. */
function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_UTC.test(value)) return undefined;
  const time = Date.parse(value);
  // Round-trip so that impossible dates such as 2025-02-30 are refused, not rolled over.
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 19) !== value.slice(0, 19)
    ? undefined
    : time;
}
