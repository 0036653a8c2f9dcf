/**
 * What the run prints. Four modes:
 * - `tty` (stdout is a terminal and CI is not set): one live progress line per step, redrawn in
 *   place, then a summary table;
 * - `plain` (no TTY, or CI=true): the same as plain lines, without escape codes, progress at most
 *   every 25%;
 * - `quiet` (--quiet): only diagnostics and errors;
 * - `json` (--json): nothing but the report on stdout.
 * Diagnostics go to stderr, a few per rule; every line fits the terminal width, wrapped at words
 * onto indented continuation lines (pipeline/report/terminal.ts).
 */
import { byString, byEntryKey } from '../../src/compare.ts';
import type { Logger } from '../context.ts';
import type { ReportDiagnostic } from './diagnostics.ts';
import { DEFAULT_WIDTH, diagnosticLines, wrap } from './terminal.ts';

export type LogMode = 'tty' | 'plain' | 'quiet' | 'json';

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Columns of a terminal (process.stdout.columns). */
  columns?: number;
}

export interface SummaryData {
  counts: Record<string, number>;
  warningsByRule: Record<string, number>;
  /** Messages the config turned off, by rule id. */
  silencedByRule: Record<string, number>;
  artifacts: { path: string; size: number }[];
  /** `discarded`: cache files found unusable and rebuilt (each also warned about as it was found); 0 when none. */
  cache: { hits: number; misses: number; fastPath: boolean; discarded?: number };
  totalMs: number;
  published: boolean;
  exitCode: number;
}

export function detectMode(options: { json?: boolean; quiet?: boolean; env?: NodeJS.ProcessEnv; stdout?: Writable }): LogMode {
  if (options.json) return 'json';
  if (options.quiet) return 'quiet';
  const env = options.env ?? process.env;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  const stdout = options.stdout ?? process.stdout;
  return stdout.isTTY && !ci && env.TERM !== 'dumb' ? 'tty' : 'plain';
}

/**
 * The `COLUMNS` environment variable as a line width (shells set it for the terminal; a user sets
 * it to widen piped output), or undefined when unset or not a whole number from 40 to 1000.
 */
export function envColumns(env: NodeJS.ProcessEnv): number | undefined {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n >= 40 && n <= 1000 ? n : undefined;
}

export function formatBytes(size: number): string {
  if (size < 1000) return `${size} B`;
  if (size < 1_000_000) return `${(size / 1000).toFixed(1)} kB`;
  return `${(size / 1_000_000).toFixed(2)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * A step's counts for people: `bytes` as a size (formatBytes), camelCase names as words
 * (`vectorsSaved` → `vectors saved`), e.g. `5 files, 10.7 kB, 1 vectors saved`.
 */
export function formatCounts(counts: Record<string, number | string>): string {
  return Object.entries(counts)
    .map(([name, value]) =>
      name === 'bytes' && typeof value === 'number' ? formatBytes(value) : `${value} ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`,
    )
    .join(', ');
}

function table(rows: string[][], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      indent +
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
          // Numbers (and sizes) right-aligned, labels left-aligned.
          return i > 0 && /^[\d.,]+( [kM]?B| ms| s)?$/.test(cell) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Warning counts keyed by report.json's `rule` ("source:ruleId") as [rule id, count] rows,
 * sorted: the bare rule id is what the config's `diagnostics` accepts, so it is what the
 * terminal and the job summary show (counts of one id from several sources are added up).
 */
export function ruleIdRows(byRule: Record<string, number>): [string, number][] {
  const counts = new Map<string, number>();
  for (const [rule, n] of Object.entries(byRule)) {
    const id = rule.slice(rule.lastIndexOf(':') + 1);
    counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return [...counts].sort(byEntryKey);
}

/** Artifacts for a table, [path, size]: at most 24 rows, deep folders summed up ("search/ (862 files)"). */
export function artifactRows(artifacts: SummaryData['artifacts']): string[][] {
  const sorted = [...artifacts].sort(byString((x) => x.path));
  if (sorted.length <= 24) return sorted.map((a) => [a.path, formatBytes(a.size)]);
  const groups = new Map<string, { files: number; size: number }>();
  for (const a of sorted) {
    const slash = a.path.indexOf('/');
    const key = slash < 0 ? a.path : `${a.path.slice(0, slash)}/`;
    const g = groups.get(key) ?? { files: 0, size: 0 };
    g.files++;
    g.size += a.size;
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => [key.endsWith('/') ? `${key} (${g.files} files)` : key, formatBytes(g.size)]);
}

export class RunLogger implements Logger {
  private live = '';
  private lastPlain = new Map<string, number>();

  /**
   * `columns`: the width to wrap at when stdout is not a terminal (the `COLUMNS` variable, see
   * `envColumns`); 100 without it.
   */
  constructor(
    readonly mode: LogMode,
    private readonly out: Writable = process.stdout,
    private readonly err: Writable = process.stderr,
    private readonly columns?: number,
  ) {}

  private clearLive(): void {
    if (this.mode === 'tty' && this.live) {
      this.out.write('\r\x1b[2K');
      this.live = '';
    }
  }

  info(message: string): void {
    if (this.mode !== 'tty' && this.mode !== 'plain') return;
    this.clearLive();
    this.out.write(`${wrap(message, this.width).join('\n')}\n`);
  }

  /** A problem of the run itself (not of an input): shown in every mode but --json. */
  warn(message: string): void {
    if (this.mode === 'json') return;
    this.clearLive();
    this.err.write(`warning: ${message}\n`);
  }

  /** A problem that fails the run, as `pipeline: <reason>` (every command's error form). */
  error(message: string): void {
    this.clearLive();
    this.err.write(`pipeline: ${message}\n`);
  }

  progress(step: string, done: number, total?: number): void {
    if (this.mode === 'tty') {
      const line = total ? `${step} ${done}/${total} ${'█'.repeat(Math.round((20 * done) / Math.max(total, 1))).padEnd(20, '░')}` : `${step} ${done}`;
      if (line !== this.live) {
        this.out.write(`\r\x1b[2K${line}`);
        this.live = line;
      }
    } else if (this.mode === 'plain' && total && total >= 100) {
      const quarter = Math.floor((4 * done) / total);
      if (quarter > 0 && quarter < 4 && quarter !== this.lastPlain.get(step)) {
        this.lastPlain.set(step, quarter);
        this.out.write(`${step}: ${done}/${total}\n`);
      }
    }
  }

  stepDone(step: string, ms: number, counts: Record<string, number | string>): void {
    if (this.mode !== 'tty' && this.mode !== 'plain') return;
    this.clearLive();
    const mark = this.mode === 'tty' ? '\x1b[32m✔\x1b[39m ' : '';
    const markWidth = mark ? 2 : 0;
    // The counts wrap at their words, continuation lines aligned under the first count.
    const lead = `${step.padEnd(8)} ${formatMs(ms).padStart(8)}  `;
    // Zero counts after the first stay in report.json only ("0 analyzed in workers" says nothing here).
    const shown = Object.fromEntries(Object.entries(counts).filter(([, value], i) => i === 0 || value !== 0));
    const lines = wrap(formatCounts(shown), this.width - markWidth, { lead, indent: ' '.repeat(lead.length) });
    this.out.write(`${mark}${lines.join(`\n${' '.repeat(markWidth)}`)}\n`);
  }

  /** Columns per line: the terminal's (stdout's), else the constructor's `columns`, else 100. */
  get width(): number {
    return this.out.isTTY && this.out.columns ? this.out.columns : (this.columns ?? DEFAULT_WIDTH);
  }

  /**
   * Prints the diagnostics (report.json's list) on stderr: a few per rule, the rest counted;
   * input paths as `pathOf` shows them, a problem of the config on `configFile` (see TerminalOptions).
   */
  diagnostics(diagnostics: readonly ReportDiagnostic[], pathOf?: (file: string) => string, configFile?: string): void {
    if (this.mode === 'json' || diagnostics.length === 0) return;
    this.clearLive();
    const lines = diagnosticLines(diagnostics, { width: this.width, color: this.mode === 'tty' && Boolean(this.err.isTTY), pathOf, configFile });
    this.err.write(`${lines.join('\n')}\n`);
  }

  summary(data: SummaryData): void {
    if (this.mode !== 'tty' && this.mode !== 'plain') return;
    this.clearLive();
    const bold = (s: string): string => (this.mode === 'tty' ? `\x1b[1m${s}\x1b[22m` : s);
    const c = data.counts;
    const rows: string[][] = [
      ['digests', String(c.digests ?? 0)],
      ['papers', String(c.papers ?? 0)],
      ['authors', String(c.authors ?? 0)],
    ];
    const warnings = ruleIdRows(data.warningsByRule);
    const lines = [`\n${bold('Summary')}`, table(rows)];
    lines.push(`\n${bold('Warnings by rule')}`);
    lines.push(warnings.length ? table(warnings.map(([rule, n]) => [rule, String(n)])) : '  none');
    const silenced = Object.entries(data.silencedByRule);
    if (silenced.length) lines.push(`  (turned off by the config: ${silenced.map(([rule, n]) => `${n} ${rule}`).join(', ')})`);
    lines.push(`\n${bold(`Artifacts${data.published ? '' : ' (not published)'}`)}`);
    const rowsA = artifactRows(data.artifacts);
    const total = data.artifacts.reduce((sum, a) => sum + a.size, 0);
    lines.push(rowsA.length ? table([...rowsA, ['total', formatBytes(total)]]) : '  none');
    lines.push(
      `\n${data.cache.fastPath ? (data.published ? 'nothing changed: reused the published output' : 'nothing changed since the published output') : `cache: ${data.cache.hits} hits, ${data.cache.misses} misses${discardedNote(data.cache.discarded ?? 0)}`}; ` +
        `${formatMs(data.totalMs)}; exit code ${data.exitCode}`,
    );
    this.out.write(`${lines.join('\n')}\n`);
  }
}

/** The summary's note of cache files that were discarded (and rebuilt), or '' for none. */
function discardedNote(n: number): string {
  return n === 0 ? '' : `, ${n} cache ${n === 1 ? 'file' : 'files'} discarded and rebuilt (see the warning above)`;
}
