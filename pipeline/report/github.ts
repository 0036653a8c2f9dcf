/**
 * A run as GitHub Actions shows it (when `GITHUB_ACTIONS=true`):
 * - workflow commands that make diagnostics annotations (`::warning file=…,line=…,col=…,title=<rule>::…`,
 *   `::error` for fatal, `::notice` for info). GitHub shows at most 10 annotations of each
 *   severity per step and drops the rest, so at most 10 of each are emitted, picked in turn from
 *   each rule so that a rare rule is not hidden behind a frequent one, and the rest is counted
 *   in one plain line;
 * - the Markdown job summary appended to `$GITHUB_STEP_SUMMARY`: counts, warnings by rule, feeds,
 *   artifacts, cache and timings.
 * Command syntax and escaping: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../src/config.ts';
import { listFeeds } from '../feeds/plan.ts';
import type { ReportDiagnostic, Severity } from './diagnostics.ts';
import { artifactRows, formatBytes, formatCounts, formatMs, ruleIdRows } from './logger.ts';
import type { RunReport } from './report.ts';

/** Annotations GitHub shows per severity and step. */
export const ANNOTATION_CAP = 10;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { fatal: 'error', warning: 'warning', info: 'notice' };

export { inGitHubActions } from './outcome.ts';

/** A command's message: %, CR and LF escaped. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as a message, plus `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The path GitHub can link of a diagnostic's file: relative to the repository (`workspace`) when
 * the file is inside it, else absolute. An input file is relative to `inputDir`; a problem of the
 * config (`(config)`) is on `configFile` (absolute), when there is one. Null for the pipeline's
 * own diagnostics (no file).
 */
export function annotationPath(file: string, inputDir: string, workspace: string | undefined, configFile: string | null = null): string | null {
  if (file === '(config)' && configFile !== null) return linkable(configFile, workspace);
  if (file.startsWith('(')) return null; // "(pipeline)": a problem of the run, not of a file
  return linkable(path.resolve(inputDir, file), workspace);
}

/** `abs` relative to `workspace` when inside it, else as it is. */
function linkable(abs: string, workspace: string | undefined): string {
  if (workspace) {
    const rel = path.relative(path.resolve(workspace), abs);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return abs;
}

/** One workflow command for `d`. */
export function annotation(d: ReportDiagnostic, file: string | null): string {
  const props: string[] = [];
  // A problem of the config has no place in its file: the annotation names the file alone.
  if (file !== null && d.file === '(config)') props.push(`file=${escapeProperty(file)}`);
  else if (file !== null) {
    props.push(`file=${escapeProperty(file)}`, `line=${d.line}`, `col=${d.column}`);
    if (d.endLine !== null) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== null && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
  }
  props.push(`title=${escapeProperty(d.ruleId)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.reason)}`;
}

/** Up to `cap` of `list`, taken in turn from each rule (first of each, then second of each...), in list order. */
function fairPick(list: readonly ReportDiagnostic[], cap: number): ReportDiagnostic[] {
  const byRule = new Map<string, ReportDiagnostic[]>();
  for (const d of list) {
    const group = byRule.get(d.rule);
    if (group) group.push(d);
    else byRule.set(d.rule, [d]);
  }
  const picked = new Set<ReportDiagnostic>();
  for (let round = 0; picked.size < cap && picked.size < list.length; round++) {
    for (const group of byRule.values()) {
      if (picked.size >= cap) break;
      const d = group[round];
      if (d) picked.add(d);
    }
  }
  return list.filter((d) => picked.has(d));
}

/**
 * The lines to print on stdout for `diagnostics` (report.json's list): at most `cap` commands
 * per severity, then one plain line counting what was left out, if anything.
 */
export function annotationLines(
  diagnostics: readonly ReportDiagnostic[],
  options: { inputDir: string; workspace?: string | undefined; configFile?: string | null; cap?: number },
): string[] {
  const cap = options.cap ?? ANNOTATION_CAP;
  const lines: string[] = [];
  const left: string[] = [];
  for (const severity of ['fatal', 'warning', 'info'] as const) {
    const all = diagnostics.filter((d) => d.severity === severity);
    for (const d of fairPick(all, cap)) lines.push(annotation(d, annotationPath(d.file, options.inputDir, options.workspace, options.configFile ?? null)));
    const more = all.length - cap;
    if (more > 0) left.push(`${more} more ${COMMAND[severity]}${more === 1 ? '' : 's'}`);
  }
  if (left.length) lines.push(`${left.join(', ')} not shown as annotations (GitHub shows ${cap} of each kind); every diagnostic is in report.json`);
  return lines;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function mdTable(head: string[], rows: string[][], right: number[] = []): string {
  const align = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [head, align, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

/**
 * The job summary of a run, as Markdown: the outcome and why, counts, warnings by rule (and what
 * the config turned off), the feeds with their URLs, the artifacts, the cache and the timings.
 * `config` names the feeds and the site URL they are served from.
 */
export function stepSummary(report: RunReport, config: Pick<Config, 'site' | 'feeds'>): string {
  const c = report.counts;
  const out: string[] = [];
  out.push(`### Daily Papers pipeline: ${report.published ? 'published' : 'failed, nothing published'}`, '');
  for (const problem of report.problems) out.push(`- ${problem}`);
  if (report.problems.length) out.push('');
  out.push(
    mdTable(
      ['Digests', 'Papers', 'Authors', 'Errors', 'Warnings', 'Notes', 'Turned off'],
      [[c.digests, c.papers, c.authors, c.fatal, c.warnings, c.info, c.silenced].map((n) => String(n ?? 0))],
      [0, 1, 2, 3, 4, 5, 6],
    ),
    '',
  );

  const warnings = ruleIdRows(report.warningsByRule);
  const silenced = Object.entries(report.silencedByRule);
  if (warnings.length || silenced.length) {
    out.push('#### Warnings by rule', '');
    const rows = [
      ...warnings.map(([rule, n]) => [`\`${rule}\``, String(n), 'warning']),
      ...silenced.map(([rule, n]) => [`\`${rule}\``, String(n), 'turned off in the config']),
    ];
    out.push(mdTable(['Rule', 'Count', 'As'], rows, [1]), '');
  }

  const sizes = new Map(report.artifacts.map((a) => [a.path, a.size]));
  let feeds: ReturnType<typeof listFeeds> = [];
  try {
    feeds = listFeeds(config);
  } catch {
    // Two feeds writing one file: the feeds step reported it; there is no feed to list.
  }
  const written = feeds.filter((f) => sizes.has(f.path));
  if (written.length) {
    out.push('#### Feeds', '');
    const rows = written.map((f) => [f.title, `[${f.path}](${new URL(f.path, config.site.url).href})`, formatBytes(sizes.get(f.path)!)]);
    out.push(mdTable(['Feed', 'File', 'Size'], rows, [2]), '');
  }

  if (report.artifacts.length) {
    const total = report.artifacts.reduce((sum, a) => sum + a.size, 0);
    out.push(`#### Artifacts${report.published ? '' : ' (not published)'}`, '');
    out.push(mdTable(['Path', 'Size'], [...artifactRows(report.artifacts), ['total', formatBytes(total)]], [1]), '');
  }

  out.push('#### Timings', '');
  const steps = report.steps.map((s) => [
    s.name,
    formatMs(s.ms),
    formatCounts(s.counts),
  ]);
  out.push(mdTable(['Step', 'Time', 'Counts'], [...steps, ['total', formatMs(report.durationMs), '']], [1]), '');
  const cache = report.fastPath
    ? 'nothing changed: the published output was reused'
    : report.cache.enabled
      ? `parse cache: ${report.cache.hits} hits, ${report.cache.misses} misses, ${report.cache.pruned} pruned`
      : 'cache off (--no-cache)';
  out.push(`${cache}; exit code ${report.exitCode}.`, '');
  return `${out.join('\n')}\n`;
}

/** Appends `markdown` to the file `$GITHUB_STEP_SUMMARY` names (nothing without one). */
export async function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) await appendFile(file, markdown);
}
