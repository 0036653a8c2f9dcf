/**
 * From listings to the published dataset: merge papers (src/papers.ts) and build the author
 * records (src/authors.ts). Shared by the enrich step and the tests. Pure.
 */
import type { Dataset, DigestEntry } from './types.ts';
import { mergeEntries, type Warn } from './papers.ts';
import { buildAuthorRecords, dedupeNames } from './authors.ts';

export type { Warn } from './papers.ts';

/**
 * Normalize one listing's authors: drop repeated names (same key), keeping the first spelling.
 * Returns the new entry and the dropped repeats (for a diagnostic).
 */
export function normalizeEntryAuthors(entry: DigestEntry): { entry: DigestEntry; duplicates: string[] } {
  const { unique, duplicates } = dedupeNames(entry.authors.map((n) => n.normalize('NFC')));
  return { entry: duplicates.length === 0 && unique.length === entry.authors.length ? entry : { ...entry, authors: unique }, duplicates };
}

export function buildDataset(entries: readonly DigestEntry[], warn?: Warn): Dataset {
  const papers = mergeEntries(entries, warn);
  const authors = buildAuthorRecords(
    papers,
    entries.map((e) => e.authors),
  );
  return { papers, authors };
}
