/**
 * Entry of `dist/consentry-ui.min.js`: the banner (Preact), fetched by `consentry.min.js` when a view
 * must show. It hands `mountWithHost` over (`src/entries/chunks.ts`) and shares Preact's core with the
 * dialog file, which brings the hooks; the texts come in a file per language (`src/browser-texts-*.ts`), the
 * preferences dialog in `consentry-ui-dialog.min.js` (`src/browser-dialog.ts`).
 */
import { options } from 'preact';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { registerChunk, shareUiKit } from './entries/chunks';
import { mountWithHost } from './entries/ui-host';

shareUiKit({ Fragment, jsx, jsxs, options });
registerChunk('ui', mountWithHost);
