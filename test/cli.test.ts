// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { main, type CliIo } from '../src/cli';

/** A fake file system and two captured streams. */
function fakeIo(files: { [path: string]: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async (path) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
  return { io, out, err };
}

describe('consentry validate', () => {
  test('says a valid file is valid and exits with 0', async () => {
    const { io, out, err } = fakeIo({
      'settings.json': JSON.stringify({
        categories: { necessary: { required: true }, analytics: {}, marketing: {} },
      }),
    });
    expect(await main(['validate', 'settings.json'], io)).toBe(0);
    expect(out).toEqual(['settings.json: valid']);
    expect(err).toEqual([]);
  });

  test('prints each problem, then a summary, and exits with 1 on errors', async () => {
    const { io, out } = fakeIo({
      'settings.json': JSON.stringify({
        ui: { colour: 'red', layout: 'sidebar' },
        cookie: { consentDays: 999 },
      }),
    });
    expect(await main(['validate', 'settings.json'], io)).toBe(1);
    expect(out).toEqual([
      'consentry: settings.ui.colour: unknown key, ignored',
      'consentry: settings.ui.layout: "sidebar" is not one of "bar-bottom", "bar-top", "box", "modal"',
      'consentry: settings.cookie.consentDays: 999 is above the maximum 395',
      'settings.json: 2 errors, 1 warning',
    ]);
  });

  test('exits with 0 when there are only warnings', async () => {
    const { io, out } = fakeIo({ 'settings.json': '{ "ui": { "colour": "red" } }' });
    expect(await main(['validate', 'settings.json'], io)).toBe(0);
    expect(out.at(-1)).toBe('settings.json: 1 warning');
  });

  test('names the line and column of a JSON syntax error', async () => {
    const { io, out, err } = fakeIo({ 'settings.json': '{\n  "debug": true,\n}\n' });
    expect(await main(['validate', 'settings.json'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^settings\.json:3:1: invalid JSON: /);
  });

  test('finds the column of a misspelt literal', async () => {
    const { io, err } = fakeIo({ 'settings.json': '{"debug": tru}' });
    expect(await main(['validate', 'settings.json'], io)).toBe(1);
    expect(err[0]).toMatch(/^settings\.json:1:11: invalid JSON: /);
  });

  test('reports a missing file and exits with 1', async () => {
    const { io, err } = fakeIo({});
    expect(await main(['validate', 'missing.json'], io)).toBe(1);
    expect(err).toEqual(['missing.json: cannot read the file: no such file']);
  });

  test('checks every file given and fails if any fails', async () => {
    const { io, out, err } = fakeIo({ 'a.json': '{}' });
    expect(await main(['validate', 'a.json', 'b.json'], io)).toBe(1);
    expect(out).toEqual(['a.json: valid']);
    expect(err).toEqual(['b.json: cannot read the file: no such file']);
  });

  test('prints the usage for --help and exits with 0', async () => {
    const { io, out } = fakeIo({});
    expect(await main(['--help'], io)).toBe(0);
    expect(out[0]).toMatch(/^Usage: consentry validate <settings\.json>/);
  });

  test('refuses an unknown command or no file', async () => {
    expect(await main(['check', 'a.json'], fakeIo({}).io)).toBe(1);
    expect(await main(['validate'], fakeIo({}).io)).toBe(1);
    expect(await main([], fakeIo({}).io)).toBe(1);
  });
});
