/**
 * From listings to the published dataset: merge papers (src/papers.ts) and build the author
 * records (src/authors.ts). Shared by the enrich step and the tests. Pure.
 */
import type { Dataset, DigestEntry, Paper } from './types.ts';
import { identify, mergeEntries, type Warn } from './papers.ts';
import { authorTable, dedupeNames, prependToTable, tallyAuthors, type AuthorTable } from './authors.ts';

export type { Warn } from './papers.ts';

/**
 * Normalize one listing's authors: drop repeated names (same key), keeping the first spelling.
 * Returns the new entry (its `authorColumns` those of the names kept), the dropped repeats and
 * their indexes in `entry.authors` (for a diagnostic).
 */
export function normalizeEntryAuthors(entry: DigestEntry): { entry: DigestEntry; duplicates: string[]; duplicateAt: number[] } {
  const { unique, duplicates, uniqueAt, duplicateAt } = dedupeNames(entry.authors.map((n) => n.normalize('NFC')));
  if (duplicates.length === 0 && unique.length === entry.authors.length) return { entry, duplicates, duplicateAt };
  const columns = entry.authorColumns;
  const normalized: DigestEntry = { ...entry, authors: unique, ...(columns ? { authorColumns: uniqueAt.map((i) => columns[i]!) } : {}) };
  return { entry: normalized, duplicates, duplicateAt };
}

/** The dataset of these listings (in input order). */
export function buildDataset(entries: readonly DigestEntry[], warn?: Warn): Dataset {
  const { papers, authors } = buildDatasetWithTable(entries, warn);
  return { papers, authors };
}

/** `buildDataset`, with the author table its records are part of (what `prependDataset` adds to). */
export function buildDatasetWithTable(entries: readonly DigestEntry[], warn?: Warn): Dataset & { authorTable: AuthorTable } {
  const papers = mergeEntries(entries, warn);
  const table = authorTable(tallyAuthors(
    papers,
    entries.map((e) => e.authors),
  ));
  return { papers, authors: table.records, authorTable: table };
}

/** A dataset as `prependDataset` extends it: its papers, the author table, and every listing date. */
export interface DatasetBase {
  papers: readonly Paper[];
  authorTable: AuthorTable;
  /** The latest digest date of any of its listings (YYYY-MM-DD), '' when none. */
  latestDate: string;
  /** Every paper id of `papers`. */
  ids: ReadonlySet<string>;
}

/**
 * Whether `entries` (listings of files that `base` did not read) can be put in front of `base`
 * by `prependDataset`: each one's digest date is later than every listing of `base` (so no date
 * is shared with a file of `base` and every new paper sorts before its papers), and names a paper
 * `base` does not have (so no merge reaches into `base`). The source of these conditions is the
 * merge rules of src/papers.ts: listings merge only by paper id and digest date.
 */
export function canPrepend(base: DatasetBase, entries: readonly DigestEntry[]): boolean {
  if (base.papers.length === 0) return false;
  for (const e of entries) {
    if (!(e.date > base.latestDate) || base.ids.has(identify(e.url).id)) return false;
  }
  return true;
}

/**
 * The dataset of `base`'s listings followed by `entries`, exactly as `buildDatasetWithTable` of all
 * of them would build it, when `canPrepend(base, entries)`: the papers of `entries`, merged among
 * themselves, in front of `base.papers`, and the author table with them added. The
 * warnings are those of `entries` alone (`base`'s were reported when it was built).
 */
export function prependDataset(base: DatasetBase, entries: readonly DigestEntry[], warn?: Warn): Dataset & { authorTable: AuthorTable; added: Paper[] } {
  const added = mergeEntries(entries, warn);
  const table = prependToTable(
    base.authorTable,
    added,
    entries.map((e) => e.authors),
  );
  return { papers: [...added, ...base.papers], authors: table.records, authorTable: table, added };
}
