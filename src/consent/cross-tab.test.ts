import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { createMemoryEnvironment } from './browser-environment';
import { connectTabs as connect } from './cross-tab';
import { createConsentStore } from './store';
import { testClock, testSettings } from './test-fixtures';

/** An in-process stand-in for BroadcastChannel: delivers to the other channels of the same name. */
class FakeChannel {
  static open: FakeChannel[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown) {
    for (const other of FakeChannel.open) {
      if (other !== this && other.name === this.name)
        other.onmessage?.(new MessageEvent('message', { data }));
    }
  }
  close() {
    FakeChannel.open = FakeChannel.open.filter((channel) => channel !== this);
  }
}

const disconnects: (() => void)[] = [];
const connectTabs: typeof connect = (...args) => {
  const disconnect = connect(...args);
  disconnects.push(disconnect);
  return disconnect;
};

beforeEach(() => {
  vi.stubGlobal('BroadcastChannel', FakeChannel);
});
afterEach(() => {
  for (const disconnect of disconnects.splice(0)) disconnect();
  vi.unstubAllGlobals();
  FakeChannel.open = [];
});

/** happy-dom has no PageTransitionEvent: an Event carrying `persisted` is what the listener reads. */
function pageShow(persisted: boolean): Event {
  return Object.assign(new Event('pageshow'), { persisted });
}

/** Two tabs of one origin: two stores over one cookie jar. */
function twoTabs() {
  const clock = testClock();
  const env = createMemoryEnvironment(clock.now);
  const create = () =>
    createConsentStore({ settings: testSettings(), env, language: 'en', sdkVersion: '0.1.0' });
  return { here: create(), there: create() };
}

describe('tabs of the same site (C6)', () => {
  test('hear a decision made in another tab without a reload', () => {
    const { here, there } = twoTabs();
    connectTabs(here, { name: 'consentry' });
    connectTabs(there, { name: 'consentry' });
    expect(FakeChannel.open.map((channel) => channel.name)).toEqual([
      'consentry:consentry',
      'consentry:consentry',
    ]);
    const change = vi.fn();
    there.on('change', change);
    const record = here.acceptAll();
    expect(there.getSnapshot().record).toEqual(record);
    expect(change).toHaveBeenCalledWith(expect.objectContaining({ source: 'sync' }));
    here.reset();
    expect(there.getSnapshot().needsDecision).toBe(true);
  });

  test('re-read the cookie when shown again or restored from the back/forward cache', () => {
    const { here, there } = twoTabs();
    vi.stubGlobal('BroadcastChannel', undefined);
    connectTabs(there, { name: 'consentry' });
    here.acceptAll();
    window.dispatchEvent(pageShow(false));
    expect(there.getSnapshot().needsDecision).toBe(true);
    window.dispatchEvent(pageShow(true));
    expect(there.getSnapshot().needsDecision).toBe(false);
    here.rejectAll();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(there.getSnapshot().record?.method).toBe('reject-all');
  });

  test('stop listening once disconnected', () => {
    const { here, there } = twoTabs();
    connectTabs(here, { name: 'consentry' });
    const disconnect = connectTabs(there, { name: 'consentry' });
    disconnect();
    expect(FakeChannel.open).toHaveLength(1);
    here.acceptAll();
    window.dispatchEvent(pageShow(true));
    expect(there.getSnapshot().needsDecision).toBe(true);
  });
});
