import schema from '../../schema/consentry.schema.json';
import { checkAcrossFields } from './cross-checks';
import { DEFAULT_PRESET, presets } from './presets';
import { addProblem, MAX_PROBLEMS } from './problems';
import { checkValue, TOO_LARGE, type CheckContext, type JsonSchema } from './schema-check';
import type { ConsentrySettings, SettingsProblem } from './types';

/** Values visited at most: far beyond real settings, small enough that hostile input cannot hang the page. */
const BUDGET = 100_000;

/**
 * S1, S2: checks settings against the generated JSON Schema, then the rules that span fields.
 * Never throws. Returns a clean copy holding only the valid parts, and one problem per bad value.
 *
 * @example
 * const { settings, problems } = validateSettings(JSON.parse(text));
 */
export function validateSettings(input: unknown): {
  settings: ConsentrySettings;
  problems: SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  const context: CheckContext = { root: schema as JsonSchema, problems, budget: BUDGET };
  let settings: ConsentrySettings;
  try {
    settings = (checkValue(input, context.root, 'settings', context) as ConsentrySettings | undefined) ?? {};
    const preset = presets[settings.preset ?? DEFAULT_PRESET];
    checkAcrossFields(settings, preset, Object.keys(settings.categories ?? preset.categories), problems);
  } catch (error) {
    // Proxies, exotic objects or sheer size: refuse the whole input rather than keep half of it.
    settings = {};
    const tooLarge = error instanceof Error && error.message === TOO_LARGE;
    addProblem(problems, 'error', 'settings', tooLarge ? 'is too large' : 'could not be read');
  }
  if (problems.length >= MAX_PROBLEMS) {
    problems.length = MAX_PROBLEMS;
    problems.push({
      level: 'error',
      path: 'settings',
      message: 'settings: more problems follow; fix these first',
    });
  }
  return { settings, problems };
}
