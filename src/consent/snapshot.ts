import type { ConsentMethod, ResolvedSettings } from '../config/types';
import type { ConsentRecord, ConsentSnapshot } from './types';

/**
 * C7: Global Privacy Control is an opt-out of sale/sharing and targeted advertising. Categories
 * whose id names marketing or ads are refused by default, by "Reject all" and by "Accept all"
 * (recorded with method `gpc`); only an explicit per-category choice (`accept([...])`, method
 * `custom`) can grant them.
 */
export function isAdvertising(category: string): boolean {
  return /marketing|ads|advertising/i.test(category);
}

/** What a snapshot is judged against: the settings, the categories offered (region rules) and GPC. */
export interface SnapshotContext {
  readonly settings: Pick<ResolvedSettings, 'categories'>;
  /** Categories offered to this visitor; the others stay refused. */
  readonly offered: ReadonlySet<string>;
  readonly gpc: boolean;
}

export const isRequired = (settings: SnapshotContext['settings'], id: string): boolean =>
  settings.categories[id]?.required === true;

/** Without a stored explicit choice, GPC keeps advertising refused (C7). */
export const gpcRefuses = (
  context: SnapshotContext,
  id: string,
  method: ConsentMethod | undefined,
): boolean => context.gpc && method !== 'custom' && isAdvertising(id) && !isRequired(context.settings, id);

/**
 * The immutable snapshot of a record: required categories are always granted, others only when the
 * record grants them, they are offered, and GPC does not refuse them. One function for the store and
 * for the script tag's synchronous start, so both judge a stored choice alike.
 */
export function snapshotOf(record: ConsentRecord | null, context: SnapshotContext): ConsentSnapshot {
  const granted: Record<string, boolean> = {};
  for (const id of Object.keys(context.settings.categories)) {
    granted[id] =
      isRequired(context.settings, id) ||
      (context.offered.has(id) && record?.categories[id] === true && !gpcRefuses(context, id, record.method));
  }
  return Object.freeze({ record, granted: Object.freeze(granted), needsDecision: !record, gpc: context.gpc });
}
