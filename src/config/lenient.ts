import { layOver } from './lay-over';
import type { ConsentrySettings, ResolvedSettings } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The sections that must be objects, or the code reading them would misread or throw. */
const OBJECT_SECTIONS = [
  'categories',
  'services',
  'texts',
  'ui',
  'cookie',
  'integrations',
  'regions',
  'policy',
];

/**
 * The script tag's synchronous read of the settings: no schema, no messages — the full validator
 * comes with the deferred part and reports every problem (S2), a moment later. This read only has to
 * fail closed: a section of the wrong type is dropped, what opens a door is compared strictly
 * (`required === true`, `mode === 'advanced'`, `enabled !== false` keeps a service closed otherwise),
 * and input that cannot be read at all gives the safe defaults, with the gate closed.
 */
export function readSettingsLeniently(input: unknown): ResolvedSettings {
  try {
    if (!isObject(input)) return layOver({});
    const copy: Record<string, unknown> = { ...input };
    for (const key of OBJECT_SECTIONS) if (key in copy && !isObject(copy[key])) delete copy[key];
    const categories = copy.categories as Record<string, unknown> | undefined;
    if (categories && !Object.values(categories).every(isObject)) delete copy.categories;
    return layOver(copy as ConsentrySettings);
  } catch {
    return layOver({});
  }
}
