/**
 * From listings to the published dataset: merge papers (src/papers.ts) and build the author
 * records (src/authors.ts). Shared by the enrich step and the tests. Pure.
 */
import type { Dataset, DigestEntry } from './types.ts';
import { type Warn } from './papers.ts';
export type { Warn } from './papers.ts';
/**
 * Normalize one listing's authors: drop repeated names (same key), keeping the first spelling.
 * Returns the new entry and the dropped repeats (for a diagnostic).
 */
export declare function normalizeEntryAuthors(entry: DigestEntry): {
    entry: DigestEntry;
    duplicates: string[];
};
export declare function buildDataset(entries: readonly DigestEntry[], warn?: Warn): Dataset;
//# sourceMappingURL=dataset.d.ts.map