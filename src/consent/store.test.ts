import { describe, expect, test, vi } from 'vitest';

import { setup, testSettings } from './test-fixtures';
import type { ConsentEnvironment } from './types';

describe('a first visit', () => {
  test('needs a decision and grants only the required categories', () => {
    const { store } = setup();
    expect(store.getSnapshot()).toEqual({
      record: null,
      granted: { necessary: true, analytics: false, preferences: false, marketing: false },
      needsDecision: true,
      gpc: false,
    });
  });
});

describe('deciding', () => {
  test('records every field of C3 and emits a local change', () => {
    const { store, clock } = setup();
    const change = vi.fn();
    store.on('change', change);
    const record = store.accept(['analytics']);
    expect(record).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      categories: { necessary: true, analytics: true, preferences: false, marketing: false },
      services: {},
      method: 'custom',
      revision: '1',
      policyVersion: '3',
      firstDecidedAt: clock.now().toISOString(),
      decidedAt: clock.now().toISOString(),
      expiresAt: '2026-06-01T12:00:00.000Z',
      sdkVersion: '0.1.0',
      language: 'en',
      region: 'DE',
    });
    expect(change).toHaveBeenCalledWith({ record, previous: null, source: 'local' });
    expect(store.getSnapshot()).toMatchObject({ record, needsDecision: false });
  });

  test('persists the choice: a new store on the same cookie jar sees it', () => {
    const { store, create } = setup();
    const record = store.acceptAll();
    expect(create().getSnapshot()).toMatchObject({ record, needsDecision: false });
  });

  test('keeps the consent id and first decision time when the visitor changes their mind', () => {
    const { store, clock } = setup();
    const first = store.acceptAll();
    clock.advanceDays(3);
    const second = store.rejectAll();
    expect(second.id).toBe(first.id);
    expect(second.firstDecidedAt).toBe(first.firstDecidedAt);
    expect(second.decidedAt).not.toBe(first.decidedAt);
    expect(second.method).toBe('reject-all');
  });

  test('always grants required categories, whatever is passed', () => {
    const { store } = setup();
    expect(store.decide({ necessary: false }, 'custom').categories.necessary).toBe(true);
  });

  test('never grants a category that is not offered to this visitor', () => {
    const { store } = setup({ categories: ['necessary', 'analytics'] });
    expect(store.acceptAll().categories).toMatchObject({ analytics: true, marketing: false });
    expect(store.getSnapshot().granted.marketing).toBe(false);
  });

  test('writes the cookie with the configured domain, path, SameSite and the record lifetime', () => {
    const { env, create } = setup();
    const write = vi.spyOn(env, 'writeCookie');
    const settings = testSettings();
    const store = create({
      settings: { ...settings, cookie: { ...settings.cookie, domain: 'example.com' } },
    });
    const record = store.acceptAll();
    expect(write).toHaveBeenCalledWith('consentry', expect.any(String), {
      expires: new Date(record.expiresAt),
      domain: 'example.com',
      path: '/',
      sameSite: 'Lax',
      secure: false,
    });
  });

  test('marks the cookie Secure on https pages when the settings do not say', () => {
    vi.spyOn(window, 'location', 'get').mockReturnValue({ protocol: 'https:' } as Location);
    const { env, store } = setup();
    const write = vi.spyOn(env, 'writeCookie');
    store.acceptAll();
    expect(write.mock.calls[0]?.[2].secure).toBe(true);
  });
});

describe('expiry (C2)', () => {
  test('asks again when a refusal is older than refusalDays', () => {
    const { store, clock, create } = setup();
    store.rejectAll();
    clock.advanceDays(181);
    expect(create().getSnapshot().needsDecision).toBe(false);
    clock.advanceDays(1);
    expect(create().getSnapshot().needsDecision).toBe(true);
  });

  test('asks again when a consent is older than consentDays', () => {
    const { store, clock, create } = setup();
    store.accept(['analytics']);
    clock.advanceDays(364);
    expect(create().getSnapshot().needsDecision).toBe(false);
    clock.advanceDays(1);
    expect(create().getSnapshot().needsDecision).toBe(true);
  });

  test('asks again when the settings revision changes', () => {
    const { store, create } = setup();
    store.acceptAll();
    expect(create({ settings: testSettings({ revision: '2' }) }).getSnapshot().needsDecision).toBe(true);
  });
});

describe('the snapshot', () => {
  test('is the same object until the choice changes', () => {
    const { store } = setup();
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);
    store.refresh();
    expect(store.getSnapshot()).toBe(before);
    store.acceptAll();
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(store.getSnapshot()).toBe(after);
    expect(Object.isFrozen(after)).toBe(true);
  });

  test('notifies subscribers until they unsubscribe', () => {
    const { store } = setup();
    const fn = vi.fn();
    const off = store.subscribe(fn);
    store.acceptAll();
    off();
    store.rejectAll();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('reset and refresh', () => {
  test('reset deletes the cookie on its domain and path and asks again', () => {
    const { env, store, create } = setup();
    const remove = vi.spyOn(env, 'removeCookie');
    const change = vi.fn();
    const record = store.acceptAll();
    store.on('change', change);
    store.reset();
    expect(remove).toHaveBeenCalledWith('consentry', expect.objectContaining({ path: '/' }));
    expect(store.getSnapshot().needsDecision).toBe(true);
    expect(change).toHaveBeenCalledWith({ record: null, previous: record, source: 'reset' });
    expect(create().getSnapshot().needsDecision).toBe(true);
  });

  test('refresh picks up a choice another tab wrote, as a sync change', () => {
    const { store, create } = setup();
    const change = vi.fn();
    store.on('change', change);
    const record = create().acceptAll();
    store.refresh();
    expect(store.getSnapshot().record).toEqual(record);
    expect(change).toHaveBeenCalledWith({ record, previous: null, source: 'sync' });
    store.refresh();
    expect(change).toHaveBeenCalledTimes(1);
  });
});

describe('a storage that throws', () => {
  test('never throws to the site and keeps the choice for the page', () => {
    const fail = () => {
      throw new Error('cookies are disabled');
    };
    const { clock } = setup();
    const env: ConsentEnvironment = {
      readCookie: fail,
      writeCookie: fail,
      removeCookie: fail,
      now: clock.now,
      randomId: () => '3b241101-e2bb-4255-8caf-4136c566a962',
    };
    const { store } = setup({ env });
    expect(store.getSnapshot().needsDecision).toBe(true);
    expect(() => store.acceptAll()).not.toThrow();
    expect(store.getSnapshot().granted.analytics).toBe(true);
    expect(() => store.refresh()).not.toThrow();
    expect(() => store.reset()).not.toThrow();
  });
});
