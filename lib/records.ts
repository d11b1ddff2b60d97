/**
 * A record's own value for a key that came from outside (a payload, a form, a label), never one
 * inherited from Object.prototype: `map["constructor"]` is a function, `map["__proto__"]` an object.
 */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
