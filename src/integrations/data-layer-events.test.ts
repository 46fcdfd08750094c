import { expect, test } from 'vitest';

import { pushConsentEvent, type ConsentEventName } from './data-layer-events';

test('pushes consentry_default and consentry_update with category booleans', () => {
  const win: { dataLayer?: unknown[] } = {};
  pushConsentEvent(win, 'consentry_default', { necessary: true, analytics: false });
  pushConsentEvent(win, 'consentry_update', { necessary: true, analytics: true, marketing: false });
  expect(win.dataLayer).toEqual([
    { event: 'consentry_default', consentry: { necessary: true, analytics: false } },
    { event: 'consentry_update', consentry: { necessary: true, analytics: true, marketing: false } },
  ]);
});

test('copies the granted map so later changes do not rewrite history', () => {
  const win: { dataLayer?: unknown[] } = {};
  const granted = { analytics: false };
  pushConsentEvent(win, 'consentry_update', granted);
  granted.analytics = true;
  expect(win.dataLayer).toEqual([{ event: 'consentry_update', consentry: { analytics: false } }]);
});

test('never pushes an event named gtm.*', () => {
  const win: { dataLayer?: unknown[] } = { dataLayer: [] };
  for (const name of ['gtm.init_consent', 'GTM.js', 'gtm.dom']) {
    expect(pushConsentEvent(win, name as ConsentEventName, { analytics: true })).toBe(false);
  }
  expect(win.dataLayer).toEqual([]);
});

test('uses a custom dataLayer name', () => {
  const win: Record<string, unknown> = {};
  pushConsentEvent(win, 'consentry_update', { analytics: true }, 'layer');
  expect(win.layer).toEqual([{ event: 'consentry_update', consentry: { analytics: true } }]);
});
