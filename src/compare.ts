/**
 * Code-unit string order: the one order the project sorts by (paths, terms, ids, rule names).
 * Unlike `localeCompare` it depends on no locale or ICU data, so output is byte-identical on
 * every machine. Pure and browser-safe.
 */

/** Negative, zero or positive as `a` sorts before, with or after `b` by UTF-16 code units. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator that orders items by `compareStrings` over one string key of each. */
export function byString<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareStrings(key(a), key(b));
}

/** Orders `[key, value]` entries by key (for `Object.fromEntries` of sorted counts). */
export function byEntryKey<V>(a: readonly [string, V], b: readonly [string, V]): number {
  return compareStrings(a[0], b[0]);
}
