export { mountUi } from './mount';
export {
  resolveLanguage,
  resolveTexts,
  localize,
  categoryTexts,
  builtInTexts,
  builtInFor,
  en,
  ru,
} from './texts';
export type { UiTexts, CategoryTexts, BuiltInTexts } from './texts';
export type { UiController, UiHost, UiService } from './types';
