/**
 * Entry of `dist/consentry-core.min.js`, the script tag's deferred part (DESIGN.md, loading tiers):
 * full validation with path-precise errors (S2, reported once each), releasing held elements,
 * decisions and cookie writes,
 * the consent log, cross-tab sync, cleanup and tags from settings. `consentry.min.js` fetches it
 * with `async` once the page is idle, at once when settings name tags to load, or when the visitor
 * decides; it hands over a function and runs nothing on its own.
 */
import { reportProblems, resolveSettings } from './config/index';
import type { FinishCore } from './browser';
import { registerChunk } from './entries/chunks';
import { finishInstance } from './entries/create-instance';
import { releaseAllowed } from './gate/release';

const finish: FinishCore = (input, started, options) => {
  void options.gate.useReleaser(releaseAllowed);
  const { settings, problems } = resolveSettings(input);
  reportProblems(problems, options.win.console);
  // Without problems the validated copy is the input itself: keep what the start applied.
  return finishInstance(problems.length ? settings : started.settings, started, options);
};
registerChunk('core', finish);
