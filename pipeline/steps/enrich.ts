/**
 * Step "enrich": arXiv ids and links, the merge of a paper listed on several days or twice,
 * the dataset order and the author records. The rules live in src/papers.ts and src/authors.ts.
 */
import type { Dataset, DigestEntry } from '../../src/types.ts';
import { buildDataset } from '../../src/dataset.ts';
import type { StepContext } from '../context.ts';

export function enrichStep(ctx: StepContext, entries: readonly DigestEntry[]): Dataset {
  return buildDataset(entries, (entry, reason, ruleId) => {
    ctx.file(entry.source.file).message(reason, {
      place: { line: entry.source.line, column: entry.source.column },
      ruleId,
      source: 'pipeline:enrich',
    });
  });
}
