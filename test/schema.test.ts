// @vitest-environment node
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../scripts/schema.mjs', import.meta.url));

// S1: one schema, generated from the settings type; a change to types.ts without `npm run schema` fails here.
test('the committed JSON Schema matches the settings type', async () => {
  const result = await run(process.execPath, [script, '--check']).catch(
    (error: { stderr?: string }) => error,
  );
  expect('stderr' in result ? result.stderr : '').toBe('');
}, 60_000);
