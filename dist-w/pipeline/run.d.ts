import type { VFile } from 'vfile';
import { type ResolvedConfig } from './context.ts';
import { type FeedsThreadOption } from './feeds/thread.ts';
import { RunLogger } from './report/logger.ts';
import { type RunReport } from './report/report.ts';
export interface RunOptions {
    config: ResolvedConfig;
    strict?: boolean;
    /** Ignore the cache: neither read nor write it (a cold run). */
    noCache?: boolean;
    allowEmpty?: boolean;
    logger?: RunLogger;
    /** Parse workers: 'auto' (default) or a fixed count (0 = main thread). */
    workers?: number | 'auto';
    /** The feeds thread (pipeline/feeds/thread.ts): 'auto' (default: by input size and cores), or forced on or off. */
    feedsThread?: FeedsThreadOption;
    /** The clock, for the report's timestamps only. */
    now?: () => Date;
}
export interface RunResult {
    exitCode: 0 | 1;
    report: RunReport;
    published: boolean;
    /** Every diagnostics file, sorted by path. */
    files: VFile[];
}
export declare function runPipeline(options: RunOptions): Promise<RunResult>;
//# sourceMappingURL=run.d.ts.map