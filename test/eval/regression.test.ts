/**
 * The 104 hand-written known-item queries (test/eval/queries.ts) as a regression test over the
 * real corpus: each must find its paper in the first 10 results, an arXiv ID at rank 1.
 * Skipped, visibly, when the corpus is absent (test/helpers/corpus.ts: `DAILY_PAPERS_CORPUS` or ../shared/corpus).
 */
import { CORPUS_SKIP } from '../helpers/corpus.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexOf } from '../../pipeline/steps/search-index.ts';
import { loadSearchIndex } from '../../src/search/client.ts';
import type { SearchClient } from '../../src/search/client.ts';
import { indexJsonText } from '../../src/search/index-json.ts';
import { CORPUS, corpusAvailable, loadDataset } from './corpus.ts';
import { QUERIES } from './queries.ts';

const present = corpusAvailable();

describe.skipIf(!present)(`hand-written search queries on the real corpus${CORPUS_SKIP}`, () => {
  let client: SearchClient;
  beforeAll(() => {
    client = loadSearchIndex(indexJsonText(buildIndexOf(loadDataset()).index));
  }, 120_000);

  it.each(QUERIES.map((q) => [q.kind, q.query, q.id] as const))('%s: %s -> %s', (kind, query, id) => {
    const ids = client.search(query, { limit: 10 }).map((h) => h.id);
    if (kind === 'arxiv') expect(ids[0]).toBe(id);
    else expect(ids).toContain(id);
  });
});
