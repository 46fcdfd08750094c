import type { TextSettings } from '../../config/types';

/**
 * Every text the UI shows. The `TextSettings` keys can be overridden from settings;
 * the extra keys are built in (a settings text with the same key still overrides them).
 */
export type UiTexts = Required<TextSettings> & {
  /** Russian preset: the sentence that ties a decision to the separate consent document (152-FZ art. 9). */
  readonly consentNotice: string;
  readonly yes: string;
  readonly no: string;
};

export interface CategoryTexts {
  readonly title: string;
  readonly description: string;
}

/** One built-in language: UI texts plus titles and descriptions of the built-in categories. */
export interface BuiltInTexts {
  readonly texts: UiTexts;
  readonly categories: { readonly [category: string]: CategoryTexts };
}
