/**
 * Entry of `dist/consentry-ui.min.js`, the lazily loaded UI chunk (DESIGN.md "Two files for the script tag").
 *
 * It only hands `mountUi` to the synchronous file, which owns the settings and the consent state and
 * decides when a view must show. The two files meet on `window` because they are separate scripts:
 * normally `consentry.min.js` ran first and loaded this chunk, so `window.consentry.__registerUi` exists;
 * if a site loads this chunk first (preloaded, reordered, `async`), `window.__consentryUi` keeps
 * `mountUi` until the synchronous file starts and picks it up.
 */
import { mountUi } from './ui/mount';

type RegisterUi = (mount: typeof mountUi) => void;

const target = window as unknown as {
  consentry?: { __registerUi?: RegisterUi };
  __consentryUi?: typeof mountUi;
};

if (target.consentry?.__registerUi) target.consentry.__registerUi(mountUi);
else target.__consentryUi = mountUi;
