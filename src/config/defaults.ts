import { deepFreeze } from './deep-freeze';

/**
 * Defaults that do not depend on the preset. They repeat the `@default` tags of types.ts because the
 * runtime copy of the schema must stay small; `defaults.test.ts` fails if the two ever disagree.
 */
export const DEFAULTS = deepFreeze({
  revision: '1',
  ui: { layout: 'bar-bottom', theme: 'auto', closeButton: false, reopenButton: false },
  cookie: { name: 'consentry', path: '/', sameSite: 'Lax' },
  reloadOnWithdraw: true,
  debug: false,
} as const);
