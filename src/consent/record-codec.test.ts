import { describe, expect, test } from 'vitest';

import { decodeRecord, decodeStored, encodeRecord } from './record-codec';
import { testSettings } from './test-fixtures';
import type { ConsentRecord } from './types';

const settings = testSettings();
const now = new Date('2025-06-01T12:00:00.000Z');
const context = { settings, now };

const record: ConsentRecord = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  categories: { necessary: true, analytics: true, preferences: false, marketing: false },
  services: {},
  method: 'custom',
  revision: '1',
  policyVersion: '3',
  firstDecidedAt: '2025-05-01T12:00:00.000Z',
  decidedAt: '2025-05-20T12:00:00.000Z',
  expiresAt: '2026-05-20T12:00:00.000Z',
  sdkVersion: '0.1.0',
  language: 'en',
  region: 'DE',
};

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
