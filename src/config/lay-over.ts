import { deepFreeze } from './deep-freeze';
import { DEFAULTS } from './defaults';
import { DEFAULT_PRESET, presets } from './presets';
import type { ConsentrySettings, ResolvedSettings } from './types';

/**
 * Lays settings over their preset and the defaults, and freezes the result. It does not check
 * them: `resolveSettings` gives it a validated copy, the script tag's synchronous start an unchecked
 * one (`readSettingsLeniently`), so what opens a door is compared strictly here (`required === true`).
 */
export function layOver(valid: ConsentrySettings): ResolvedSettings {
  const presetName = valid.preset && valid.preset in presets ? valid.preset : DEFAULT_PRESET;
  const preset = presets[presetName];

  // Settings that give categories replace the preset's entirely; their key order is the display order.
  const categories: { [id: string]: ResolvedSettings['categories'][string] } = Object.create(null);
  const givenCategories = valid.categories ?? preset.categories;
  for (const id of Object.keys(givenCategories)) {
    categories[id] = { ...givenCategories[id], required: givenCategories[id]!.required === true };
  }

  return deepFreeze({
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
  });
}
