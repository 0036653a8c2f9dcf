import type { Config } from '../../src/config.ts';
import type { ReportDiagnostic } from './diagnostics.ts';
import type { RunReport } from './report.ts';
/** Annotations GitHub shows per severity and step. */
export declare const ANNOTATION_CAP = 10;
export { inGitHubActions } from './outcome.ts';
/**
 * The path GitHub can link of an input file: relative to the repository (`workspace`) when the
 * file is inside it, else absolute; null for the pipeline's own diagnostics (no file).
 */
export declare function annotationPath(file: string, inputDir: string, workspace: string | undefined): string | null;
/** One workflow command for `d`. */
export declare function annotation(d: ReportDiagnostic, file: string | null): string;
/**
 * The lines to print on stdout for `diagnostics` (report.json's list): at most `cap` commands
 * per severity, then one plain line counting what was left out, if anything.
 */
export declare function annotationLines(diagnostics: readonly ReportDiagnostic[], options: {
    inputDir: string;
    workspace?: string | undefined;
    cap?: number;
}): string[];
/**
 * The job summary of a run, as Markdown: the outcome and why, counts, warnings by rule (and what
 * the config turned off), the feeds with their URLs, the artifacts, the cache and the timings.
 * `config` names the feeds and the site URL they are served from.
 */
export declare function stepSummary(report: RunReport, config: Pick<Config, 'site' | 'feeds'>): string;
/** Appends `markdown` to the file `$GITHUB_STEP_SUMMARY` names (nothing without one). */
export declare function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): Promise<void>;
//# sourceMappingURL=github.d.ts.map