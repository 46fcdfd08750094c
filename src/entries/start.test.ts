import { afterEach, describe, expect, test } from 'vitest';

import { encodeRecord } from '../consent/record-codec';
import { testSettings } from '../consent/test-fixtures';
import type { ConsentRecord } from '../consent/types';
import type { Gate } from '../gate/gate';
import { cataloguePolicy, createRules } from '../gate/rules';
import { startConsent } from './start';

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();
const record: ConsentRecord = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  categories: { necessary: true, analytics: true, preferences: false, marketing: false },
  services: {},
  method: 'custom',
  revision: '1',
  policyVersion: '3',
  firstDecidedAt: at(-20),
  decidedAt: at(-1),
  expiresAt: at(364),
  sdkVersion: '0.1.0',
  language: 'en',
  region: 'DE',
};

/** The parts of the gate the start uses, over real rules: what it granted is what the rules say. */
function fakeGate() {
  const rules = createRules(cataloguePolicy());
  const grants: string[][] = [];
  const gate = {
    rules,
    configure: (policy: Parameters<typeof rules.configure>[0]) => rules.configure(policy),
    grant: (ids: string[]) => {
      grants.push(ids);
      return Promise.resolve();
    },
  } as unknown as Gate;
  return { gate, rules, grants };
}

const cookieText = (value: string) => `consentry=${encodeURIComponent(value)}`;

afterEach(() => {
  document.cookie = 'consentry=; max-age=0; path=/';
});

describe('the start reads the stored choice', () => {
  test('from the cookies read before the gate, when given, not from document.cookie again', () => {
    const { gate, rules, grants } = fakeGate();
    const started = startConsent(testSettings(), {
      win: window,
      gate,
      cookies: `other=1; ${cookieText(encodeRecord(record))}`,
    });
    expect(document.cookie).not.toContain('consentry=');
    expect(started.snapshot.record).toEqual(record);
    expect(started.snapshot.granted).toMatchObject({ analytics: true, marketing: false });
    expect(grants).toEqual([['necessary', 'analytics']]);
    expect(rules.isAllowed('analytics')).toBe(true);
  });

  test('from document.cookie when no early read is given (settings that came later)', () => {
    document.cookie = `${cookieText(encodeRecord(record))}; path=/`;
    const { gate } = fakeGate();
    expect(startConsent(testSettings(), { win: window, gate }).snapshot.record).toEqual(record);
  });

  test('an early read without the consent cookie is no choice, whatever document.cookie holds now', () => {
    document.cookie = `${cookieText(encodeRecord(record))}; path=/`;
    const { gate, rules } = fakeGate();
    const started = startConsent(testSettings(), { win: window, gate, cookies: 'other=1' });
    expect(started.snapshot.needsDecision).toBe(true);
    expect(started.snapshot.record).toBeNull();
    expect(rules.isAllowed('analytics')).toBe(false);
  });
});
