/**
 * The verdict of a run: its diagnostics counted by severity, the problems that keep it from
 * publishing, and the exit code (0 = publish, 1 = publish nothing). The rules (pipeline/cli.ts
 * lists them for the user): any fatal diagnostic fails the run; under --strict so does any
 * warning; a run that found no paper fails unless --allow-empty.
 */
import type { VFile } from 'vfile';
import type { ReportDiagnostic, SerializedMessage } from './diagnostics.ts';
import { collectMessages, reportDiagnostics } from './report.ts';

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
export function judge(files: Iterable<VFile>, counts: Record<string, number>, artifacts: number, options: VerdictOptions): Verdict {
  const messages = collectMessages(files);
  const diagnostics = reportDiagnostics(messages);
  const fatal = diagnostics.filter((d) => d.severity === 'fatal').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const problems: string[] = [];
  if (fatal > 0) problems.push(`${fatal} fatal diagnostic(s)`);
  if (options.strict && warnings > 0) problems.push(`${warnings} warning(s) under --strict`);
  if (fatal === 0 && (counts.papers ?? 0) === 0 && !options.allowEmpty) {
    problems.push(`no papers found in ${options.inputDir} (pass --allow-empty to publish an empty dataset)`);
  }
  const exitCode: 0 | 1 = problems.length > 0 ? 1 : 0;
  if (exitCode === 1) problems.push(`nothing published: ${options.outputDir} is unchanged`);
  return {
    exitCode,
    problems,
    messages,
    diagnostics,
    counts: { ...counts, fatal, warnings, info: diagnostics.length - fatal - warnings, artifacts },
  };
}
