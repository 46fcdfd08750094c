// `consentry validate <file.json>`: the runtime's own checks (S1, S2), run before deploying.
import { resolveSettings } from './config/resolve';
import type { SettingsProblem } from './config/types';

/** What the CLI needs from the outside world; `bin/consentry.js` passes Node's, tests pass fakes. */
export interface CliIo {
  readFile(path: string): Promise<string>;
  /** Writes one line. */
  stdout(line: string): void;
  /** Writes one line. */
  stderr(line: string): void;
}

const USAGE = `Usage: consentry validate <settings.json>...

Checks Consentry settings files against the same rules the script applies at run time.
Prints one line per problem, then a summary per file.
Exits with 1 when a file has errors, cannot be read or is not JSON; warnings alone exit with 0.

Options:
  -h, --help  Show this help`;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Offset of the first syntax error in `text` (RFC 8259 grammar). Node 20's `JSON.parse` gives a position
 * for some errors only, so the CLI finds it itself.
 */
function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const skipSpace = () => {
    while (' \t\n\r'.includes(text[at] || 'x')) at++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[at] !== char) fail();
    at++;
  };
  const string = () => {
    expect('"');
    for (let char = text[at]; char !== '"'; char = text[at]) {
      if (char === undefined || char < ' ') fail();
      if (char === '\\') {
        at++;
        if (!/^(["\\/bfnrt]|u[\da-fA-F]{4})/.test(text.slice(at, at + 5))) fail();
        if (text[at] === 'u') at += 4;
      }
      at++;
    }
    at++;
  };
  const list = (close: string, item: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      skipSpace();
      if (text[at] !== ',') return expect(close);
      at++;
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') return list('}', () => (string(), expect(':'), value()));
    if (char === '[') return list(']', value);
    if (char === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!literal) fail();
    at += literal![0].length;
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return offset;
  }
  return text.length;
}

/** Names the line and column of a JSON syntax error, which editors can jump to. */
function describeJsonError(text: string, error: unknown): string {
  const before = text.slice(0, jsonErrorOffset(text)).split('\n');
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  const reason = (error instanceof Error ? error.message : String(error))
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/,\s*".*" is not valid JSON$/s, '');
  return `${before.length}:${column}: invalid JSON: ${reason}`;
}

async function validateFile(path: string, io: CliIo): Promise<boolean> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    io.stderr(
      `${path}: cannot read the file${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`,
    );
    return false;
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    io.stderr(`${path}:${describeJsonError(text, error)}`);
    return false;
  }

  const { problems } = resolveSettings(input);
  for (const problem of problems) io.stdout(`consentry: ${problem.message}`);
  const count = (level: SettingsProblem['level']) =>
    problems.filter((problem) => problem.level === level).length;
  const errors = count('error');
  const warnings = count('warning');
  const summary = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(
    Boolean,
  );
  io.stdout(`${path}: ${summary.length ? summary.join(', ') : 'valid'}`);
  return errors === 0;
}

/** Runs the CLI and resolves to its exit code; never calls `process.exit` itself. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || argv.includes('--help') || argv.includes('-h')) {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command !== 'validate') {
    io.stderr(`consentry: unknown command "${command}"\n\n${USAGE}`);
    return 1;
  }
  const files = rest.filter((argument) => !argument.startsWith('-'));
  if (!files.length) {
    io.stderr(`consentry validate: give at least one settings file\n\n${USAGE}`);
    return 1;
  }
  let ok = true;
  for (const file of files) ok = (await validateFile(file, io)) && ok;
  return ok ? 0 : 1;
}
