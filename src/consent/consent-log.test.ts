import { describe, expect, test, vi } from 'vitest';

import { createMemoryEnvironment } from './browser-environment';
import { connectConsentLog, sendToEndpoint } from './consent-log';
import type { ConsentLogSend } from './consent-log';
import { decodeStored } from './record-codec';
import { createConsentStore } from './store';
import { testClock, testSettings } from './test-fixtures';
import type { ConsentRecord } from './types';

const keyOf = (record: ConsentRecord) => `${record.id}@${record.decidedAt}`;

const settings = testSettings({ consentLog: { endpoint: 'https://log.example.test/consent' } });

function setup() {
  const clock = testClock();
  const env = createMemoryEnvironment(clock.now);
  const create = () => createConsentStore({ settings, env, language: 'en', sdkVersion: '0.1.0' });
  const pending = () => decodeStored(env.readCookie('consentry'), { settings, now: clock.now() })?.pending;
  return { env, clock, create, pending };
}

/** A send whose answers the test gives one by one. */
function controlledSend() {
  const answers: ((ok: boolean) => void)[] = [];
  const send = vi.fn<ConsentLogSend>(() => new Promise<boolean>((resolve) => answers.push(resolve)));
  const answer = async (ok: boolean) => {
    answers.shift()?.(ok);
    await new Promise((resolve) => setTimeout(resolve)); // Lets the log post its next record.
  };
  return { send, answer };
}

describe('the consent log (C4)', () => {
  test('sends each decision once, with the page URL and the idempotency key', () => {
    const { create } = setup();
    const store = create();
    const { send } = controlledSend();
    connectConsentLog(store, { send, pageUrl: 'https://shop.example.test/cart' });
    const record = store.acceptAll();
    expect(send).toHaveBeenCalledTimes(1);
    const [endpoint, body] = send.mock.calls[0]!;
    expect(endpoint).toBe('https://log.example.test/consent');
    expect(JSON.parse(body)).toEqual({ ...record, url: 'https://shop.example.test/cart' });
  });

  test('clears the pending mark once the endpoint answers 2xx, so no later load resends', async () => {
    const { create, pending } = setup();
    const { send, answer } = controlledSend();
    const store = create();
    connectConsentLog(store, { send, pageUrl: '' });
    store.acceptAll();
    expect(pending()).toBe(true);
    await answer(true);
    expect(pending()).toBe(false);
    connectConsentLog(create(), { send, pageUrl: '' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('keeps the record pending after a failure and sends it on the next load', async () => {
    const { create, pending } = setup();
    const { send, answer } = controlledSend();
    const store = create();
    connectConsentLog(store, { send, pageUrl: '' });
    const record = store.rejectAll();
    await answer(false);
    expect(pending()).toBe(true);

    connectConsentLog(create(), { send, pageUrl: '' });
    expect(send).toHaveBeenCalledTimes(2);
    expect(JSON.parse(send.mock.calls[1]![1])).toMatchObject({ id: record.id, decidedAt: record.decidedAt });
    await answer(true);
    expect(pending()).toBe(false);
  });

  test('a failed send followed by another decision: both arrive on the next load, in order, once each', async () => {
    const { create, clock } = setup();
    const { send, answer } = controlledSend();
    const store = create();
    connectConsentLog(store, { send, pageUrl: '' });
    const first = store.acceptAll();
    await answer(false);
    clock.advanceMinutes(1);
    const second = store.rejectAll();
    await answer(false);

    const next = controlledSend();
    connectConsentLog(create(), { send: next.send, pageUrl: '' });
    await next.answer(true);
    await next.answer(true);
    const keys = next.send.mock.calls.map(([, body]) => keyOf(JSON.parse(body) as ConsentRecord));
    expect(keys).toEqual([keyOf(first), keyOf(second)]);
    expect(JSON.parse(next.send.mock.calls[0]![1])).toEqual({ ...first, url: '' });
    expect(JSON.parse(next.send.mock.calls[1]![1])).toEqual({ ...second, url: '' });

    const third = controlledSend();
    connectConsentLog(create(), { send: third.send, pageUrl: '' });
    expect(third.send).not.toHaveBeenCalled();
  });

  test('sends a later decision only after the earlier send is over, and loses neither', async () => {
    const { create, clock } = setup();
    const { send, answer } = controlledSend();
    const store = create();
    connectConsentLog(store, { send, pageUrl: '' });
    const first = store.acceptAll();
    clock.advanceMinutes(1);
    const second = store.rejectAll();
    expect(send).toHaveBeenCalledTimes(1);
    await answer(false);
    expect(send).toHaveBeenCalledTimes(2);
    await answer(true);
    expect(store.unsentRecords()).toEqual([first]);
    expect(JSON.parse(send.mock.calls[1]![1])).toMatchObject({ decidedAt: second.decidedAt });

    const next = controlledSend();
    connectConsentLog(create(), { send: next.send, pageUrl: '' });
    await next.answer(true);
    expect(next.send.mock.calls.map(([, body]) => keyOf(JSON.parse(body) as ConsentRecord))).toEqual([
      keyOf(first),
    ]);
  });

  test('ignores a corrupt list of earlier records and still sends the stored one', () => {
    const { env, create } = setup();
    const record = create().acceptAll();
    const raw = JSON.parse(env.readCookie('consentry')!) as Record<string, unknown>;
    env.writeCookie('consentry', JSON.stringify({ ...raw, q: [{ i: 'forged' }] }), {
      expires: new Date(record.expiresAt),
      path: '/',
      sameSite: 'Lax',
      secure: false,
    });
    const store = create();
    expect(store.getSnapshot().record).toEqual(record);
    const { send } = controlledSend();
    expect(() => connectConsentLog(store, { send, pageUrl: '' })).not.toThrow();
    expect(send.mock.calls.map(([, body]) => keyOf(JSON.parse(body) as ConsentRecord))).toEqual([
      keyOf(record),
    ]);
  });

  test('keeps only the three most recent earlier records when the endpoint stays down', async () => {
    const { create, clock } = setup();
    const store = create();
    connectConsentLog(store, { send: async () => false, pageUrl: '' });
    const decisions: ConsentRecord[] = [];
    for (let index = 0; index < 5; index += 1) {
      clock.advanceMinutes(1);
      decisions.push(index % 2 ? store.rejectAll() : store.acceptAll());
      await Promise.resolve();
    }
    const { send } = controlledSend();
    connectConsentLog(create(), { send, pageUrl: '' });
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(store.unsentRecords().map(keyOf)).toEqual(decisions.slice(1).map(keyOf));
  });

  test('a record made under older settings is still delivered after the settings change', async () => {
    const { env, create } = setup();
    const { send, answer } = controlledSend();
    const store = create();
    connectConsentLog(store, { send, pageUrl: '' });
    const record = store.acceptAll();
    await answer(false);

    const revised = testSettings({ consentLog: settings.consentLog, revision: '2' });
    const next = controlledSend();
    const later = createConsentStore({ settings: revised, env, language: 'en', sdkVersion: '0.1.0' });
    expect(later.getSnapshot().needsDecision).toBe(true);
    connectConsentLog(later, { send: next.send, pageUrl: '' });
    expect(JSON.parse(next.send.mock.calls[0]![1])).toMatchObject({ id: record.id, revision: '1' });
    await next.answer(true);
    expect(later.unsentRecords()).toEqual([]);
  });

  test('keeps the record pending when the network call rejects or throws', async () => {
    const { create, pending } = setup();
    const rejecting = create();
    connectConsentLog(rejecting, { send: () => Promise.reject(new TypeError('offline')), pageUrl: '' });
    rejecting.acceptAll();
    await Promise.resolve();
    expect(pending()).toBe(true);
    const throwing = create();
    connectConsentLog(throwing, {
      send: () => {
        throw new Error('no fetch');
      },
      pageUrl: '',
    });
    expect(() => throwing.acceptAll()).not.toThrow();
    expect(pending()).toBe(true);
  });

  test('never sends the same record twice in one load', async () => {
    const { create } = setup();
    const { send, answer } = controlledSend();
    create().acceptAll();
    const store = create();
    connectConsentLog(store, { send, pageUrl: '' });
    expect(send).toHaveBeenCalledTimes(1);
    await answer(false);
    store.refresh();
    store.emit('change', { record: store.getSnapshot().record, previous: null, source: 'local' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('leaves decisions made in other tabs to those tabs', () => {
    const { create } = setup();
    const { send } = controlledSend();
    const store = create();
    connectConsentLog(store, { send, pageUrl: '' });
    const other = create();
    other.acceptAll();
    store.refresh();
    expect(send).not.toHaveBeenCalled();
  });

  test('does nothing without an endpoint', () => {
    const env = createMemoryEnvironment();
    const store = createConsentStore({ settings: testSettings(), env, language: 'en', sdkVersion: '0.1.0' });
    const send = vi.fn<ConsentLogSend>();
    connectConsentLog(store, { send });
    store.acceptAll();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('the default network call', () => {
  test('POSTs a CORS-simple keepalive fetch and trusts its status', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    try {
      await expect(sendToEndpoint('/log', '{}')).resolves.toBe(true);
      expect(fetch).toHaveBeenCalledWith('/log', {
        method: 'POST',
        keepalive: true,
        body: '{}',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });
      fetch.mockImplementation(async () => new Response(null, { status: 500 }));
      await expect(sendToEndpoint('/log', '{}')).resolves.toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('falls back to sendBeacon where fetch is missing', async () => {
    vi.stubGlobal('fetch', undefined);
    const beacon = vi.fn(() => true);
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: beacon });
    try {
      await expect(sendToEndpoint('/log', '{}')).resolves.toBe(true);
      expect(beacon).toHaveBeenCalledWith('/log', '{}');
    } finally {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(navigator, 'sendBeacon');
    }
  });
});
