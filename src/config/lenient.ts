import { layOver } from './lay-over';
import type { ConsentrySettings, ResolvedSettings } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The script tag's synchronous read of the settings: no schema, no messages — the full validator
 * comes with the deferred part and reports every problem (S2), a moment later. This read only has to
 * fail closed: what opens a door is compared strictly where it is read (`required === true`,
 * `mode === 'advanced'`, `enabled !== false` keeps a service closed otherwise), categories that are
 * not objects give the preset's, a section of another wrong type reads as empty, and input that
 * cannot be read at all gives the safe defaults, with the gate closed.
 */
export function readSettingsLeniently(input: unknown): ResolvedSettings {
  try {
    if (!isObject(input)) return layOver({});
    const { categories } = input;
    const valid = isObject(categories) && Object.values(categories).every(isObject);
    return layOver((valid ? input : { ...input, categories: undefined }) as ConsentrySettings);
  } catch {
    return layOver({});
  }
}
