/**
 * Diagnostics as a terminal shows them: one line each, `file:line:column  severity  rule  reason`
 * (the rule id, as the config's `diagnostics` names it),
 * at most a few per rule (the rest counted in one line: report.json keeps every one), each line
 * cut to the terminal width with an ellipsis. The location comes first so that terminals and
 * editors can open it.
 */
import type { ReportDiagnostic, Severity } from './diagnostics.ts';

/** Messages shown per rule before the rest is counted. */
export const PER_RULE = 3;

/** Width when the output is not a terminal (or reports none). */
export const DEFAULT_WIDTH = 100;

const LABEL: Record<Severity, string> = { fatal: 'error', warning: 'warning', info: 'info' };

export interface TerminalOptions {
  /** Columns per line (default 100). */
  width?: number;
  /** Messages shown per rule (default 3). */
  perRule?: number;
  /** Colours the severity (ANSI escapes). */
  color?: boolean;
}

/** `text` cut to `width` code points, the last one an ellipsis when it was cut. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(width - 1, 0)).join('')}…`;
}

/**
 * The lines that show `diagnostics` (in their order, report.json's): the first `perRule` of each
 * rule id, then one line per rule that had more, e.g.
 * `… 200 more author-duplicate warnings (203 in all; every one is in report.json)`.
 */
export function diagnosticLines(diagnostics: readonly ReportDiagnostic[], options: TerminalOptions = {}): string[] {
  const width = Math.max(options.width ?? DEFAULT_WIDTH, 40);
  const perRule = options.perRule ?? PER_RULE;
  const paint = (severity: Severity, text: string): string =>
    options.color ? `\x1b[${severity === 'fatal' ? 31 : severity === 'warning' ? 33 : 36}m${text}\x1b[39m` : text;
  const seen = new Map<string, { total: number; severity: Severity }>();
  const lines: string[] = [];
  for (const d of diagnostics) {
    const rule = seen.get(d.ruleId) ?? { total: 0, severity: d.severity };
    rule.total++;
    seen.set(d.ruleId, rule);
    if (rule.total > perRule) continue;
    const label = LABEL[d.severity];
    const line = fit(`${d.file}:${d.line}:${d.column}  ${label}  ${d.ruleId}  ${d.reason.replace(/\s+/g, ' ')}`, width);
    // The colour goes around the label only, after the cut (escapes take no columns).
    lines.push(options.color ? line.replace(`  ${label}  `, `  ${paint(d.severity, label)}  `) : line);
  }
  for (const [rule, { total, severity }] of seen) {
    if (total <= perRule) continue;
    const kind = severity === 'fatal' ? 'errors' : severity === 'warning' ? 'warnings' : 'notes';
    lines.push(fit(`… ${total - perRule} more ${rule} ${kind} (${total} in all; every one is in report.json)`, width));
  }
  return lines;
}
