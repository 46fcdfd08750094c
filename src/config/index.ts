// The settings layer's public surface (DESIGN.md: entry files only re-export).
export type * from './types';
export { resolveSettings, safeDefaults } from './resolve';
export { readSettingsLeniently } from './lenient';
export { layOver } from './lay-over';
export { validateSettings } from './validate';
export { reportProblems, type ProblemConsole } from './report';
export { presets, DEFAULT_PRESET, type Preset } from './presets';
export { KNOWN_SERVICE_IDS } from './known-services';
