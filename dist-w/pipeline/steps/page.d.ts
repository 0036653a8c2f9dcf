import type { Dataset } from '../../src/types.ts';
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
export interface PageInput {
    dataset: Dataset;
    /** The index the index step built: saves building it a second time. */
    index?: BuiltIndex;
}
/** The page's artifacts, sorted by path. Builds the index when `input.index` is absent. */
export declare function pageStep(ctx: StepContext, { dataset, index: built }: PageInput): Promise<StepResult<Artifact[]>>;
//# sourceMappingURL=page.d.ts.map