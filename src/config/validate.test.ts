import { describe, expect, test } from 'vitest';
import { validateSettings } from './validate';

const messages = (input: unknown) => validateSettings(input).problems.map((problem) => problem.message);

describe('validateSettings', () => {
  test('accepts complete, valid settings without a problem', () => {
    const input = {
      $schema: './node_modules/consentry/schema/consentry.schema.json',
      preset: 'gdpr',
      revision: 3,
      language: 'de-AT',
      categories: {
        necessary: { required: true },
        analytics: {
          title: { en: 'Analytics', ru: 'Аналитика' },
          cookies: ['_ga', '_ga_*'],
          hosts: ['mc.yandex.*'],
        },
      },
      services: {
        'google-analytics': { category: 'analytics' },
        chat: { category: 'necessary', hosts: ['*.chat.example'] },
      },
      ui: { layout: 'modal', colors: { accent: '#0b57d0' }, src: '/consentry-ui.min.js' },
      cookie: { consentDays: 395, sameSite: 'Strict' },
      integrations: {
        googleConsentMode: { regions: [{ region: ['DE', 'US-CA'], granted: ['analytics_storage'] }] },
        yandexMetrica: {
          counters: [{ id: 12345, options: { clickmap: true } }],
          webvisorCategory: 'analytics',
        },
      },
      policy: { privacyUrl: 'https://example.com/privacy' },
    };
    const { settings, problems } = validateSettings(input);
    expect(problems).toEqual([]);
    expect(settings).toEqual(input);
  });

  test('reports a value of the wrong type and drops it', () => {
    const { settings, problems } = validateSettings({ cookie: { name: 12 } });
    expect(problems).toEqual([
      { level: 'error', path: 'settings.cookie.name', message: 'settings.cookie.name: 12 is not a string' },
    ]);
    expect(settings.cookie).toEqual({});
  });

  test('names every type a union accepts', () => {
    expect(messages({ revision: true })).toEqual(['settings.revision: true is not a string or a number']);
    expect(messages({ categories: { analytics: { title: 5 } } })).toEqual([
      'settings.categories.analytics.title: 5 is not a string or an object',
    ]);
  });

  test('reports the inner problem of the union branch the value belongs to', () => {
    expect(messages({ categories: { analytics: { title: { en: 1 } } } })).toEqual([
      'settings.categories.analytics.title.en: 1 is not a string',
    ]);
  });

  test('lists the allowed values when a value is not one of them', () => {
    expect(messages({ ui: { layout: 'sidebar' } })).toEqual([
      'settings.ui.layout: "sidebar" is not one of "bar-bottom", "bar-top", "box", "modal"',
    ]);
  });

  test('reports numbers above the maximum and below the minimum', () => {
    expect(messages({ cookie: { consentDays: 999, refusalDays: 0 } })).toEqual([
      'settings.cookie.consentDays: 999 is above the maximum 395',
      'settings.cookie.refusalDays: 0 is below the minimum 1',
    ]);
  });

  test('refuses fractions, NaN and Infinity where a whole number is expected', () => {
    expect(messages({ cookie: { consentDays: 1.5, refusalDays: Number.NaN } })).toEqual([
      'settings.cookie.consentDays: 1.5 is not an integer',
      'settings.cookie.refusalDays: NaN is not an integer',
    ]);
  });

  test('reports a string that does not match its pattern', () => {
    expect(messages({ integrations: { googleAnalytics: { measurementId: 'UA-1' } } })).toEqual([
      'settings.integrations.googleAnalytics.measurementId: "UA-1" does not match ^G-[A-Z0-9]+$',
    ]);
  });

  test('reports a bad cookie pattern by its index and keeps the good ones', () => {
    const { settings, problems } = validateSettings({
      categories: { analytics: { cookies: ['_ga', '_gid', '('] } },
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'settings.categories.analytics.cookies[2]: "(" is not a valid pattern (expected a cookie or storage key name, * for any characters)',
    ]);
    expect(settings.categories?.analytics?.cookies).toEqual(['_ga', '_gid']);
  });

  test('accepts host patterns with a leading *. or a trailing .* and refuses others', () => {
    const hosts = ['example.com', '*.example.com', 'mc.yandex.*', 'https://example.com', '*', 'a..b'];
    const { settings, problems } = validateSettings({ categories: { analytics: { hosts } } });
    expect(settings.categories?.analytics?.hosts).toEqual(['example.com', '*.example.com', 'mc.yandex.*']);
    expect(problems.map((problem) => problem.path)).toEqual([
      'settings.categories.analytics.hosts[3]',
      'settings.categories.analytics.hosts[4]',
      'settings.categories.analytics.hosts[5]',
    ]);
  });

  test('refuses javascript:, data: and disguised schemes in URLs', () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'mailto:a@b.c',
      '',
    ];
    for (const url of bad) {
      expect(messages({ ui: { src: url } }), url).toEqual([
        `settings.ui.src: ${JSON.stringify(url)} is not a safe URL (expected an http:, https: or relative URL)`,
      ]);
    }
  });

  test('accepts http(s) and relative URLs', () => {
    for (const url of [
      'https://example.com/p',
      'http://example.com',
      '/privacy',
      './privacy',
      'privacy',
      '/a:b',
      '?x=1',
    ]) {
      expect(messages({ ui: { src: url } }), url).toEqual([]);
    }
  });

  test('refuses a language that is not a BCP 47 tag', () => {
    expect(messages({ language: 'english!' })).toEqual([
      'settings.language: "english!" is not a language tag (expected e.g. "en", "ru" or "de-AT")',
    ]);
  });

  test('warns about an unknown key and drops it', () => {
    const { settings, problems } = validateSettings({ ui: { colour: 'red', theme: 'dark' } });
    expect(problems).toEqual([
      { level: 'warning', path: 'settings.ui.colour', message: 'settings.ui.colour: unknown key, ignored' },
    ]);
    expect(settings.ui).toEqual({ theme: 'dark' });
  });

  test('quotes keys that are not identifiers in paths', () => {
    expect(messages({ categories: { 'odd key': { required: 'yes' } } })).toEqual([
      'settings.categories["odd key"].required: "yes" is not a boolean',
    ]);
  });

  test('reports a missing required key once, and not again when it was present but invalid', () => {
    expect(messages({ consentLog: {} })).toEqual(['settings.consentLog.endpoint: is required']);
    expect(messages({ consentLog: { endpoint: 'javascript:x' } })).toEqual([
      'settings.consentLog.endpoint: "javascript:x" is not a safe URL (expected an http:, https: or relative URL)',
    ]);
    expect(validateSettings({ consentLog: {} }).settings.consentLog).toBeUndefined();
  });

  test('lets JSON.parse("__proto__") pollute nothing', () => {
    const input = JSON.parse(
      '{"__proto__":{"polluted":1},"categories":{"__proto__":{"polluted":1},"constructor":{},"analytics":{}},' +
        '"integrations":{"yandexMetrica":{"counters":[{"id":1,"options":{"__proto__":{"polluted":1},"prototype":{}}}]}}}',
    );
    const { settings, problems } = validateSettings(input);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBeNull();
    expect(Object.keys(settings.categories!)).toEqual(['analytics']);
    expect(Object.keys(settings.integrations!.yandexMetrica!.counters![0]!.options!)).toEqual([]);
    expect(problems.every((problem) => problem.level === 'warning')).toBe(true);
    expect(problems.map((problem) => problem.path)).toContain('settings.__proto__');
  });

  test('never throws, whatever the input', () => {
    const cyclic: { [key: string]: unknown } = { clickmap: true };
    cyclic.self = cyclic;
    const throwing = Object.defineProperty({}, 'debug', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const huge = {
      categories: { analytics: { cookies: Array.from({ length: 200_000 }, (_, index) => `c${index}`) } },
    };
    const inputs: unknown[] = [
      null,
      undefined,
      'settings',
      42,
      [],
      () => 0,
      Symbol('x'),
      { integrations: { yandexMetrica: { counters: [{ id: 1, options: cyclic }] } } },
      throwing,
      hostile,
      huge,
    ];
    for (const input of inputs) expect(() => validateSettings(input)).not.toThrow();
    expect(messages(null)).toEqual(['settings: null is not an object']);
    expect(messages(throwing)).toEqual(['settings.debug: could not be read']);
    expect(messages(hostile)).toEqual(['settings: could not be read']);
    expect(messages(huge)).toEqual(['settings: is too large']);
    expect(messages(inputs[7])[0]).toMatch(
      /^settings\.integrations\.yandexMetrica\.counters\[0\]\.options(\.self)+: an object is nested too deeply$/,
    );
  });

  test('caps the number of problems so bad input cannot flood the console', () => {
    const problems = validateSettings({
      categories: { analytics: { cookies: Array(500).fill('(') } },
    }).problems;
    expect(problems).toHaveLength(51);
    expect(problems[50]?.message).toBe('settings: more problems follow; fix these first');
  });
});
