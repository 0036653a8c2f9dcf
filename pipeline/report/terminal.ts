/**
 * Diagnostics as a terminal shows them: `file:line:column  severity  rule  reason` (the rule id,
 * as the config's `diagnostics` names it; a problem of the config or of the run itself shows
 * `(config)` or `(pipeline)` without a place), at most a few per rule (the rest counted in one
 * line: report.json keeps every one). A message longer than the terminal is wrapped at spaces
 * onto indented continuation lines (`wrap`), never cut; only a single word wider than a line is
 * cut with an ellipsis. Widths are terminal columns (`columns`: Hangul and CJK take two). The
 * location comes first so that terminals and editors can open it.
 */
import { createRequire } from 'node:module';
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
  /**
   * How an input file's path (relative to the input folder, as the report keeps it) is shown:
   * by default as it is; the CLI shows it from the shell's folder (pipeline/report/outcome.ts).
   */
  pathOf?: (file: string) => string;
  /**
   * Where a problem of the config (file `(config)`) is shown: the config file as the user would
   * type it (the CLI's, from the shell's folder); without one (no config file), `(config)`.
   */
  configFile?: string;
}

/** Indent of a wrapped line's continuation lines. */
export const CONTINUATION = '    ';

/** Unicode's East Asian Width of one character ('F', 'W', 'A', 'N', 'Na', 'H'); loaded on first use (it is rarely needed). */
let eastAsianWidth: ((ch: string) => string) | undefined;

/**
 * Columns one character takes: 0 for combining marks and format characters, 2 for emoji shown
 * as emoji and for East Asian wide and fullwidth characters (UAX #11, eastasianwidth), else 1.
 */
function charColumns(ch: string): number {
  if (ch >= ' ' && ch <= '~') return 1;
  if (/[\p{M}\p{Cf}]/u.test(ch)) return 0;
  if (/\p{Emoji_Presentation}/u.test(ch)) return 2;
  eastAsianWidth ??= (createRequire(import.meta.url)('eastasianwidth') as { eastAsianWidth(ch: string): string }).eastAsianWidth;
  const w = eastAsianWidth(ch);
  return w === 'W' || w === 'F' ? 2 : 1;
}

/** Terminal columns of `text` (Hangul, CJK and most emoji take two). */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/** `text` cut to `width` terminal columns, the last one an ellipsis when it was cut. */
export function fit(text: string, width: number): string {
  if (columns(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** `text`'s words, a number joined to the word after it. */
function units(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = out.length - 1;
    if (last >= 0 && /^\d[\d.,]*$/u.test(out[last]!)) out[last] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/**
 * `text` (whitespace runs read as one space) as lines of at most `width` columns, broken at
 * spaces, but not after a number (a count stays with the word after it: `2 feed`, `1 ms`). The
 * first line starts with `lead` (kept whole; e.g. a diagnostic's place, severity and rule), every
 * later one with `indent` (CONTINUATION by default). No text is lost, except that a word (or a
 * number and its word) wider than a whole line is cut with an ellipsis (`fit`).
 */
export function wrap(text: string, width: number, options: { lead?: string; indent?: string } = {}): string[] {
  const indent = options.indent ?? CONTINUATION;
  const lines: string[] = [];
  let line = options.lead ?? '';
  // Columns of `line`, kept as words are added (not measured again for every word).
  let used = columns(line);
  // Whether `line` holds nothing but its lead or indent yet.
  let fresh = true;
  for (const word of units(text)) {
    const room = width - used - (fresh ? 0 : 1);
    const wordColumns = columns(word);
    if (wordColumns <= room) {
      line += fresh ? word : ` ${word}`;
      used += fresh ? wordColumns : wordColumns + 1;
    } else {
      // A new line, unless this one is a bare indent (then the word is wider than any line).
      if (!fresh || (lines.length === 0 && line !== '')) {
        lines.push(line.trimEnd());
        line = indent;
        used = columns(indent);
      }
      const cut = fit(word, width - used);
      line += cut;
      used += columns(cut);
    }
    fresh = false;
  }
  lines.push(line.trimEnd());
  return lines;
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
    const where = d.file === '(config)' && options.configFile ? options.configFile : d.file.startsWith('(') ? d.file : `${options.pathOf?.(d.file) ?? d.file}:${d.line}:${d.column}`;
    const [first = '', ...rest] = wrap(d.reason, width, { lead: `${where}  ${label}  ${d.ruleId}  ` });
    // The colour goes around the label only, after the wrap (escapes take no columns).
    lines.push(options.color ? first.replace(`  ${label}  `, `  ${paint(d.severity, label)}  `) : first, ...rest);
  }
  for (const [rule, { total, severity }] of seen) {
    if (total <= perRule) continue;
    const kind = severity === 'fatal' ? 'errors' : severity === 'warning' ? 'warnings' : 'notes';
    lines.push(...wrap(`… ${total - perRule} more ${rule} ${kind} (${total} in all; every one is in report.json)`, width));
  }
  return lines;
}
