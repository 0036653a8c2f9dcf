import type { ReportDiagnostic } from './diagnostics.ts';
/** Messages shown per rule before the rest is counted. */
export declare const PER_RULE = 3;
/** Width when the output is not a terminal (or reports none). */
export declare const DEFAULT_WIDTH = 100;
export interface TerminalOptions {
    /** Columns per line (default 100). */
    width?: number;
    /** Messages shown per rule (default 3). */
    perRule?: number;
    /** Colours the severity (ANSI escapes). */
    color?: boolean;
    /**
     * How an input file's path (relative to the input folder, as the report keeps it) is shown:
     * by default as it is; the CLI shows it from the shell's folder (pipeline/report/outcome.ts).
     */
    pathOf?: (file: string) => string;
}
/** Indent of a wrapped line's continuation lines. */
export declare const CONTINUATION = "    ";
/** Terminal columns of `text` (Hangul, CJK and most emoji take two). */
export declare function columns(text: string): number;
/** `text` cut to `width` terminal columns, the last one an ellipsis when it was cut. */
export declare function fit(text: string, width: number): string;
/**
 * `text` (whitespace runs read as one space) as lines of at most `width` columns, broken at
 * spaces. The first line starts with `lead` (kept whole; e.g. a diagnostic's place, severity and
 * rule), every later one with `indent` (CONTINUATION by default). No text is lost, except that a
 * word wider than a whole line is cut with an ellipsis (`fit`).
 */
export declare function wrap(text: string, width: number, options?: {
    lead?: string;
    indent?: string;
}): string[];
/**
 * The lines that show `diagnostics` (in their order, report.json's): the first `perRule` of each
 * rule id, then one line per rule that had more, e.g.
 * `… 200 more author-duplicate warnings (203 in all; every one is in report.json)`.
 */
export declare function diagnosticLines(diagnostics: readonly ReportDiagnostic[], options?: TerminalOptions): string[];
//# sourceMappingURL=terminal.d.ts.map