import type { ResolvedSettings } from './types';

/** Languages whose texts ship with Consentry (the UI chunk holds the texts themselves). */
export const BUILT_IN_LANGUAGES: readonly string[] = ['en', 'ru'];

const primary = (tag: string) => tag.split('-')[0]!;

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
