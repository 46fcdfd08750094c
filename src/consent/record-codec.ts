import type { ConsentMethod, PolicySettings, ResolvedSettings } from '../config/types';
import type { ConsentRecord } from './types';

/**
 * The consent cookie's value: JSON with one-letter keys, so ten categories fit in well under 1 KB.
 *
 * `{ v: 1, i: id, c: { analytics: true, … }, s?: services, m: 'a'|'r'|'c'|'g', r: revision,
 *    p?: policyVersion, f: firstDecidedAt, d: decidedAt, e: expiresAt, k: sdkVersion,
 *    l: language, g?: region, u?: 1 }`
 *
 * `u: 1` marks a record not yet acknowledged by the consent log (C4). It lives in the cookie
 * itself because G8 allows Consentry no other storage, and it is not part of {@link ConsentRecord}.
 */
const FORMAT_VERSION = 1;

/** C5: anything longer is not ours (or was tampered with): no consent. */
export const MAX_COOKIE_LENGTH = 3072;

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

/** A decoded cookie: the record and whether the consent log still has to receive it. */
export interface StoredRecord {
  readonly record: ConsentRecord;
  readonly pending: boolean;
}

/** The policy version a record is bound to: privacy version and consent-document version joined by `+`. */
export function policyVersionOf(policy: Readonly<PolicySettings>): string | undefined {
  const parts = [policy.privacyVersion, policy.consentDocumentVersion].filter((part) => part);
  return parts.length ? parts.join('+') : undefined;
}

/** Serialise a record for the consent cookie. `pending` marks it as not yet delivered to the consent log. */
export function encodeRecord(record: ConsentRecord, pending = false): string {
  const services = Object.keys(record.services).length ? record.services : undefined;
  return JSON.stringify({
    v: FORMAT_VERSION,
    i: record.id,
    c: record.categories,
    s: services,
    m: METHOD_CODES[record.method],
    r: record.revision,
    p: record.policyVersion,
    f: record.firstDecidedAt,
    d: record.decidedAt,
    e: record.expiresAt,
    k: record.sdkVersion,
    l: record.language,
    g: record.region,
    u: pending ? 1 : undefined,
  });
}

/**
 * Read the consent cookie. C5: a corrupt, tampered, oversized, expired or outdated value is
 * "no consent" (`null`) — this function never throws.
 */
export function decodeRecord(raw: string | undefined, context: DecodeContext): ConsentRecord | null {
  return decodeStored(raw, context)?.record ?? null;
}

/** Like {@link decodeRecord}, also telling whether the record still waits for the consent log. */
export function decodeStored(raw: string | undefined, context: DecodeContext): StoredRecord | null {
  if (typeof raw !== 'string' || raw.length > MAX_COOKIE_LENGTH) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(data) || data.v !== FORMAT_VERSION) return null;

  const { settings, now } = context;
  const method = (Object.keys(METHOD_CODES) as ConsentMethod[]).find((name) => METHOD_CODES[name] === data.m);
  const id = data.i;
  const times = [data.f, data.d, data.e].map(parseTime);
  const [first, decided, expires] = times;
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
    (data.u !== undefined && data.u !== 1) ||
    first === undefined ||
    decided === undefined ||
    expires === undefined ||
    first > decided ||
    decided > now.getTime() + CLOCK_SKEW_MS ||
    expires - decided > MAX_LIFETIME_MS
  ) {
    return null;
  }
  // C2: an expired choice, another settings revision or another policy version asks again.
  if (
    expires <= now.getTime() ||
    data.r !== settings.revision ||
    data.p !== policyVersionOf(settings.policy)
  ) {
    return null;
  }

  // Categories the settings no longer have are dropped; new ones start refused; required ones are on.
  const stored = data.c;
  const categories: Record<string, boolean> = {};
  for (const [name, category] of Object.entries(settings.categories)) {
    categories[name] = category.required || stored[name] === true;
  }

  const record: ConsentRecord = {
    id,
    categories,
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
  return { record, pending: data.u === 1 };
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
