import { builtInLanguage } from '../../config/language';
import { en } from './en';
import { ru } from './ru';
import type { BuiltInTexts } from './types';

export type { BuiltInTexts, CategoryTexts, UiTexts } from './types';
export { en, ru };
export { resolveTexts, localize, categoryTexts } from './resolve';
/** U6: one implementation for the instance and the UI; it lives in `config`, the earlier layer. */
export { resolveLanguage } from '../../config/language';

/** U6: English and Russian are built in; any other language comes from `settings.texts`. */
export const builtInTexts: { readonly [language: string]: BuiltInTexts } = { en, ru };

/** The built-in texts a language is shown with: its own by primary subtag, English for any other. */
export const builtInFor = (language: string): BuiltInTexts => builtInTexts[builtInLanguage(language)] ?? en;
