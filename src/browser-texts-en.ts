/** Entry of `dist/consentry-ui-en.min.js`: the built-in English texts, for the script tag's UI. */
import { registerChunk } from './entries/chunks';
import { en } from './ui/texts/en';

registerChunk('texts:en', en);
