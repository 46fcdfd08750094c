import { describe, expect, test } from 'vitest';
import { validateSettings } from './validate';

const messages = (input: unknown) => validateSettings(input).problems.map((problem) => problem.message);

describe('rules across fields', () => {
  test('refuses a service category that does not exist, keeping the catalogue default', () => {
    const { settings, problems } = validateSettings({
      services: { 'yandex-metrica': { category: 'stats' } },
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'settings.services["yandex-metrica"].category: "stats" is not a category (expected one of "necessary", "preferences", "analytics", "marketing")',
    ]);
    expect(settings.services?.['yandex-metrica']).toEqual({});
  });

  test('blocks a custom service that has no category', () => {
    const { settings, problems } = validateSettings({ services: { chat: { hosts: ['chat.example'] } } });
    expect(problems.map((problem) => problem.message)).toEqual([
      'settings.services.chat.category: is required for a custom service; it stays blocked until it has one',
    ]);
    expect(settings.services?.chat?.enabled).toBe(false);
  });

  test('lets a catalogue service keep its own category', () => {
    expect(messages({ services: { 'google-analytics': { enabled: false } } })).toEqual([]);
  });

  test('checks service categories against the settings own categories, not the preset', () => {
    expect(
      messages({
        categories: { necessary: { required: true }, stats: {} },
        services: { chat: { category: 'stats' } },
      }),
    ).toEqual([]);
  });

  test('warns when necessary is not required', () => {
    const { problems } = validateSettings({ categories: { necessary: {}, analytics: {} } });
    expect(problems).toEqual([
      {
        level: 'warning',
        path: 'settings.categories.necessary.required',
        message:
          'settings.categories.necessary.required: should be true: strictly necessary cookies cannot be refused, so the switch must be locked on',
      },
    ]);
  });

  test('refuses EU and other non-ISO Consent Mode regions, and drops a rule left without regions', () => {
    const { settings, problems } = validateSettings({
      integrations: {
        googleConsentMode: {
          regions: [
            { region: ['EU'], granted: ['analytics_storage'] },
            { region: ['DE', 'uk', 'US-CA', 'UK'] },
            { region: [] },
          ],
        },
      },
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'settings.integrations.googleConsentMode.regions[0].region[0]: "EU" is not an ISO 3166 country or subdivision code such as "DE" or "US-CA" (list the EU countries instead)',
      'settings.integrations.googleConsentMode.regions[1].region[1]: "uk" is not an ISO 3166 country or subdivision code such as "DE" or "US-CA"',
      'settings.integrations.googleConsentMode.regions[1].region[3]: "UK" is not an ISO 3166 country or subdivision code such as "DE" or "US-CA" (the United Kingdom is "GB")',
      'settings.integrations.googleConsentMode.regions[2].region: is empty (expected at least one region code)',
    ]);
    expect(settings.integrations?.googleConsentMode?.regions).toEqual([{ region: ['DE', 'US-CA'] }]);
  });

  test('refuses a Webvisor category that does not exist', () => {
    const { settings, problems } = validateSettings({
      integrations: { yandexMetrica: { webvisorCategory: 'recording' } },
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'settings.integrations.yandexMetrica.webvisorCategory',
    ]);
    expect(settings.integrations?.yandexMetrica).toEqual({});
  });
});
