import type { ConsentMethod } from '../config/types';

/**
 * What a visitor chose, as stored in the consent cookie and sent to the consent log.
 * C3: no IP address and no fingerprint — only what proves the choice.
 */
export interface ConsentRecord {
  /** Random UUID v4, kept across updates of the same visitor's choice. */
  readonly id: string;
  /** Every category of the settings, `true` when granted. */
  readonly categories: Readonly<Record<string, boolean>>;
  /** Per-service choices that differ from their category (rarely used). */
  readonly services: Readonly<Record<string, boolean>>;
  readonly method: ConsentMethod;
  /** Settings revision the choice was made under. */
  readonly revision: string;
  /** Privacy policy version (and consent document version, joined by `+`), when the settings give them. */
  readonly policyVersion: string | undefined;
  /** ISO 8601 time of the first decision. */
  readonly firstDecidedAt: string;
  /** ISO 8601 time of this decision. */
  readonly decidedAt: string;
  /** ISO 8601 time after which the visitor is asked again. */
  readonly expiresAt: string;
  /** Consentry version that made the record. */
  readonly sdkVersion: string;
  readonly language: string;
  /** Region code the rules were chosen for (from `data-region` or the time zone), if any. */
  readonly region: string | undefined;
}

/** What changed, for `change` listeners. */
export interface ConsentChange {
  readonly record: ConsentRecord | null;
  readonly previous: ConsentRecord | null;
  /** `local`: a call in this page; `sync`: another tab or a bfcache restore; `reset`: the choice was forgotten. */
  readonly source: 'local' | 'sync' | 'reset';
}

/** The immutable state that `getSnapshot()` returns; a new object only when something changed. */
export interface ConsentSnapshot {
  readonly record: ConsentRecord | null;
  /** Category → granted now (required categories are always `true`). */
  readonly granted: Readonly<Record<string, boolean>>;
  /** No valid choice is stored: the banner must be shown. */
  readonly needsDecision: boolean;
  /** `navigator.globalPrivacyControl` was on and was honoured. */
  readonly gpc: boolean;
}

/** Typed event map for `on(event, fn)`, mirrored as `consentry:<event>` CustomEvents on `window`. */
export interface ConsentryEvents {
  /** Settings are resolved and any stored choice is applied. */
  ready: ConsentSnapshot;
  /** The choice changed (decision, other tab, reset). */
  change: ConsentChange;
  /** The banner or the dialog was shown. */
  show: { readonly view: 'banner' | 'preferences' };
  /** The banner or the dialog was closed. */
  hide: { readonly view: 'banner' | 'preferences' };
}

/**
 * The outside world as the consent core sees it, so it can be tested without a browser
 * and without real time.
 */
export interface ConsentEnvironment {
  /** Read the raw consent cookie value, or undefined. */
  readCookie(name: string): string | undefined;
  /** Write (or, with `expires` in the past, delete) the consent cookie. Must not throw. */
  writeCookie(name: string, value: string, options: CookieWriteOptions): void;
  removeCookie(name: string, options: Omit<CookieWriteOptions, 'expires'>): void;
  now(): Date;
  randomId(): string;
}

export interface CookieWriteOptions {
  expires: Date;
  domain?: string;
  path: string;
  sameSite: 'Lax' | 'Strict' | 'None';
  secure: boolean;
}
