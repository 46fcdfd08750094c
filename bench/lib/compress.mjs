// Transfer sizes of a file as a CDN would serve it: raw, gzip (zlib level 9), brotli (quality 11).
// Measured per file (each file is a separate response), cached per path for the process.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const cache = new Map();

/** @returns {{ raw: number, gzip: number, brotli: number }} */
export function sizes(file) {
  let entry = cache.get(file);
  if (!entry) {
    const body = readFileSync(file);
    entry = {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    };
    cache.set(file, entry);
  }
  return entry;
}

/** Sums the sizes of several files. */
export function total(files) {
  return files.reduce(
    (sum, file) => {
      const size = sizes(file);
      return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}
