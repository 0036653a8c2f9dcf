import { type CliFlags, type CliIO } from '../cli-flags.ts';
import type { ResolvedConfig } from '../context.ts';
import { type RunReport } from '../report/report.ts';
/**
 * Runs a no-change rerun of the command `io.argv` (see the module comment) and returns its exit
 * code, or null when the CLI must run instead (nothing was printed then). `root`: the package
 * root, whose dist/build-stamp.json stands for the code that runs. Throws only when printing
 * the outcome fails.
 */
export declare function tryRerun(io: CliIO, root?: string): Promise<number | null>;
/**
 * Records a published run of the command `flags` in `cwd` (the CLI calls it after the run), so
 * that the next run of the same command can be a no-change rerun. Nothing is recorded for a
 * config whose value may depend on more than its files (pipeline/config/compile.ts
 * `configSources`), without a build stamp, or when the input tree cannot be listed.
 */
export declare function recordRerun(run: {
    flags: Pick<CliFlags, 'config' | 'input' | 'output' | 'siteUrl' | 'strict' | 'allowEmpty'>;
    cwd: string;
    config: ResolvedConfig & {
        configFile: string | null;
    };
    report: RunReport;
}, root?: string): Promise<void>;
//# sourceMappingURL=rerun.d.ts.map