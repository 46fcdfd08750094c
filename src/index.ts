/**
 * consentry — the npm entry with the banner and dialog (Preact, loaded when first shown).
 * `consentry/headless` has the same API without any UI.
 */
import { createWith } from './entries/create-consentry';

export const createConsentry = createWith({
  loadUi: () => import('./entries/ui-host').then((module) => module.mountWithHost),
  loadTexts: (language) => import('./ui/texts/index').then((module) => module.builtInFor(language)),
  loadDialog: () => import('./ui/preferences-dialog').then((module) => module.PreferencesDialog),
});
export { resolveSettings, validateSettings, presets } from './config/index';
export { CATALOGUE } from './gate/index';
export type * from './config/types';
export type * from './consent/types';
export type { Consentry } from './entries/types';
