import { describe, expect, test, vi } from 'vitest';
import schema from '../../schema/consentry.schema.json';
import { DEFAULTS } from './defaults';
import { reportProblems } from './report';
import { resolveSettings, safeDefaults } from './resolve';

describe('resolveSettings', () => {
  test('fills every default from the gdpr preset when nothing is given', () => {
    const { settings, problems } = resolveSettings({});
    expect(problems).toEqual([]);
    expect(settings.preset).toBe('gdpr');
    expect(Object.keys(settings.categories)).toEqual(['necessary', 'preferences', 'analytics', 'marketing']);
    expect(settings.categories.necessary?.required).toBe(true);
    expect(settings.categories.analytics?.required).toBe(false);
    expect(settings.cookie).toEqual({
      name: 'consentry',
      path: '/',
      sameSite: 'Lax',
      consentDays: 365,
      refusalDays: 182,
    });
    expect(settings.ui).toEqual({
      layout: 'bar-bottom',
      theme: 'auto',
      closeButton: false,
      reopenButton: false,
    });
    expect(settings).toMatchObject({
      revision: '1',
      reloadOnWithdraw: true,
      debug: false,
      consentLog: undefined,
    });
  });

  test('gives exactly the categories of minimal settings, in their order', () => {
    const { settings, problems } = resolveSettings({
      categories: { necessary: { required: true }, analytics: {}, marketing: {} },
    });
    expect(problems).toEqual([]);
    expect(Object.keys(settings.categories)).toEqual(['necessary', 'analytics', 'marketing']);
  });

  test('keeps the admin order of categories', () => {
    const { settings } = resolveSettings({
      categories: { marketing: {}, necessary: { required: true }, analytics: {} },
    });
    expect(Object.keys(settings.categories)).toEqual(['marketing', 'necessary', 'analytics']);
  });

  test('merges the given values over the preset and the defaults', () => {
    const { settings } = resolveSettings({
      preset: 'ru-152fz',
      revision: 7,
      cookie: { consentDays: 180, domain: 'example.com' },
      ui: { theme: 'dark' },
      policy: { operatorName: 'ООО «Ромашка»', privacyUrl: '/privacy', consentDocumentUrl: '/consent' },
    });
    expect(settings.preset).toBe('ru-152fz');
    expect(settings.revision).toBe('7');
    expect(Object.keys(settings.categories)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(settings.cookie).toMatchObject({
      consentDays: 180,
      refusalDays: 182,
      domain: 'example.com',
      name: 'consentry',
    });
    expect(settings.ui).toMatchObject({ theme: 'dark', layout: 'bar-bottom' });
  });

  test('applies the default where a value was invalid', () => {
    const { settings, problems } = resolveSettings({
      cookie: { consentDays: 999 },
      ui: { layout: 'sidebar' },
    });
    expect(problems).toHaveLength(2);
    expect(settings.cookie.consentDays).toBe(365);
    expect(settings.ui.layout).toBe('bar-bottom');
  });

  test('freezes the result all the way down', () => {
    const { settings } = resolveSettings({ categories: { analytics: { cookies: ['_ga'] } } });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.cookie)).toBe(true);
    expect(Object.isFrozen(settings.categories.analytics)).toBe(true);
    expect(Object.isFrozen(settings.categories.analytics?.cookies)).toBe(true);
    expect(() => {
      (settings.cookie as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  test('requires the operator, the policy and the consent document with the ru-152fz preset', () => {
    const { settings, problems } = resolveSettings({ preset: 'ru-152fz' });
    expect(problems.map((problem) => problem.path)).toEqual([
      'settings.policy.operatorName',
      'settings.policy.privacyUrl',
      'settings.policy.consentDocumentUrl',
    ]);
    expect(problems.every((problem) => problem.level === 'error')).toBe(true);
    expect(settings.preset).toBe('ru-152fz');
  });

  test('fails when the ru-152fz consent document is the privacy policy, naming both paths', () => {
    const { settings, problems } = resolveSettings({
      preset: 'ru-152fz',
      policy: {
        operatorName: 'ООО «Ромашка»',
        privacyUrl: '/privacy',
        consentDocumentUrl: '/privacy#consent',
      },
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'settings.policy.consentDocumentUrl: "/privacy#consent" is the same document as settings.policy.privacyUrl (152-FZ art. 9: consent must be a separate document)',
    ]);
    expect(settings.policy.consentDocumentUrl).toBeUndefined();
    expect(settings.policy.privacyUrl).toBe('/privacy');
  });

  test('resolves invalid input to the safe defaults without throwing', () => {
    for (const input of [null, 'nonsense', 42, [1, 2], { categories: 'all' }]) {
      const { settings, problems } = resolveSettings(input);
      expect(problems.length).toBeGreaterThan(0);
      expect(settings).toEqual(safeDefaults());
    }
  });
});

describe('safeDefaults', () => {
  test('is the gdpr preset with every default, frozen', () => {
    const settings = safeDefaults();
    expect(settings.preset).toBe('gdpr');
    expect(Object.isFrozen(settings)).toBe(true);
  });
});

describe('DEFAULTS', () => {
  test('agree with the @default tags of the published schema', () => {
    const definitions = schema.definitions;
    const defaultsOf = (properties: object) =>
      Object.fromEntries(
        Object.entries(properties as { [key: string]: { default?: unknown } }).flatMap(([key, value]) =>
          'default' in value ? [[key, value.default]] : [],
        ),
      );
    expect(defaultsOf(definitions.UiSettings.properties)).toEqual(DEFAULTS.ui);
    expect(defaultsOf(definitions.CookieSettings.properties)).toEqual({
      ...DEFAULTS.cookie,
      ...resolveSettings({}).settings.cookie,
    });
    expect(defaultsOf(definitions.ConsentrySettings.properties)).toEqual({
      preset: 'gdpr',
      revision: DEFAULTS.revision,
      reloadOnWithdraw: DEFAULTS.reloadOnWithdraw,
      debug: DEFAULTS.debug,
    });
  });
});

describe('reportProblems', () => {
  test('prints one console.error per error and one console.warn per warning, prefixed consentry:', () => {
    const output = { error: vi.fn(), warn: vi.fn() };
    reportProblems(
      resolveSettings({ ui: { colour: 'red', layout: 'sidebar' }, cookie: { consentDays: 999 } }).problems,
      output,
    );
    expect(output.warn.mock.calls).toEqual([['consentry: settings.ui.colour: unknown key, ignored']]);
    expect(output.error.mock.calls).toEqual([
      ['consentry: settings.ui.layout: "sidebar" is not one of "bar-bottom", "bar-top", "box", "modal"'],
      ['consentry: settings.cookie.consentDays: 999 is above the maximum 395'],
    ]);
  });
});
