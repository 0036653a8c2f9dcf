/** Term vectors as the parse workers send them: batches over one growing dictionary per worker. */
import { describe, expect, it } from 'vitest';
import { IndexBuilder } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { analyzeDocument } from '../../../src/search/vectors.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { docKey, VectorBatcher, VectorBatchReader } from '../../../pipeline/parse/vectors.ts';
import { fixtureDataset } from '../../fixtures/page/dataset.ts';

describe('vector batches', () => {
  const docs = fixtureDataset().papers.map(toSearchDocument);
  const fresh = (): string => {
    const b = new IndexBuilder();
    for (const d of docs) b.add(d, analyzeDocument(d));
    return indexJsonText(b.finish());
  };

  it('send each term once per worker and rebuild the same index as fresh vectors', () => {
    const batcher = new VectorBatcher();
    const reader = new VectorBatchReader();
    const builder = new IndexBuilder();
    let sent = 0;
    // Three answers from one worker; their terms overlap.
    for (const slice of [docs.slice(0, 3), docs.slice(3, 7), docs.slice(7)]) {
      const batch = batcher.encode(slice.map((d) => [docKey(d), d]));
      sent += batch.dictAdded.length;
      const table = reader.read(batch);
      expect(table.keys).toEqual(slice.map((d) => docKey(d)));
      slice.forEach((d, row) => builder.add(d, { table, row }));
    }
    expect(reader.dict.length).toBe(sent);
    expect(new Set(reader.dict).size).toBe(sent); // no term sent twice
    expect(indexJsonText(builder.finish())).toBe(fresh());
  });
});
