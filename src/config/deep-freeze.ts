/** DESIGN.md "Inputs fail closed": settings are validated once, then frozen, so no layer can change them later. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as { [key: string]: unknown })[key]);
  }
  return value;
}
