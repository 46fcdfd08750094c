import { describe, expect, test } from 'vitest';
import { readSettingsLeniently } from '../config/lenient';
import { safeDefaults } from '../config/resolve';
import { policyFromSettings } from './policy';

describe('the gate policy of leniently read settings (the script tag’s start)', () => {
  test('sections of the wrong type move, open and add nothing', () => {
    const closed = policyFromSettings(safeDefaults());
    for (const input of [
      { services: 'google-analytics' },
      { services: ['necessary'] },
      { categories: 'necessary' },
      { categories: { necessary: { required: true }, analytics: 'required' } },
      { regions: 'RU', integrations: 7, policy: [] },
    ]) {
      expect(policyFromSettings(readSettingsLeniently(input)), JSON.stringify(input)).toEqual(closed);
    }
  });
});
