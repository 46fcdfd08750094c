import { describe, expect, test } from 'vitest';

import { gtagCommand } from './data-layer';
import {
  pushConsentDefault,
  pushConsentUpdate,
  settleConsentDefault,
  signalsFor,
} from './google-consent-mode';

type Win = { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void; [key: string]: unknown };

const isArguments = (value: unknown) => Object.prototype.toString.call(value) === '[object Arguments]';
const asArrays = (layer: unknown[] = []) =>
  layer.map((entry) => (isArguments(entry) ? [...(entry as IArguments)] : entry));

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

describe('pushConsentDefault', () => {
  test('pushes the default with six signals denied, security granted and wait_for_update 500', () => {
    const win: Win = {};
    expect(pushConsentDefault(win)).toBe(true);
    expect(asArrays(win.dataLayer)).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['set', 'ads_data_redaction', true],
    ]);
  });

  test('pushes Arguments objects, not arrays, because gtag.js ignores arrays', () => {
    const win: Win = {};
    pushConsentDefault(win);
    expect(win.dataLayer?.every(isArguments)).toBe(true);
    expect(win.dataLayer?.some(Array.isArray)).toBe(false);
  });

  test('defines gtag like Google snippet, pushing its Arguments object', () => {
    const win: Win = {};
    pushConsentDefault(win);
    win.gtag?.('event', 'page_view');
    const last = win.dataLayer?.at(-1);
    expect(isArguments(last)).toBe(true);
    expect([...(last as IArguments)]).toEqual(['event', 'page_view']);
  });

  test('keeps a gtag the page already defined', () => {
    const gtag = () => undefined;
    const win: Win = { gtag };
    pushConsentDefault(win);
    expect(win.gtag).toBe(gtag);
  });

  test('makes the default the first entry even when the page filled the dataLayer already', () => {
    const js = gtagCommand('js', new Date(0));
    const config = gtagCommand('config', 'G-TEST');
    const win: Win = { dataLayer: [js, config] };
    pushConsentDefault(win);
    const entries = asArrays(win.dataLayer);
    expect(entries[0]).toEqual(['consent', 'default', { ...DENIED, wait_for_update: 500 }]);
    expect(win.dataLayer?.slice(-2)).toEqual([js, config]);
  });

  test('does nothing the second time', () => {
    const win: Win = {};
    pushConsentDefault(win);
    expect(pushConsentDefault(win)).toBe(false);
    expect(win.dataLayer).toHaveLength(2);
  });

  test('takes a configured wait_for_update and a custom dataLayer name', () => {
    const win: Win = {};
    pushConsentDefault(win, { waitForUpdate: 2000 }, 'consentLayer');
    expect(asArrays(win.consentLayer as unknown[])[0]).toEqual([
      'consent',
      'default',
      { ...DENIED, wait_for_update: 2000 },
    ]);
    expect(win.dataLayer).toBeUndefined();
  });

  test('adds url_passthrough only when set and drops ads_data_redaction when turned off', () => {
    const win: Win = {};
    pushConsentDefault(win, { adsDataRedaction: false, urlPassthrough: true });
    expect(asArrays(win.dataLayer).slice(1)).toEqual([['set', 'url_passthrough', true]]);
  });

  test('adds region-scoped defaults after the global one and skips invalid region codes', () => {
    const win: Win = {};
    pushConsentDefault(win, {
      adsDataRedaction: false,
      regions: [{ region: ['US-CA', 'EU', 'de'], granted: ['analytics_storage'] }, { region: ['EEA'] }],
    });
    expect(asArrays(win.dataLayer)).toEqual([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      [
        'consent',
        'default',
        { ...DENIED, analytics_storage: 'granted', region: ['US-CA'], wait_for_update: 500 },
      ],
    ]);
  });

  test('pushes nothing when Consent Mode is disabled', () => {
    const win: Win = {};
    expect(pushConsentDefault(win, { enabled: false })).toBe(false);
    expect(win.dataLayer).toBeUndefined();
  });
});

describe('signalsFor', () => {
  test('maps analytics, marketing and preferences to their signals', () => {
    expect(signalsFor({ analytics: true, marketing: true, preferences: true })).toEqual({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'granted',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
      security_storage: 'granted',
    });
  });

  test('treats a functional category like preferences', () => {
    expect(signalsFor({ functional: true })).toEqual({
      ...DENIED,
      functionality_storage: 'granted',
      personalization_storage: 'granted',
    });
  });

  test('uses a mapping override instead of the default', () => {
    expect(
      signalsFor(
        { statistics: true, analytics: true },
        { statistics: ['analytics_storage', 'ad_user_data'] },
      ),
    ).toEqual({
      ...DENIED,
      analytics_storage: 'granted',
      ad_user_data: 'granted',
    });
  });
});

describe('pushConsentUpdate', () => {
  const updates = (win: Win) =>
    asArrays(win.dataLayer).filter((entry) => Array.isArray(entry) && entry[1] === 'update');

  test('accept all grants all seven signals in exactly one update', () => {
    const win: Win = {};
    pushConsentUpdate(win, { necessary: true, analytics: true, marketing: true, preferences: true });
    expect(updates(win)).toEqual([
      [
        'consent',
        'update',
        {
          ad_storage: 'granted',
          ad_user_data: 'granted',
          ad_personalization: 'granted',
          analytics_storage: 'granted',
          functionality_storage: 'granted',
          personalization_storage: 'granted',
          security_storage: 'granted',
        },
      ],
    ]);
    expect(asArrays(win.dataLayer).at(-1)).toEqual(['set', 'ads_data_redaction', false]);
  });

  test('reject all denies six signals and keeps security_storage granted', () => {
    const win: Win = {};
    pushConsentUpdate(win, { necessary: true, analytics: false, marketing: false, preferences: false });
    expect(updates(win)).toEqual([['consent', 'update', DENIED]]);
    expect(asArrays(win.dataLayer).at(-1)).toEqual(['set', 'ads_data_redaction', true]);
  });

  test('analytics only grants analytics_storage and nothing else', () => {
    const win: Win = {};
    const state = pushConsentUpdate(win, { necessary: true, analytics: true, marketing: false });
    expect(state).toEqual({ ...DENIED, analytics_storage: 'granted' });
    expect(updates(win)).toEqual([['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]]);
  });

  test('follows the mapping from the settings and pushes Arguments objects', () => {
    const win: Win = {};
    pushConsentUpdate(
      win,
      { stats: true },
      { signals: { stats: ['analytics_storage'] }, adsDataRedaction: false },
    );
    expect(win.dataLayer).toHaveLength(1);
    expect(isArguments(win.dataLayer?.[0])).toBe(true);
    expect(updates(win)).toEqual([['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]]);
  });
});

describe('settleConsentDefault', () => {
  test('replaces a provisional default with the one the settings ask for', () => {
    const win: Record<string, unknown> = {};
    pushConsentDefault(win);
    (win.dataLayer as unknown[]).push(gtagCommand('config', 'G-1'));
    settleConsentDefault(win, { waitForUpdate: 2000, adsDataRedaction: false });
    const layer = win.dataLayer as unknown[][];
    expect(Array.from(layer[0]!)).toEqual([
      'consent',
      'default',
      expect.objectContaining({ wait_for_update: 2000 }),
    ]);
    expect(layer.map((entry) => entry[0])).toEqual(['consent', 'config']);
  });

  test('removes the provisional default when the settings turn Consent Mode off or rename the data layer', () => {
    const off: Record<string, unknown> = {};
    pushConsentDefault(off);
    settleConsentDefault(off, { enabled: false });
    expect(off.dataLayer).toEqual([]);

    const renamed: Record<string, unknown> = {};
    pushConsentDefault(renamed);
    settleConsentDefault(renamed, {}, 'myLayer');
    expect(renamed.dataLayer).toEqual([]);
    expect(Array.from((renamed.myLayer as unknown[][])[0]!).slice(0, 2)).toEqual(['consent', 'default']);
  });

  test('leaves a default the page pushed itself', () => {
    const win: Record<string, unknown> = {
      dataLayer: [gtagCommand('consent', 'default', { ad_storage: 'granted' })],
    };
    settleConsentDefault(win, {});
    expect((win.dataLayer as unknown[]).length).toBe(1);
  });
});
