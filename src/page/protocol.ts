/** Messages between the page (src/page/worker-client.ts) and its search worker (src/page/worker.ts). */
import type { Filters, PageHit } from './loader.ts';
import type { AuthorEntry, MetaRecord, PaperRecord } from './format.ts';
import type { Sort } from './sort.ts';

/** What a list is narrowed to and ordered by, beyond the date and votes filters. */
export interface ListOptions {
  /** Only this author's papers (an author key), or null. */
  author: string | null;
  sort: Sort;
}

export type Request =
  | { type: 'open'; base: string }
  | ({ type: 'search'; id: number; gen: number; query: string; filters: Filters; limit: number; withMeta: number } & ListOptions)
  | ({ type: 'browse'; id: number; gen: number; filters: Filters; offset: number; limit: number } & ListOptions)
  | { type: 'meta'; id: number; shortIds: number[] }
  /** The person behind an author key (null when no paper has it). */
  | { type: 'author'; id: number; key: string }
  /** A paper by its id: its meta record, what its page adds and its related papers (null when there is none). */
  | { type: 'paper'; id: number; paperId: string }
  /**
   * Fetch what `query` will need (term and doc chunks, and the display data of its first
   * `withMeta` results) while the debounce runs; no answer. A newer preload or any search
   * supersedes it.
   */
  | { type: 'preload'; query: string; filters: Filters; limit: number; withMeta: number };

/** A paper's own page: its short id, meta record, page record and related papers (short ids, most similar first). */
export interface PaperAnswer {
  shortId: number;
  meta: MetaRecord;
  record: PaperRecord;
  related: number[];
}

export type Response =
  | { type: 'ready'; documentCount: number; dates: { min: string; max: string } }
  | { type: 'progress'; requested: number; done: number }
  /** `meta`: the records of the first `withMeta` hits, saving a round trip. */
  | { type: 'search'; id: number; hits: PageHit[]; meta: (MetaRecord | null)[]; timings: Record<string, number> }
  | { type: 'browse'; id: number; shortIds: number[]; more: boolean; meta: (MetaRecord | null)[] }
  | { type: 'meta'; id: number; records: (MetaRecord | null)[] }
  | { type: 'author'; id: number; author: AuthorEntry | null }
  | { type: 'paper'; id: number; paper: PaperAnswer | null }
  | { type: 'stale'; id: number }
  /** `updated`: the site was rebuilt since the page opened (its search data moved); reloading the page shows the new one. */
  | { type: 'error'; id: number; message: string; updated?: boolean };
