import type { StepContext, StepResult } from '../context.ts';
export interface InputFile {
    /** Path relative to the input folder, with `/` separators. */
    path: string;
    /** Absolute path. */
    abs: string;
}
/** Every input file, sorted by path; count: `files`. An unreadable folder is a fatal diagnostic (and no files). */
export declare function discoverStep(ctx: StepContext): Promise<StepResult<InputFile[]>>;
//# sourceMappingURL=discover.d.ts.map