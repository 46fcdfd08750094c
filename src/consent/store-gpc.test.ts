import { describe, expect, test } from 'vitest';

import { decodeStored, encodeRecord } from './record-codec';
import { setup, testSettings } from './test-fixtures';

describe('Global Privacy Control (C7)', () => {
  test('without a stored choice, grants nothing optional and says the signal was honoured', () => {
    const { store } = setup({ gpc: true });
    expect(store.getSnapshot()).toMatchObject({
      granted: { necessary: true, analytics: false, preferences: false, marketing: false },
      needsDecision: true,
      gpc: true,
    });
  });

  test('accept all grants everything except marketing and records the method gpc', () => {
    const { store } = setup({ gpc: true });
    const record = store.acceptAll();
    expect(record.method).toBe('gpc');
    expect(record.categories).toEqual({
      necessary: true,
      analytics: true,
      preferences: true,
      marketing: false,
    });
  });

  test('also refuses any category whose id names ads or advertising', () => {
    const settings = testSettings({
      categories: {
        necessary: { required: true },
        'google-ads': { required: false },
        advertising: { required: false },
      },
    });
    const { store } = setup({ gpc: true, settings });
    expect(store.acceptAll().categories).toEqual({
      necessary: true,
      'google-ads': false,
      advertising: false,
    });
  });

  test('lets the visitor opt in to marketing explicitly', () => {
    const { store, create } = setup({ gpc: true });
    store.accept(['marketing']);
    expect(store.getSnapshot().granted.marketing).toBe(true);
    expect(create().getSnapshot().granted.marketing).toBe(true);
  });

  test('refuses marketing from an earlier accept-all once the signal is on', () => {
    const { store, create } = setup();
    store.acceptAll();
    expect(create({ gpc: true }).getSnapshot().granted).toMatchObject({ analytics: true, marketing: false });
  });
});

describe('with a consent log', () => {
  test('marks the record unsent in the cookie before anything is sent', () => {
    const { env, store } = setup({ settings: testSettings({ consentLog: { endpoint: '/log' } }) });
    store.acceptAll();
    const stored = decodeStored(env.readCookie('consentry'), { settings: testSettings(), now: env.now() });
    expect(stored?.pending).toBe(true);
    expect(encodeRecord(stored!.record)).toBe(encodeRecord(store.getSnapshot().record!));
  });

  test('keeps earlier unsent records when a new decision replaces the stored one (C4)', () => {
    const { clock, create, store } = setup({ settings: testSettings({ consentLog: { endpoint: '/log' } }) });
    const first = store.acceptAll();
    clock.advanceDays(1);
    const second = store.rejectAll();
    expect(store.unsentRecords()).toEqual([first, second]);
    store.markSent(second);
    expect(store.unsentRecords()).toEqual([first]);
    expect(store.getSnapshot().record).toEqual(second);
    store.markSent(first);
    expect(store.unsentRecords()).toEqual([]);
    expect(create().getSnapshot().record).toEqual(second);
  });
});
