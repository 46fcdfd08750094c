import type { LocalizedText, ResolvedSettings } from '../../config/types';
import type { BuiltInTexts, CategoryTexts, UiTexts } from './types';

const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Built-in texts for the language, overridden key by key by `settings.texts[language]`. Only strings
 * count. `builtIn` is one language's texts (the script tag fetches only that one; English for a
 * language that only the settings provide).
 */
export function resolveTexts(
  settings: Pick<ResolvedSettings, 'texts'>,
  language: string,
  builtIn: BuiltInTexts,
): UiTexts {
  const overrides: { readonly [key: string]: unknown } = settings.texts?.[language] ?? {};
  const result: Record<string, string> = { ...builtIn.texts };
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

/** A category's title and description: settings first, then the built-in texts, then the id itself. */
export function categoryTexts(
  settings: Pick<ResolvedSettings, 'categories'>,
  id: string,
  language: string,
  builtIn: BuiltInTexts,
): CategoryTexts {
  const configured = settings.categories[id];
  const known = builtIn.categories[id];
  return {
    title: localize(configured?.title, language) ?? known?.title ?? id,
    description: localize(configured?.description, language) ?? known?.description ?? '',
  };
}
