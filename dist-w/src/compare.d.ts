/**
 * Code-unit string order: the one order the project sorts by (paths, terms, ids, rule names).
 * Unlike `localeCompare` it depends on no locale or ICU data, so output is byte-identical on
 * every machine. Pure and browser-safe.
 */
/** Negative, zero or positive as `a` sorts before, with or after `b` by UTF-16 code units. */
export declare function compareStrings(a: string, b: string): number;
/** A comparator that orders items by `compareStrings` over one string key of each. */
export declare function byString<T>(key: (item: T) => string): (a: T, b: T) => number;
/** Orders `[key, value]` entries by key (for `Object.fromEntries` of sorted counts). */
export declare function byEntryKey<V>(a: readonly [string, V], b: readonly [string, V]): number;
//# sourceMappingURL=compare.d.ts.map