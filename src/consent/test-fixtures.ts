import type { ResolvedSettings } from '../config/types';
import type { ConsentRecord } from './types';
import { createMemoryEnvironment } from './browser-environment';
import { createConsentStore } from './store';
import type { ConsentStoreOptions } from './store';

/** Test-only: a small resolved-settings fixture, since `resolveSettings` is built elsewhere. */
export function testSettings(overrides: Partial<ResolvedSettings> = {}): ResolvedSettings {
  return {
    preset: 'gdpr',
    revision: '1',
    language: 'en',
    categories: {
      necessary: { required: true },
      analytics: { required: false },
      preferences: { required: false },
      marketing: { required: false },
    },
    services: {},
    texts: {},
    ui: { layout: 'bar-bottom', theme: 'auto', closeButton: false, reopenButton: false },
    cookie: { name: 'consentry', path: '/', sameSite: 'Lax', consentDays: 365, refusalDays: 182 },
    integrations: {},
    regions: {},
    consentLog: undefined,
    policy: { privacyUrl: '/privacy', privacyVersion: '3' },
    reloadOnWithdraw: true,
    debug: false,
    ...overrides,
  };
}

/** Test-only: a record decided under `testSettings()` (analytics granted), with fields replaced. */
export function testRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
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
    ...overrides,
  };
}

/** Test-only: a clock the test moves by hand. */
export function testClock(start = '2025-06-01T12:00:00.000Z') {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advanceDays: (days: number) => {
      time += days * 86_400_000;
    },
    advanceMinutes: (minutes: number) => {
      time += minutes * 60_000;
    },
  };
}

/** Test-only: a store over an in-memory cookie jar; `create` makes another page load on the same jar. */
export function setup(overrides: Partial<ConsentStoreOptions> = {}) {
  const clock = testClock();
  const env = createMemoryEnvironment(clock.now);
  const options: ConsentStoreOptions = {
    settings: testSettings(),
    env,
    language: 'en',
    region: 'DE',
    sdkVersion: '0.1.0',
    ...overrides,
  };
  const create = (more: Partial<ConsentStoreOptions> = {}) => createConsentStore({ ...options, ...more });
  return { clock, env, create, store: create() };
}
