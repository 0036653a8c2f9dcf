/** Messages between the page (src/page/worker-client.ts) and its search worker (src/page/worker.ts). */
import type { Filters, PageHit } from './loader.ts';
import type { MetaRecord } from './format.ts';

export type Request =
  | { type: 'open'; base: string }
  | { type: 'search'; id: number; gen: number; query: string; filters: Filters; limit: number; withMeta: number }
  | { type: 'browse'; id: number; gen: number; filters: Filters; offset: number; limit: number }
  | { type: 'meta'; id: number; shortIds: number[] }
  /**
   * Fetch what `query` will need (term and doc chunks, and the display data of its first
   * `withMeta` results) while the debounce runs; no answer. A newer preload or any search
   * supersedes it.
   */
  | { type: 'preload'; query: string; filters: Filters; limit: number; withMeta: number };

export type Response =
  | { type: 'ready'; documentCount: number; dates: { min: string; max: string } }
  | { type: 'progress'; requested: number; done: number }
  /** `meta`: the records of the first `withMeta` hits, saving a round trip. */
  | { type: 'search'; id: number; hits: PageHit[]; meta: (MetaRecord | null)[]; timings: Record<string, number> }
  | { type: 'browse'; id: number; shortIds: number[]; more: boolean; meta: (MetaRecord | null)[] }
  | { type: 'meta'; id: number; records: (MetaRecord | null)[] }
  | { type: 'stale'; id: number }
  | { type: 'error'; id: number; message: string };
