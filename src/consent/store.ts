import type { ConsentMethod, ResolvedSettings } from '../config/types';
import { createEmitter } from './emitter';
import type { Emitter } from './emitter';
import { gpcRefuses, isRequired as requiredIn, snapshotOf as judge, type SnapshotContext } from './snapshot';
import { decodeForLog, decodeRecord, encodeRecord, policyVersionOf } from './record-codec';
import type { StoredRecord } from './record-codec';
import type {
  ConsentChange,
  ConsentEnvironment,
  ConsentRecord,
  ConsentSnapshot,
  ConsentryEvents,
} from './types';

const DAY_MS = 86_400_000;

export interface ConsentStoreOptions {
  readonly settings: ResolvedSettings;
  readonly env: ConsentEnvironment;
  /** Language the visitor saw the banner in; stored in the record (C3). */
  readonly language: string;
  /** Region the rules were chosen for; stored in the record (C3). */
  readonly region?: string;
  /** `navigator.globalPrivacyControl === true` (C7). */
  readonly gpc?: boolean;
  readonly sdkVersion: string;
  /** Categories offered to this visitor (region rules); others stay refused. @default all of `settings.categories` */
  readonly categories?: readonly string[];
  /** Where `change`, `show`, `hide` and `ready` go; the script tag's synchronous file owns it. @default a new one */
  readonly emitter?: Emitter<ConsentryEvents>;
}

/** The consent state of one page. Methods do not use `this`. */
export interface ConsentStore extends Emitter<ConsentryEvents> {
  readonly settings: ResolvedSettings;
  /** Immutable; the same object until the choice changes (for React's `useSyncExternalStore`). */
  getSnapshot(): ConsentSnapshot;
  /** Call `fn` after every change; returns an unsubscribe. */
  subscribe(fn: () => void): () => void;
  /** Record a decision; required categories are always granted. */
  decide(granted: Readonly<Record<string, boolean>>, method: ConsentMethod): ConsentRecord;
  acceptAll(): ConsentRecord;
  rejectAll(): ConsentRecord;
  /** Grant exactly these categories (plus the required ones), refuse the rest. */
  accept(categories: readonly string[]): ConsentRecord;
  /** Forget the choice: delete the cookie and ask again. */
  reset(): void;
  /** Re-read the cookie (another tab, a bfcache restore); emits `change` with source `sync` if it differs. */
  refresh(): void;
  /** C4: the records in the cookie the consent log has not acknowledged, oldest first. */
  unsentRecords(): ConsentRecord[];
  /** The consent log acknowledged `record`: drop it from what the cookie still has to send. */
  markSent(record: ConsentRecord): void;
}

/** C4: `id` and `decidedAt` identify one decision; the consent log's idempotency key. */
function sameDecision(a: ConsentRecord, b: ConsentRecord): boolean {
  return a.id === b.id && a.decidedAt === b.decidedAt;
}

function unsentIn(stored: StoredRecord | null): ConsentRecord[] {
  return stored ? [...stored.earlier, ...(stored.pending ? [stored.record] : [])] : [];
}

export function createConsentStore(options: ConsentStoreOptions): ConsentStore {
  const { settings, env, gpc = false } = options;
  const { cookie } = settings;
  const all = Object.keys(settings.categories);
  const offered = new Set(options.categories ?? all);
  const emitter = options.emitter ?? createEmitter<ConsentryEvents>();
  const context: SnapshotContext = { settings, offered, gpc };
  const isRequired = (id: string): boolean => requiredIn(settings, id);

  function readStored(): ConsentRecord | null {
    try {
      return decodeRecord(env.readCookie(cookie.name), { settings, now: env.now() });
    } catch {
      return null; // C5: a broken environment means no consent, never an exception.
    }
  }

  /** The cookie as the consent log sees it: records as decided, even under older settings (C4). */
  function readForLog(): StoredRecord | null {
    try {
      return decodeForLog(env.readCookie(cookie.name), env.now());
    } catch {
      return null;
    }
  }

  const snapshotOf = (record: ConsentRecord | null): ConsentSnapshot => judge(record, context);

  function write(record: ConsentRecord, pending: boolean, earlier: readonly ConsentRecord[] = []): void {
    try {
      env.writeCookie(cookie.name, encodeRecord(record, pending, earlier), {
        expires: new Date(record.expiresAt),
        domain: cookie.domain,
        path: cookie.path,
        sameSite: cookie.sameSite,
        secure: secure(),
      });
    } catch {
      // The snapshot still holds the choice for this page.
    }
  }

  function secure(): boolean {
    return cookie.secure ?? (typeof location !== 'undefined' && location.protocol === 'https:');
  }

  let snapshot = snapshotOf(readStored());

  function commit(record: ConsentRecord | null, source: ConsentChange['source']): void {
    const previous = snapshot.record;
    snapshot = snapshotOf(record);
    emitter.emit('change', { record, previous, source });
  }

  function decide(granted: Readonly<Record<string, boolean>>, method: ConsentMethod): ConsentRecord {
    if (gpc && method === 'accept-all') method = 'gpc';
    const categories: Record<string, boolean> = {};
    for (const id of all) {
      categories[id] =
        isRequired(id) || (offered.has(id) && granted[id] === true && !gpcRefuses(context, id, method));
    }
    const now = env.now();
    const previous = snapshot.record;
    // C2: a consent is kept `consentDays`; a refusal only `refusalDays`, then asked again.
    const grantsOptional = all.some((id) => categories[id] && !isRequired(id));
    const days = grantsOptional ? cookie.consentDays : cookie.refusalDays;
    const record: ConsentRecord = {
      id: previous?.id ?? env.randomId(),
      categories,
      services: {},
      method,
      revision: settings.revision,
      policyVersion: policyVersionOf(settings.policy),
      firstDecidedAt: previous?.firstDecidedAt ?? now.toISOString(),
      decidedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
      sdkVersion: options.sdkVersion,
      language: options.language,
      region: options.region,
    };
    // C4: marked unsent before the consent log tries, so a lost send is retried on a later load;
    // records still unsent from before stay in the cookie instead of being overwritten.
    if (settings.consentLog) write(record, true, unsentIn(readForLog()));
    else write(record, false);
    commit(record, 'local');
    return record;
  }

  const grantAll = (): Record<string, boolean> => Object.fromEntries(all.map((id) => [id, true]));

  return {
    settings,
    on: emitter.on,
    emit: emitter.emit,
    getSnapshot: () => snapshot,
    subscribe: (fn) => emitter.on('change', () => fn()),
    decide,
    acceptAll: () => decide(grantAll(), 'accept-all'),
    rejectAll: () => decide({}, 'reject-all'),
    accept: (ids) => decide(Object.fromEntries(ids.map((id) => [id, true])), 'custom'),
    reset() {
      try {
        env.removeCookie(cookie.name, {
          domain: cookie.domain,
          path: cookie.path,
          sameSite: cookie.sameSite,
          secure: secure(),
        });
      } catch {
        // Nothing to undo: the snapshot forgets the choice anyway.
      }
      commit(null, 'reset');
    },
    refresh() {
      const record = readStored();
      const current = snapshot.record;
      if ((record && encodeRecord(record)) !== (current && encodeRecord(current))) commit(record, 'sync');
    },
    unsentRecords: () => unsentIn(readForLog()),
    markSent(record) {
      const stored = readForLog();
      const unsent = (other: ConsentRecord) => !sameDecision(other, record);
      if (stored)
        write(stored.record, stored.pending && unsent(stored.record), stored.earlier.filter(unsent));
    },
  };
}
