import { afterEach, describe, expect, test } from 'vitest';

import { encodeRecord } from '../consent/record-codec';
import { testRecord, testSettings } from '../consent/test-fixtures';
import type { Gate } from '../gate/gate';
import { cataloguePolicy, createRules } from '../gate/rules';
import { startConsent } from './start';

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();
const record = testRecord({ firstDecidedAt: at(-20), decidedAt: at(-1), expiresAt: at(364) });

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
  document.cookie = 'other=; max-age=0; path=/';
});

describe('the start reads the stored choice', () => {
  test('and opens what it grants, before anything else asks', () => {
    document.cookie = `other=1; path=/`;
    document.cookie = `${cookieText(encodeRecord(record))}; path=/`;
    const { gate, rules, grants } = fakeGate();
    const started = startConsent(testSettings(), { win: window, gate });
    expect(started.snapshot.record).toEqual(record);
    expect(started.snapshot.granted).toMatchObject({ analytics: true, marketing: false });
    expect(grants).toEqual([['necessary', 'analytics']]);
    expect(rules.isAllowed('analytics')).toBe(true);
    expect(rules.isAllowed('marketing')).toBe(false);
  });

  test('a corrupt cookie is no choice: the gate stays closed (C5)', () => {
    document.cookie = `consentry=${encodeURIComponent('{"v":1,"i":"x"')}; path=/`;
    const { gate, rules } = fakeGate();
    const started = startConsent(testSettings(), { win: window, gate });
    expect(started.snapshot.needsDecision).toBe(true);
    expect(started.snapshot.record).toBeNull();
    expect(rules.isAllowed('analytics')).toBe(false);
  });
});
