#!/usr/bin/env node
// `npx consentry validate settings.json` — the CLI itself is src/cli.ts, built to dist/cli.js.
import { readFile } from 'node:fs/promises';
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
