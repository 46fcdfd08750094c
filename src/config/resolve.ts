import { layOver } from './lay-over';
import type { ResolvedSettings, SettingsProblem } from './types';
import { validateSettings } from './validate';

/**
 * Validates settings, lays them over their preset and the defaults, and freezes the result.
 * Never throws: whatever is invalid is dropped (and listed in `problems`), so defaults apply (S2).
 *
 * @example
 * const { settings, problems } = resolveSettings({ preset: 'ru-152fz', policy: { … } });
 * reportProblems(problems, console);
 */
export function resolveSettings(input: unknown): { settings: ResolvedSettings; problems: SettingsProblem[] } {
  const { settings, problems } = validateSettings(input);
  return { settings: layOver(settings), problems };
}

/** What invalid input resolves to: the `gdpr` preset with every default; the gate stays closed (S2). */
export function safeDefaults(): ResolvedSettings {
  return layOver({});
}
