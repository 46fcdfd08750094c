// Source maps of the script-tag files (dist/consentry*.min.js), for bench/profile.mjs. The shipped
// build has none, so this builds the same outputs again from rollup.config.mjs with `sourcemap:
// 'hidden'` (a map, and no comment pointing to it), in memory. Terser gives the same code with or
// without a map; each rebuilt file is compared with the one in dist/, so the profile maps exactly
// the bytes the browser ran, and a stale dist/ stops it. However the build splits the script-tag
// files, every output named consentry*.min.js is found.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { ROOT } from './server.mjs';

const SCRIPT_TAG_FILE = /^consentry[\w.-]*\.min\.js$/;

/** Whether a rollup output can write a script-tag file: named so itself, or by its name patterns. */
function writesScriptTagFile(output) {
  if (output.file) return SCRIPT_TAG_FILE.test(basename(output.file));
  return [output.entryFileNames, output.chunkFileNames].some(
    (pattern) => typeof pattern === 'string' && pattern.endsWith('.min.js'),
  );
}

/**
 * @typedef {{ map: SourceMap, sources: string[], sourcesContent: (string | null)[] }} ScriptMap
 * `sources`: repository-relative paths ("src/gate/gate.ts"), indexed like the map's own.
 */

/** @returns {Promise<Map<string, ScriptMap>>} keyed by repository-relative path ("dist/consentry.min.js"). */
export async function scriptTagSourceMaps() {
  // rollup.config.mjs names its inputs and outputs relative to the repository.
  process.chdir(ROOT);
  const { rollup } = await import('rollup');
  const configs = [(await import(pathToFileURL(join(ROOT, 'rollup.config.mjs')).href)).default].flat();
  const maps = new Map();
  for (const config of configs) {
    const outputs = [config.output].flat().filter(writesScriptTagFile);
    if (outputs.length === 0) continue;
    const bundle = await rollup({ ...config, output: undefined, onwarn: () => {} });
    try {
      for (const output of outputs) {
        const { output: chunks } = await bundle.generate({ ...output, sourcemap: 'hidden' });
        const dir = output.file ? dirname(output.file) : output.dir;
        for (const chunk of chunks) {
          if (chunk.type !== 'chunk' || !SCRIPT_TAG_FILE.test(basename(chunk.fileName))) continue;
          const path = relative(ROOT, resolve(ROOT, dir, chunk.fileName));
          const shipped = readFileSync(join(ROOT, path), 'utf8');
          if (shipped !== chunk.code) {
            throw new Error(`${path} differs from what rollup.config.mjs builds now: run \`npm run build\``);
          }
          const payload = JSON.parse(chunk.map.toString());
          maps.set(path, {
            map: new SourceMap(payload),
            sources: payload.sources.map((source) => relative(ROOT, resolve(ROOT, dir, source))),
            sourcesContent: payload.sourcesContent ?? [],
          });
        }
      }
    } finally {
      await bundle.close();
    }
  }
  return maps;
}

/**
 * The original place of a generated one (0-based line and column), or null. `name` is the
 * function's own name when the position starts one: the map's name for it, else read from the
 * original line ("function createRules(", "start(", "records = (").
 */
export function originalPosition(scriptMap, line, column) {
  const entry = scriptMap.map.findEntry(line, column);
  if (!entry || entry.originalSource === undefined) return null;
  const index = scriptMap.map.payload.sources.indexOf(entry.originalSource);
  const source = scriptMap.sources[index] ?? entry.originalSource;
  const text = scriptMap.sourcesContent[index]?.split('\n')[entry.originalLine] ?? '';
  return {
    source,
    line: entry.originalLine + 1,
    name: entry.name ?? nameAt(text, entry.originalColumn),
  };
}

const KEYWORDS = new Set(['function', 'if', 'for', 'while', 'switch', 'catch', 'return', 'typeof', 'new']);

function nameAt(text, column) {
  const after = text.slice(column);
  const before = text.slice(0, column);
  const candidates = [
    after.match(/^(?:async\s+)?function\s*\*?\s*([\w$]+)/)?.[1],
    after.match(/^(?:get\s+|set\s+|async\s+)?([\w$]+)\s*\(/)?.[1],
    before.match(/([\w$]+)\s*[:=]\s*(?:async\s*)?$/)?.[1],
  ];
  return candidates.find((name) => name && !KEYWORDS.has(name)) ?? null;
}
