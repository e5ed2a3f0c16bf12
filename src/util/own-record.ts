// Records keyed by user-given ids (facts, sources, bases, series, units) →
// objects without a prototype, so `record['constructor']` or
// `record['__proto__']` finds only what the user wrote.

/** An empty record with no prototype. */
export function ownRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A copy with no prototype: JSON.parse (the disk cache) gives Object.prototype back. */
export function toOwnRecord<T>(from: Record<string, T>): Record<string, T> {
  return Object.assign(ownRecord<T>(), from);
}

/** The value under a user-given key, if the record has it as its own. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
