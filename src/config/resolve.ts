import { deepFreeze } from './deep-freeze';
import { DEFAULTS } from './defaults';
import { DEFAULT_PRESET, presets } from './presets';
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
  const { settings: valid, problems } = validateSettings(input);
  const presetName = valid.preset ?? DEFAULT_PRESET;
  const preset = presets[presetName];

  // Settings that give categories replace the preset's entirely; their key order is the display order.
  const categories: { [id: string]: ResolvedSettings['categories'][string] } = Object.create(null);
  const givenCategories = valid.categories ?? preset.categories;
  for (const id of Object.keys(givenCategories)) {
    categories[id] = { ...givenCategories[id], required: givenCategories[id]!.required ?? false };
  }

  const settings: ResolvedSettings = {
    preset: presetName,
    revision: String(valid.revision ?? DEFAULTS.revision),
    language: valid.language,
    categories,
    services: valid.services ?? Object.create(null),
    texts: valid.texts ?? Object.create(null),
    ui: { ...DEFAULTS.ui, ...valid.ui },
    cookie: { ...DEFAULTS.cookie, ...preset.cookie, ...valid.cookie },
    integrations: valid.integrations ?? {},
    regions: valid.regions ?? Object.create(null),
    consentLog: valid.consentLog,
    policy: valid.policy ?? {},
    reloadOnWithdraw: valid.reloadOnWithdraw ?? DEFAULTS.reloadOnWithdraw,
    debug: valid.debug ?? DEFAULTS.debug,
  };
  return { settings: deepFreeze(settings), problems };
}

/** What invalid input resolves to: the `gdpr` preset with every default; the gate stays closed (S2). */
export function safeDefaults(): ResolvedSettings {
  return resolveSettings({}).settings;
}
