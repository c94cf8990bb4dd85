/**
 * Tables looked up by what people type. A plain object literal answers "constructor",
 * "toString" or "__proto__" with something from Object.prototype, so a typed word could
 * become a function or a prototype. These helpers make such words ordinary words.
 */

/** A fixed table of words ("add" means "log") as a Map. */
export function wordTable<V>(entries: Readonly<Record<string, V>>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

/** The value stored under `key` in a record read from a file, never one inherited from Object.prototype. */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record with no prototype, for filling with keys people chose (names, ids). */
export function nullRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
