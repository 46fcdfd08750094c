/** Entry of `dist/consentry-ui-ru.min.js`: the built-in Russian texts, for the script tag's UI. */
import { registerChunk } from './entries/chunks';
import { ru } from './ui/texts/ru';

registerChunk('texts:ru', ru);
