import { describe, expect, test } from 'vitest';

import { MAX_COOKIE_LENGTH, decodeForLog, decodeRecord, decodeStored, encodeRecord } from './record-codec';
import { testRecord, testSettings } from './test-fixtures';
import type { ConsentRecord } from './types';

const settings = testSettings();
const now = new Date('2025-06-01T12:00:00.000Z');
const context = { settings, now };

const record: ConsentRecord = testRecord();

/** The stored JSON with some fields replaced, as a tampering visitor or a broken proxy would. */
function tampered(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(encodeRecord(record)), ...changes });
}

describe('a valid consent cookie', () => {
  test('decodes to the same record it was encoded from', () => {
    expect(decodeRecord(encodeRecord(record), context)).toEqual(record);
  });

  test('stays well under 1 KB for ten categories, even percent-encoded', () => {
    const categories = Object.fromEntries(
      Array.from({ length: 10 }, (_, index) => [`category-${index}`, true]),
    );
    const encoded = encodeURIComponent(encodeRecord({ ...record, categories }));
    expect(encoded.length).toBeLessThan(1024);
  });

  test('carries the consent-log pending mark outside the public record', () => {
    const stored = decodeStored(encodeRecord(record, true), context);
    expect(stored?.pending).toBe(true);
    expect(stored?.record).toEqual(record);
    expect(decodeStored(encodeRecord(record), context)?.pending).toBe(false);
  });

  test('ignores categories the settings no longer have and refuses ones it lacks', () => {
    const raw = tampered({ c: { necessary: false, analytics: true, retired: true } });
    expect(decodeRecord(raw, context)?.categories).toEqual({
      necessary: true,
      analytics: true,
      preferences: false,
      marketing: false,
    });
  });

  test('accepts a decision a few seconds in the future (clock skew)', () => {
    const raw = tampered({ d: '2025-06-01T12:01:00.000Z' });
    expect(decodeRecord(raw, context)).not.toBeNull();
  });
});

describe('a cookie that means no consent (C5), never an exception', () => {
  test('is missing', () => {
    expect(decodeRecord(undefined, context)).toBeNull();
  });

  test('holds corrupt JSON', () => {
    expect(decodeRecord('{"v":1,"i":', context)).toBeNull();
  });

  test('holds the wrong types', () => {
    expect(decodeRecord('[1,2,3]', context)).toBeNull();
    expect(decodeRecord(tampered({ r: 1 }), context)).toBeNull();
    expect(decodeRecord(tampered({ c: ['analytics'] }), context)).toBeNull();
  });

  test('holds a category flag that is not a boolean', () => {
    expect(decodeRecord(tampered({ c: { analytics: 'yes' } }), context)).toBeNull();
  });

  test('holds an unknown format version', () => {
    expect(decodeRecord(tampered({ v: 2 }), context)).toBeNull();
  });

  test('is oversized', () => {
    expect(decodeRecord(tampered({ x: 'x'.repeat(3100) }), context)).toBeNull();
  });

  test('has expired', () => {
    const raw = tampered({ e: '2025-06-01T11:59:59.000Z' });
    expect(decodeRecord(raw, context)).toBeNull();
  });

  test('was made under another settings revision', () => {
    expect(decodeRecord(encodeRecord(record), { settings: testSettings({ revision: '2' }), now })).toBeNull();
  });

  test('was made under another policy version', () => {
    const newer = testSettings({ policy: { privacyVersion: '4' } });
    expect(decodeRecord(encodeRecord(record), { settings: newer, now })).toBeNull();
  });

  test('holds a bad ISO date', () => {
    expect(decodeRecord(tampered({ d: 'yesterday' }), context)).toBeNull();
    expect(decodeRecord(tampered({ d: '2025-02-30T12:00:00.000Z' }), context)).toBeNull();
  });

  test('claims a decision in the future', () => {
    expect(decodeRecord(tampered({ d: '2025-06-02T12:00:00.000Z' }), context)).toBeNull();
  });

  test('claims a lifetime longer than 13 months', () => {
    expect(decodeRecord(tampered({ e: '2027-05-20T12:00:00.000Z' }), context)).toBeNull();
  });

  test('names an unknown method', () => {
    expect(decodeRecord(tampered({ m: 'x' }), context)).toBeNull();
  });

  test('holds an id that is not a UUID', () => {
    expect(decodeRecord(tampered({ i: 'visitor-42' }), context)).toBeNull();
  });
});

describe('records still waiting for the consent log (C4)', () => {
  /** The same visitor's decision `minutes` before `record`. */
  const earlierBy = (minutes: number): ConsentRecord => ({
    ...record,
    method: 'accept-all',
    categories: { necessary: true, analytics: true, preferences: true, marketing: true },
    decidedAt: new Date(Date.parse(record.decidedAt) - minutes * 60_000).toISOString(),
  });
  const withQueue = (q: unknown) => JSON.stringify({ ...JSON.parse(encodeRecord(record, true)), q });

  test('ride along in the cookie, oldest first, exactly as they were decided', () => {
    const earlier = [earlierBy(2), earlierBy(1)];
    const stored = decodeStored(encodeRecord(record, true, earlier), context);
    expect(stored).toEqual({ record, pending: true, earlier });
  });

  test('are none in a cookie written before the list existed', () => {
    expect(decodeStored(encodeRecord(record, true), context)?.earlier).toEqual([]);
  });

  test('keep only the three most recent, dropping the oldest', () => {
    const earlier = [5, 4, 3, 2, 1].map(earlierBy);
    expect(decodeStored(encodeRecord(record, false, earlier), context)?.earlier).toEqual(earlier.slice(2));
  });

  test('drop the oldest first when the cookie would outgrow its limit', () => {
    const categories = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [`a-rather-long-category-name-${index}`, true]),
    );
    const big = (minutes: number) => ({ ...earlierBy(minutes), categories });
    const raw = encodeRecord({ ...record, categories }, true, [big(3), big(2), big(1)]);
    expect(encodeURIComponent(raw).length).toBeLessThanOrEqual(MAX_COOKIE_LENGTH);
    const earlier = decodeForLog(raw, now)?.earlier ?? [];
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.length).toBeLessThan(3);
    expect(earlier.at(-1)).toEqual(big(1));
  });

  test('are ignored when the list is corrupt, and the record is still believed', () => {
    const corrupt = {
      'not a list': { i: record.id },
      'an entry that is not an object': [JSON.parse(encodeRecord(earlierBy(1))), 'x'],
      'an entry that is not a record': [{ ...JSON.parse(encodeRecord(earlierBy(1))), m: 'x' }],
      'more entries than the cap': [4, 3, 2, 1].map((minutes) =>
        JSON.parse(encodeRecord(earlierBy(minutes))),
      ),
    };
    for (const [name, q] of Object.entries(corrupt)) {
      const stored = decodeStored(withQueue(q), context);
      expect(stored, name).toEqual({ record, pending: true, earlier: [] });
    }
  });

  test('are still read for the log after the settings moved on, though they prove no consent', () => {
    const newer = { settings: testSettings({ revision: '2' }), now };
    const raw = encodeRecord(record, true, [earlierBy(1)]);
    expect(decodeStored(raw, newer)).toBeNull();
    expect(decodeForLog(raw, now)).toEqual({ record, pending: true, earlier: [earlierBy(1)] });
  });
});
