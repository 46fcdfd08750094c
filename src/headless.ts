/**
 * consentry/headless — settings, consent, the gate and the integrations, with no UI: `show()`,
 * `hide()` and `showPreferences()` only emit `show`/`hide` events for your own banner.
 */
import { createWith } from './entries/create-consentry';

export const createConsentry = createWith(undefined);
export { resolveSettings, validateSettings, presets } from './config/index';
export { CATALOGUE } from './gate/index';
export type * from './config/types';
export type * from './consent/types';
export type { Consentry } from './entries/types';
