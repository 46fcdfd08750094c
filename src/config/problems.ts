import type { SettingsProblem } from './types';

/** S2: a hostile or huge input must not flood the console; past this many problems the rest are summed up. */
export const MAX_PROBLEMS = 50;

/** Records one problem; the message is `path: text` (the `consentry: ` prefix is added when printed). */
export function addProblem(
  problems: SettingsProblem[],
  level: SettingsProblem['level'],
  path: string,
  text: string,
): void {
  if (problems.length < MAX_PROBLEMS) problems.push({ level, path, message: `${path}: ${text}` });
}

/** S2: paths read like JavaScript: `.key`, `[index]`, and `["odd key"]` for keys that are not identifiers. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Shows a bad value in a message: strings quoted (and shortened), numbers and literals as written. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
