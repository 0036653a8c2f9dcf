/**
 * Step "enrich": arXiv ids and links, the merge of a paper listed on several days or twice,
 * the dataset order and the author records. The rules live in src/papers.ts and src/authors.ts.
 * Also the dataset's own files, papers.json and authors.json (`datasetArtifacts`).
 */
import type { Dataset, DigestEntry } from '../../src/types.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { PartedArtifact } from '../publish/artifact.ts';
/** The dataset of these (author-normalized) entries; counts: `papers`, `authors`. */
export declare function enrichStep(ctx: StepContext, entries: readonly DigestEntry[]): StepResult<Dataset>;
/**
 * papers.json (`{"papers":[...]}`) and authors.json (`{"authors":[...]}`) of a dataset. Each
 * paper's line is noted as its content (pipeline/cache/paper-digest.ts), for the caches keyed by it.
 */
export declare function datasetArtifacts(dataset: Dataset): PartedArtifact[];
//# sourceMappingURL=enrich.d.ts.map