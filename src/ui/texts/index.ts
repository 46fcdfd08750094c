import type { LocalizedText, ResolvedSettings } from '../../config/types';
import type { BuiltInTexts, CategoryTexts, UiTexts } from './types';
import { en } from './en';
import { ru } from './ru';

export type { BuiltInTexts, CategoryTexts, UiTexts } from './types';
export { en, ru };
/** U6: one implementation for the instance and the UI; it lives in `config`, the earlier layer. */
export { resolveLanguage } from '../../config/language';

/** U6: English and Russian are built in; any other language comes from `settings.texts`. */
export const builtInTexts: { readonly [language: string]: BuiltInTexts } = { en, ru };

const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/** The built-in texts for a language, by exact tag or primary subtag; English for any other. */
function builtInFor(language: string): BuiltInTexts {
  return builtInTexts[language.toLowerCase()] ?? builtInTexts[primary(language)] ?? en;
}

/** Built-in texts for the language, overridden key by key by `settings.texts[language]`. Only strings count. */
export function resolveTexts(settings: Pick<ResolvedSettings, 'texts'>, language: string): UiTexts {
  const overrides: { readonly [key: string]: unknown } = settings.texts?.[language] ?? {};
  const result: Record<string, string> = { ...builtInFor(language).texts };
  for (const key of Object.keys(result)) {
    const value = overrides[key];
    if (typeof value === 'string' && value.trim() !== '') result[key] = value;
  }
  return result as UiTexts;
}

/** Picks one language out of a `LocalizedText`: exact tag, primary subtag, English, then any. */
export function localize(value: LocalizedText | undefined, language: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return value[language] ?? value[primary(language)] ?? value.en ?? Object.values(value)[0];
}

/** A category's title and description: settings first, then built-in texts, then the id itself. */
export function categoryTexts(
  settings: Pick<ResolvedSettings, 'categories'>,
  id: string,
  language: string,
): CategoryTexts {
  const configured = settings.categories[id];
  const builtIn = builtInFor(language).categories[id] ?? en.categories[id];
  return {
    title: localize(configured?.title, language) ?? builtIn?.title ?? id,
    description: localize(configured?.description, language) ?? builtIn?.description ?? '',
  };
}
