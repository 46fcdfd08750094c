/**
 * Untouched copies of the DOM functions the gate replaces, taken before anything else can patch them.
 * The gate calls these; the page calls the guarded versions.
 */
export type Setter = (this: unknown, value: unknown) => void;

/** The own-or-inherited property descriptor of `name`, walking up from `target`. */
export function descriptorOf(target: object, name: string): PropertyDescriptor | undefined {
  for (let proto: object | null = target; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

/**
 * Replace the setter of an accessor property on a prototype. `guard` decides: call `set(value)`
 * to write, or don't. The getter stays native.
 */
export function guardSetter(
  proto: object,
  name: string,
  guard: (element: never, value: string, set: (value: unknown) => void) => void,
): Setter | undefined {
  const descriptor = descriptorOf(proto, name);
  const nativeSet = descriptor?.set as Setter | undefined;
  if (!descriptor || !nativeSet) return undefined;
  Object.defineProperty(proto, name, {
    ...descriptor,
    set(this: never, value: unknown) {
      guard(this, String(value), (v) => nativeSet.call(this, v));
    },
  });
  return nativeSet;
}
