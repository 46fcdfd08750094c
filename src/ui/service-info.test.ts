import { describe, expect, test } from 'vitest';
import { describeService } from './service-info';
import type { UiService } from './types';

const bare = (id: string): UiService => ({
  id,
  category: 'analytics',
  name: id,
  declarations: [],
  thirdParty: true,
  abroad: false,
});

describe('describeService', () => {
  test('names a catalogue service, its legal entity and what it stores (U4)', () => {
    const metrica = describeService(bare('yandex-metrica'), undefined);
    expect(metrica.name).toBe('Yandex Metrica');
    expect(metrica.provider).toEqual({ en: 'YANDEX LLC (Russia)', ru: 'ООО «ЯНДЕКС»' });
    expect(metrica.declarations.map((d) => d.name)).toContain('_ym_uid');
    expect(describeService(bare('google-analytics'), undefined).abroad).toBe('USA');
  });

  test('what the settings say of a service wins', () => {
    const ga = describeService(
      { ...bare('google-analytics'), provider: 'Google LLC' },
      { abroad: 'США', declarations: [] },
    );
    expect(ga.provider).toBe('Google LLC');
    expect(ga.abroad).toBe('США');
    expect(ga.declarations).toEqual([]);
  });

  test('a custom service is shown as the settings describe it', () => {
    expect(describeService(bare('my-chat'), undefined)).toEqual(bare('my-chat'));
  });
});
