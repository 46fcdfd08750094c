import { safeDefaults } from '../config/index';
import type { ConsentSnapshot } from '../consent/types';
import type { Consentry } from './types';

const SNAPSHOT: ConsentSnapshot = Object.freeze({
  record: null,
  granted: Object.freeze({}),
  needsDecision: true,
  gpc: false,
});
const noop = () => {};

/**
 * What `createConsentry` returns where there is no `window` (server-side rendering): it answers
 * "no consent" and does nothing, so the same component code runs on the server and in the browser.
 */
export function inertInstance(): Consentry {
  return {
    settings: safeDefaults(),
    show: noop,
    hide: noop,
    showPreferences: noop,
    acceptAll: noop,
    rejectAll: noop,
    accept: noop,
    getConsent: () => null,
    isGranted: () => false,
    on: () => noop,
    subscribe: () => noop,
    getSnapshot: () => SNAPSHOT,
    reset: noop,
  };
}
