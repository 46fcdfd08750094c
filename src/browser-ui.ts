/**
 * Entry of `dist/consentry-ui.min.js`: the banner and dialog (Preact), fetched by `consentry.min.js`
 * when a view must show. It only hands `mountUi` over (`src/entries/chunks.ts`); the texts come in
 * a file per language (`src/browser-texts-*.ts`).
 */
import { registerChunk } from './entries/chunks';
import { mountUi } from './ui/mount';

registerChunk('ui', mountUi);
