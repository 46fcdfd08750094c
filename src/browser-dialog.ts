/**
 * Entry of `dist/consentry-ui-dialog.min.js`: the preferences dialog, with the services' details.
 * The banner does not need it, so the UI file fetches it once the banner shows (or when Settings is
 * pressed first). Preact comes from the UI file (`shareUiKit`), not a copy of its own.
 */
import { registerChunk } from './entries/chunks';
import { PreferencesDialog } from './ui/preferences-dialog';

registerChunk('dialog', PreferencesDialog);
