import { describe, expect, test } from 'vitest';
import { builtInFor, categoryTexts, en, localize, resolveLanguage, resolveTexts, ru } from './index';

const doc = (lang: string) => ({ documentElement: { lang } }) as unknown as Document;
const nav = (...languages: string[]) => ({ languages, language: languages[0] ?? '' }) as unknown as Navigator;

describe('resolveLanguage', () => {
  test('prefers the settings, then <html lang>, then the browser, then English', () => {
    expect(resolveLanguage({ language: 'ru', texts: {} }, doc('en'), nav('en'))).toBe('ru');
    expect(resolveLanguage({ language: undefined, texts: {} }, doc('ru-RU'), nav('en'))).toBe('ru');
    expect(resolveLanguage({ language: undefined, texts: {} }, doc(''), nav('fr-FR', 'ru'))).toBe('ru');
    expect(resolveLanguage({ language: undefined, texts: {} }, doc('fr'), nav('fr'))).toBe('en');
    expect(resolveLanguage({ language: undefined, texts: {} })).toBe('en');
  });

  test('takes any language that the settings provide texts for', () => {
    expect(resolveLanguage({ language: undefined, texts: { de: {} } }, doc('de-AT'), nav())).toBe('de');
    expect(
      resolveLanguage({ language: undefined, texts: { 'de-AT': {}, de: {} } }, doc('de-at'), nav()),
    ).toBe('de-AT');
  });
});

describe('built-in texts', () => {
  test('English and Russian define the same keys, none empty', () => {
    expect(Object.keys(ru.texts).sort()).toEqual(Object.keys(en.texts).sort());
    expect(Object.keys(ru.categories).sort()).toEqual(['analytics', 'marketing', 'necessary', 'preferences']);
    for (const language of [en, ru]) {
      for (const value of [
        ...Object.values(language.texts),
        ...Object.values(language.categories).flatMap(Object.values),
      ]) {
        expect(value.trim()).not.toBe('');
      }
    }
  });

  test('the Russian wording names the separate consent document', () => {
    expect(ru.texts.consentDocument).toBe('Согласие на обработку персональных данных');
    expect(ru.texts.acceptAll).toBe('Принять все');
    expect(ru.texts.rejectAll).toBe('Отклонить все');
  });
});

describe('resolveTexts', () => {
  test('overrides built-in texts key by key and ignores blank or non-text values', () => {
    const texts = resolveTexts(
      { texts: { en: { acceptAll: 'Allow all', rejectAll: '  ', save: 42 as never } } },
      'en',
      en,
    );
    expect(texts.acceptAll).toBe('Allow all');
    expect(texts.rejectAll).toBe('Reject all');
    expect(texts.save).toBe(en.texts.save);
  });

  test('fills a settings-only language with English', () => {
    const texts = resolveTexts({ texts: { de: { acceptAll: 'Alle akzeptieren' } } }, 'de', builtInFor('de'));
    expect(texts.acceptAll).toBe('Alle akzeptieren');
    expect(texts.rejectAll).toBe('Reject all');
  });
});

describe('localized settings text', () => {
  test('picks the language, then its primary subtag, then English, then any', () => {
    expect(localize('Stats', 'ru')).toBe('Stats');
    expect(localize({ en: 'Stats', ru: 'Статистика' }, 'ru-RU')).toBe('Статистика');
    expect(localize({ en: 'Stats' }, 'de')).toBe('Stats');
    expect(localize({ fr: 'Statistiques' }, 'de')).toBe('Statistiques');
    expect(localize(undefined, 'en')).toBeUndefined();
  });

  test('category texts come from settings first, then the built-in ones, then the id', () => {
    const settings = {
      categories: {
        analytics: { required: false, title: { ru: 'Статистика' } },
        custom: { required: false },
      },
    };
    expect(categoryTexts(settings, 'analytics', 'ru', ru)).toEqual({
      title: 'Статистика',
      description: ru.categories.analytics!.description,
    });
    expect(categoryTexts(settings, 'custom', 'en', en)).toEqual({ title: 'custom', description: '' });
  });
});
