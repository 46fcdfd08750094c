import { deepFreeze } from './deep-freeze';
import type { CategorySettings, PolicySettings, PresetName } from './types';

/**
 * A preset holds structure and lifetimes only; titles, descriptions and other texts come from the
 * UI layer's built-in English and Russian.
 */
export interface Preset {
  /** Categories in display order; settings that give `categories` replace these entirely. */
  readonly categories: { readonly [id: string]: Readonly<CategorySettings> };
  /** Consent and refusal lifetimes, in days. */
  readonly cookie: { readonly consentDays: number; readonly refusalDays: number };
  /** Policy fields this preset requires; each missing one is an error (the banner still works). */
  readonly requiredPolicy: readonly (keyof PolicySettings)[];
}

// C2: consent kept 12 months (CNIL caps analytics cookies at 13), a refusal 6 months, then asked again.
const lifetimes = { consentDays: 365, refusalDays: 182 };

export const presets: { readonly [name in PresetName]: Preset } = deepFreeze({
  gdpr: {
    categories: { necessary: { required: true }, preferences: {}, analytics: {}, marketing: {} },
    cookie: lifetimes,
    requiredPolicy: [],
  },
  'ru-152fz': {
    categories: { necessary: { required: true }, analytics: {}, marketing: {} },
    cookie: lifetimes,
    // U5, 152-FZ art. 9 (since 1 Sep 2025): the operator, its policy and a separate consent document.
    requiredPolicy: ['operatorName', 'privacyUrl', 'consentDocumentUrl'],
  },
});

export const DEFAULT_PRESET: PresetName = 'gdpr';
