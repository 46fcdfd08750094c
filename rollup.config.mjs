// Builds:
//  - dist/consentry.min.js         script tag, synchronous: the gate, a lenient read of the settings and
//                                  the stored choice, Consent Mode's default and update (IIFE)
//  - dist/consentry-core.min.js    script tag, deferred: validation, decisions, consent log, cross-tab,
//                                  cleanup, tags from settings (IIFE, bundles js-cookie)
//  - dist/consentry-ui.min.js      script tag, the banner and dialog (IIFE, bundles Preact)
//  - dist/consentry-ui-{en,ru}.min.js  script tag, one language's texts each
//  - dist/consentry-ui-dialog.min.js   script tag, the preferences dialog (Preact from the UI file)
//  The script-tag files are IIFEs that meet on window (src/entries/chunks.ts), not ES chunks: a
//  classic script works under any CSP nonce and on any site, with no module loader.
//  - dist/index.js, dist/headless.js  npm entries (ES modules; Preact and js-cookie stay external)
//  - dist/index.d.ts, dist/headless.d.ts  rolled-up types
import { readFileSync } from 'node:fs';
import json from '@rollup/plugin-json';
import resolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** The runtime copy of the JSON Schema drops the texts meant for editors: they cost bytes and do no checking. */
function schemaForRuntime() {
  const editorOnly = new Set(['description', 'markdownDescription', 'examples', '$comment', 'title']);
  return {
    name: 'consentry-schema-for-runtime',
    transform(code, id) {
      if (!id.endsWith('consentry.schema.json')) return null;
      const strip = (node) => {
        if (Array.isArray(node)) return node.map(strip);
        if (node && typeof node === 'object') {
          return Object.fromEntries(
            Object.entries(node)
              .filter(([key]) => !editorOnly.has(key))
              .map(([key, value]) => [
                key,
                key === 'properties' || key === 'definitions' ? stripMap(value) : strip(value),
              ]),
          );
        }
        return node;
      };
      // Property names may themselves be "title" or "description": keep the keys of these maps.
      const stripMap = (map) =>
        Object.fromEntries(Object.entries(map).map(([key, value]) => [key, strip(value)]));
      return { code: JSON.stringify(strip(JSON.parse(code))), map: null };
    },
  };
}

const plugins = (target) => [
  replace({ preventAssignment: true, values: { __CONSENTRY_VERSION__: JSON.stringify(version) } }),
  schemaForRuntime(),
  json({ preferConst: true, compact: true }),
  resolve({ browser: true, extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] }),
  esbuild({ target, jsx: 'automatic', jsxImportSource: 'preact', tsconfig: 'tsconfig.json' }),
];

const minify = terser({
  ecma: 2020,
  compress: { passes: 3, pure_getters: true },
  format: { comments: false },
});

/**
 * For files whose functions nearly all run as soon as they arrive: V8's explicit compile hint makes
 * Chromium compile them while the file streams in, on a background thread, instead of one by one on
 * the main thread at their first call (`npm run bench:profile`, returning visit at 4× CPU: the
 * synchronous file's lazy compiling on the main thread went from about 70 ms to none). Other engines
 * read a comment.
 */
const minifyEager = terser({
  ecma: 2020,
  compress: { passes: 3, pure_getters: true },
  format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' },
});

/** One classic script of the script-tag build. */
const scriptTag = (input, file, { eager = false } = {}) => ({
  input,
  output: { file, format: 'iife', plugins: [eager ? minifyEager : minify], sourcemap: false },
  plugins: plugins('es2020'),
});

export default [
  scriptTag('src/browser.ts', 'dist/consentry.min.js', { eager: true }),
  scriptTag('src/browser-core.ts', 'dist/consentry-core.min.js', { eager: true }),
  scriptTag('src/browser-ui.ts', 'dist/consentry-ui.min.js', { eager: true }),
  scriptTag('src/browser-texts-en.ts', 'dist/consentry-ui-en.min.js'),
  scriptTag('src/browser-texts-ru.ts', 'dist/consentry-ui-ru.min.js'),
  {
    // The dialog uses the UI file's Preact (src/entries/chunks.ts, shareUiKit) and brings the hooks,
    // which the banner does not use: one copy of each.
    ...scriptTag('src/browser-dialog.ts', 'dist/consentry-ui-dialog.min.js'),
    external: ['preact', 'preact/jsx-runtime'],
    output: {
      file: 'dist/consentry-ui-dialog.min.js',
      format: 'iife',
      plugins: [minify],
      globals: (id) => (id.startsWith('preact') ? '__consentryChunks.kit' : id),
    },
  },
  {
    input: { index: 'src/index.ts', headless: 'src/headless.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Minified like Preact's own module build, with source maps for debugging: what an app ships
      // after its bundler has minified it is what the size budget should measure.
      plugins: [terser({ module: true, ecma: 2020, compress: { passes: 3, pure_getters: true } })],
      sourcemap: true,
    },
    external: [/^preact(\/|$)/, 'js-cookie'],
    plugins: plugins('es2020'),
  },
  {
    // `npx consentry validate settings.json` (bin/consentry.js imports this).
    input: 'src/cli.ts',
    output: { file: 'dist/cli.js', format: 'es' },
    external: [/^node:/],
    plugins: plugins('node20'),
  },
  {
    input: { index: 'src/index.ts', headless: 'src/headless.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].d.ts',
      chunkFileNames: 'chunks/[name]-[hash].d.ts',
    },
    external: [/^preact(\/|$)/, 'js-cookie'],
    plugins: [dts({ respectExternal: false })],
  },
];
