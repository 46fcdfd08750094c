import { FORMATS } from './formats';
import { addProblem, childPath, showValue } from './problems';
import type { SettingsProblem } from './types';

/** The JSON Schema (draft-07) subset that ts-json-schema-generator emits for types.ts. */
export interface JsonSchema {
  $ref?: string;
  definitions?: { [name: string]: JsonSchema };
  type?: string | string[];
  properties?: { [key: string]: JsonSchema };
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}

export interface CheckContext {
  readonly root: JsonSchema;
  readonly problems: SettingsProblem[];
  /** Values left to visit; hostile input (huge or self-referencing object graphs) runs out and is refused. */
  budget: number;
}

/** Thrown when the budget runs out; `validateSettings` turns it into one error. */
export const TOO_LARGE = 'too large';

/** Keys that would reach an object's prototype if copied (prototype pollution). */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Nesting deeper than this is refused: no settings need it, and it stops cycles and stack overflows. */
const MAX_DEPTH = 16;

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  // Only local refs (`#/definitions/Name`) are emitted.
  while (schema.$ref) schema = root.definitions?.[schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1)] ?? {};
  return schema;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return Number.isFinite(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  if (type === 'null') return value === null;
  return typeof value === type;
}

/** A schema without `type` accepts every type. */
const typeMatches = (value: unknown, type: JsonSchema['type']): boolean =>
  type === undefined || ([] as string[]).concat(type).some((name) => hasType(value, name));

/** `["string", "number"]` → `a string or a number`. */
const describeTypes = (types: JsonSchema['type'][]): string =>
  ([] as (string | undefined)[])
    .concat(...types)
    .map((type) => (/^[aeiou]/.test(String(type)) ? 'an ' : 'a ') + type)
    .join(' or ');

/**
 * Checks `value` against `schema` and returns a clean copy, or `undefined` when the value is dropped.
 * S2: one problem per bad value, naming its path; invalid parts are dropped so defaults apply; unknown
 * keys are dropped with a warning. Copies are built on `Object.create(null)` and never receive
 * `__proto__`, `constructor` or `prototype`.
 */
export function checkValue(
  value: unknown,
  schemaOrRef: JsonSchema,
  path: string,
  context: CheckContext,
  depth = 0,
): unknown {
  const { root, problems } = context;
  const schema = resolveRef(schemaOrRef, root);
  const fail = (text: string): undefined =>
    void addProblem(problems, 'error', path, `${showValue(value)} ${text}`);

  if (value === undefined) return undefined;
  if (--context.budget < 0) throw new Error(TOO_LARGE);

  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // The generator's unions differ by type (`string | { … }`): check against the first branch of the
    // value's type, so a bad value gets the one problem of its own branch.
    const branch = branches.find((option) => typeMatches(value, resolveRef(option, root).type));
    if (branch) return checkValue(value, branch, path, context, depth);
    return fail(`is not ${describeTypes(branches.map((option) => resolveRef(option, root).type))}`);
  }

  if (!typeMatches(value, schema.type)) return fail(`is not ${describeTypes([schema.type])}`);
  if (schema.enum && !schema.enum.includes(value))
    return fail(`is not one of ${schema.enum.map(showValue).join(', ')}`);
  if ('const' in schema && value !== schema.const) return fail(`is not ${showValue(schema.const)}`);

  if (typeof value === 'number') {
    if (value < (schema.minimum ?? -Infinity)) return fail(`is below the minimum ${schema.minimum}`);
    if (value > (schema.maximum ?? Infinity)) return fail(`is above the maximum ${schema.maximum}`);
  }

  if (typeof value === 'string') {
    if (value.length < (schema.minLength ?? 0)) return fail(`is shorter than ${schema.minLength} characters`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      return fail(`does not match ${schema.pattern}`);
    const format = schema.format === undefined ? undefined : FORMATS[schema.format];
    if (format && !format[0].test(value)) return fail(format[1]);
  }

  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return fail('is nested too deeply');

  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let index = 0; index < value.length; index++) {
      const item = checkValue(value[index], schema.items ?? {}, childPath(path, index), context, depth + 1);
      if (item !== undefined) copy.push(item);
    }
    return copy;
  }

  const copy: { [key: string]: unknown } = Object.create(null);
  const dropped: string[] = [];
  const extra = schema.additionalProperties;
  for (const key of Object.keys(value)) {
    const at = childPath(path, key);
    const keySchema = FORBIDDEN_KEYS.includes(key)
      ? undefined
      : schema.properties && hasOwn(schema.properties, key)
        ? schema.properties[key]
        : extra === false
          ? undefined
          : typeof extra === 'object'
            ? extra
            : {};
    if (!keySchema) {
      addProblem(problems, 'warning', at, 'unknown key, ignored');
      continue;
    }
    let item: unknown;
    try {
      item = (value as { [key: string]: unknown })[key];
    } catch {
      // A getter that throws is a bad value like any other, not a crash (S2).
      addProblem(problems, 'error', at, 'could not be read');
      dropped.push(key);
      continue;
    }
    const checked = checkValue(item, keySchema, at, context, depth + 1);
    if (checked !== undefined) copy[key] = checked;
    else if (item !== undefined) dropped.push(key);
  }
  for (const key of schema.required ?? []) {
    if (key in copy) continue;
    // A required key that was present but invalid has been reported already: one problem per bad value.
    if (!dropped.includes(key)) addProblem(problems, 'error', childPath(path, key), 'is required');
    return undefined;
  }
  return copy;
}
