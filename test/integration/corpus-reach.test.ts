/**
 * Over the real archive (../shared/corpus; skips visibly without it): the saved-query search
 * through the terms a query reaches (src/search/reach.ts `searchBuiltIndex`) answers the eval's
 * rule-generated queries (test/eval/generate.ts, 100 per kind, seeded) exactly as the client over
 * the whole index does: the same hits, order and scores.
 */
import { describe, expect, it } from 'vitest';
import { createSearchClient } from '../../src/search/client.ts';
import { buildIndex } from '../../src/search/index-builder.ts';
import { postingsText } from '../../src/search/index-json.ts';
import { loadMiniSearchParts } from '../../src/search/load.ts';
import { toSearchDocument } from '../../src/search/options.ts';
import { searchBuiltIndex } from '../../src/search/reach.ts';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../helpers/corpus.ts';
import { loadDataset } from '../eval/corpus.ts';
import { DEFAULT_SEED, generateQueries, KINDS } from '../eval/generate.ts';

if (!CORPUS_PRESENT) console.warn(`corpus-reach.test.ts:${CORPUS_SKIP}`);

describe.skipIf(!CORPUS_PRESENT)(`saved-query search over the real corpus at ${CORPUS}${CORPUS_SKIP}`, () => {
  it('answers 100 generated queries per eval kind as the whole index does, for both match modes', () => {
    const { papers } = loadDataset(CORPUS);
    const index = buildIndex(papers.map(toSearchDocument));
    const whole = createSearchClient(loadMiniSearchParts(index.head, index.terms, (i) => postingsText(index, i)));
    const evalPapers = papers.map((p) => ({ id: p.id, title: p.title, authors: p.authors, summary: p.summary.map((s) => ({ label: s.label ?? '', text: s.text })) }));
    const { queries } = generateQueries(evalPapers, DEFAULT_SEED + 1, 100);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(KINDS));
    let hits = 0;
    for (const { kind, query } of queries) {
      for (const options of [{ limit: Infinity }, { match: 'all' as const, limit: Infinity }]) {
        const expected = whole.search(query, options);
        hits += expected.length;
        expect(searchBuiltIndex(index, query, options), `${kind}: ${query} ${JSON.stringify(options)}`).toEqual(expected);
      }
    }
    expect(hits).toBeGreaterThan(queries.length * 2);
  }, 300_000);
});
