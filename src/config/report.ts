import type { SettingsProblem } from './types';

/** The part of `console` that reporting needs; tests pass a fake. */
export interface ProblemConsole {
  error(message: string): void;
  warn(message: string): void;
}

/** S2: one console line per problem — errors via `console.error`, warnings via `console.warn`. */
export function reportProblems(problems: readonly SettingsProblem[], output: ProblemConsole): void {
  for (const problem of problems) {
    const message = `consentry: ${problem.message}`;
    if (problem.level === 'error') output.error(message);
    else output.warn(message);
  }
}
