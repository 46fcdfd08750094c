import type { ResolvedSettings } from './types';

/** Languages whose texts ship with Consentry (the UI chunk holds the texts themselves). */
export const BUILT_IN_LANGUAGES: readonly string[] = ['en', 'ru'];

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/** The built-in texts a language is shown with: its own (`ru-RU` → `ru`), else English's under the settings' texts. */
export function builtInLanguage(language: string): string {
  const base = primary(language);
  return BUILT_IN_LANGUAGES.includes(base) ? base : 'en';
}

/**
 * U6: the UI language — `settings.language`, then `<html lang>`, then the browser's languages —
 * keeping the first one that has texts (built in, or given by `settings.texts`); English otherwise.
 * `ru-RU` matches `ru`.
 */
export function resolveLanguage(
  settings: Pick<ResolvedSettings, 'language' | 'texts'>,
  doc?: Pick<Document, 'documentElement'>,
  nav?: Pick<Navigator, 'language' | 'languages'>,
): string {
  const available = [...Object.keys(settings.texts ?? {}), ...BUILT_IN_LANGUAGES];
  const candidates = [
    settings.language,
    doc?.documentElement?.lang,
    ...(nav?.languages ?? []),
    nav?.language,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const wanted = candidate.toLowerCase();
    const match =
      available.find((tag) => tag.toLowerCase() === wanted) ??
      available.find((tag) => tag.toLowerCase() === primary(wanted));
    if (match) return match;
  }
  return 'en';
}
