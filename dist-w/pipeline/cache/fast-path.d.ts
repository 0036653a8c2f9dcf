import type { VFile } from 'vfile';
import type { ResolvedConfig, StepContext, StepResult } from '../context.ts';
import { type FileRecord, type RunReport } from '../report/report.ts';
import type { InputFile } from '../steps/discover.ts';
import type { ReadInput } from '../steps/read.ts';
import { type Manifest } from './manifest.ts';
/** What the fast path needs of the config: its folders and digest. */
export type FastPathConfig = Pick<ResolvedConfig, 'inputDir' | 'outputDir' | 'cacheWorkDir' | 'digest'>;
/** The last published run, as a candidate for reuse by this run. */
export declare class FastPath {
    private readonly manifest;
    private readonly config;
    private readonly version;
    /**
     * @param manifest the last published run's manifest
     * @param config this run's config
     * @param version this run's pipeline version (pipeline/cache/version.ts)
     */
    constructor(manifest: Manifest, config: FastPathConfig, version: string);
    /**
     * The inputs with their recorded hashes (`bytes: null`) when every file's size and modification
     * time match the manifest, or null when any file differs, is new, is gone or has no trusted time.
     * Synchronous stats, in order, stopping at the first difference: thousands of them take a
     * fraction of the time promise-based ones do.
     */
    unchangedByStat(found: readonly InputFile[]): ReadInput[] | null;
    /**
     * True when these inputs (paths, hashes, sizes, in order), the config and the version are those
     * of the manifest, and output/ still holds exactly what its run published: the report's output
     * digest and every artifact's size and modification time. `published`: output/report.json
     * when the caller has already read it (else it is read here).
     */
    reusable(read: readonly ReadInput[], published?: Partial<RunReport>): Promise<boolean>;
    /**
     * Reuses the published run: attaches its diagnostics to the files `file` hands out and returns
     * its counts (every count of that run) and its artifacts (report.json aside, sorted by path).
     */
    reuse(file: (path: string) => VFile): ReusedRun;
    /**
     * Rewrites the manifest with the inputs' current modification times where they can be trusted
     * (inputs unchanged by content but not by time stamp: a fresh checkout, a touched file), so that
     * the next run needs only stats. `runStartedMs`: wall clock at the start of this run.
     */
    refreshTimes(runStartedMs: number): Promise<void>;
}
/** What the reused run published: its counts and artifacts (see `FastPath#reuse`). */
export interface ReusedRun {
    counts: Record<string, number>;
    artifacts: FileRecord[];
}
/** Step "reuse": the last published run stands; its diagnostics are reported again. Count: `artifacts`. */
export declare function reuseStep(ctx: StepContext, fastPath: FastPath): StepResult<ReusedRun>;
//# sourceMappingURL=fast-path.d.ts.map