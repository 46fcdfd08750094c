import { describe, expect, test } from 'vitest';
import { readSettingsLeniently } from './lenient';
import { safeDefaults } from './resolve';

describe('readSettingsLeniently (the script tag’s synchronous read)', () => {
  test('reads well-formed settings as the validator would', () => {
    const settings = readSettingsLeniently({
      preset: 'ru-152fz',
      revision: '7',
      categories: { necessary: { required: true }, analytics: {} },
      cookie: { name: 'cs' },
    });
    expect(Object.keys(settings.categories)).toEqual(['necessary', 'analytics']);
    expect(settings.categories.analytics!.required).toBe(false);
    expect(settings.revision).toBe('7');
    expect(settings.cookie).toMatchObject({ name: 'cs', consentDays: 365, refusalDays: 182 });
  });

  test('opens a category only for required: true, never for a truthy look-alike', () => {
    const settings = readSettingsLeniently({
      categories: {
        necessary: { required: true },
        analytics: { required: 'yes' },
        marketing: { required: 1 },
      },
    });
    expect(settings.categories.analytics!.required).toBe(false);
    expect(settings.categories.marketing!.required).toBe(false);
  });

  test('a section of the wrong type falls back, keeping the rest', () => {
    const settings = readSettingsLeniently({ ui: [], cookie: { name: 'kept' } });
    expect(settings.ui).toEqual(safeDefaults().ui);
    expect(settings.cookie.name).toBe('kept');
  });

  test('categories with an entry that is not an object fall back to the preset', () => {
    const settings = readSettingsLeniently({
      categories: { necessary: { required: true }, analytics: true },
    });
    expect(settings.categories).toEqual(safeDefaults().categories);
  });

  test('input that is not settings, or that throws when read, gives the safe defaults', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    for (const input of [null, 'gdpr', 42, [], hostile]) {
      expect(readSettingsLeniently(input)).toEqual(safeDefaults());
    }
  });

  test('an unknown preset is the default one', () => {
    expect(readSettingsLeniently({ preset: 'eu' }).preset).toBe('gdpr');
  });
});
