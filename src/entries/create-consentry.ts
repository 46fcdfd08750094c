import type { ConsentrySettings } from '../config/types';
import { createInstance } from './create-instance';
import { inertInstance } from './inert-instance';
import type { Consentry } from './types';
import type { UiLoaders } from './ui-access';

/**
 * Create the page's Consentry instance. Closing the gate patches the page's DOM and network
 * functions, so call it as early as possible — before any analytics code — and once per page.
 * Without a `window` (server-side rendering) it returns an inert instance that reports no consent.
 */
export function createWith(ui: UiLoaders | undefined) {
  return function createConsentry(settings: ConsentrySettings = {}): Consentry {
    if (typeof window === 'undefined' || typeof document === 'undefined') return inertInstance();
    return createInstance(settings, { win: window, ui });
  };
}
