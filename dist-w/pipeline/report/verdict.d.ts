/**
 * The verdict of a run: its diagnostics counted by severity, the problems that keep it from
 * publishing, and the exit code (0 = publish, 1 = publish nothing). The rules (pipeline/cli.ts
 * lists them for the user): any fatal diagnostic fails the run; under --strict so does any
 * warning; a run that found no paper fails unless --allow-empty.
 */
import type { VFile } from 'vfile';
import type { ReportDiagnostic, SerializedMessage } from './diagnostics.ts';
export interface VerdictOptions {
    strict: boolean;
    allowEmpty: boolean;
    inputDir: string;
    outputDir: string;
}
export interface Verdict {
    exitCode: 0 | 1;
    /** Why the run fails, in words (empty when it publishes). */
    problems: string[];
    /** Every message of every file, by file path (sorted): what the manifest keeps. */
    messages: Record<string, SerializedMessage[]>;
    /** The same messages as report.json lists them (sorted by file, place, rule). */
    diagnostics: ReportDiagnostic[];
    /** The run's counts plus `fatal`, `warnings`, `info` (diagnostics) and `artifacts`. */
    counts: Record<string, number>;
}
/**
 * Judges a run from the diagnostics of its `files`, its `counts` (`papers` is the one that
 * matters: none is a failure) and the number of artifacts it wrote (report.json aside).
 */
export declare function judge(files: Iterable<VFile>, counts: Record<string, number>, artifacts: number, options: VerdictOptions): Verdict;
//# sourceMappingURL=verdict.d.ts.map