/**
 * output/report.json: what a run read, did and wrote. The only file with timestamps and timings;
 * everything else in it is deterministic (sorted diagnostics, inputs and artifacts).
 */
import { mkdir } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { byString, byEntryKey } from '../../src/compare.ts';
import { sha256, type CacheProblem } from '../cache/cache-file.ts';
import { replaceFile } from '../publish/publish.ts';
import {
  compareDiagnostics,
  serializeMessages,
  toReportDiagnostic,
  type ReportDiagnostic,
  type SerializedMessage,
} from './diagnostics.ts';

export const REPORT_PATH = 'report.json';

export interface StepRecord {
  name: string;
  ms: number;
  counts: Record<string, number>;
  /** The process' peak resident memory so far (MB), at the end of the step. */
  peakRssMb?: number;
}

export interface FileRecord {
  path: string;
  sha256: string;
  size: number;
}

export interface RunReport {
  name: 'daily-papers-feeds';
  /** Package version. */
  version: string;
  /** Package version + code fingerprint: part of every cache key. */
  pipelineVersion: string;
  configDigest: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  ok: boolean;
  exitCode: number;
  published: boolean;
  /** Nothing changed since the last published run: output/ was reused. */
  fastPath: boolean;
  options: { strict: boolean; cache: boolean; allowEmpty: boolean };
  counts: Record<string, number>;
  steps: StepRecord[];
  warningsByRule: Record<string, number>;
  /** Messages the config's `diagnostics` set to 'off' (left out of `diagnostics`), by rule id. */
  silencedByRule: Record<string, number>;
  diagnostics: ReportDiagnostic[];
  inputs: FileRecord[];
  artifacts: FileRecord[];
  /** sha256 over the artifact list (paths, hashes, sizes). */
  outputDigest: string;
  cache: {
    enabled: boolean;
    hits: number;
    misses: number;
    discarded: CacheProblem[];
    pruned: number;
  };
  /** Why the run failed or did not publish, in words. */
  problems: string[];
}

/** Every message of every file, as plain data keyed by file path (sorted). */
export function collectMessages(files: Iterable<VFile>): Record<string, SerializedMessage[]> {
  const out: Record<string, SerializedMessage[]> = {};
  const sorted = [...files].filter((f) => f.messages.length > 0).sort(byString((x) => x.path));
  for (const file of sorted) out[file.path] = serializeMessages(file);
  return out;
}

export function reportDiagnostics(messages: Record<string, SerializedMessage[]>): ReportDiagnostic[] {
  const list: ReportDiagnostic[] = [];
  for (const [file, msgs] of Object.entries(messages)) for (const m of msgs) list.push(toReportDiagnostic(file, m));
  return list.sort(compareDiagnostics);
}

/** Warnings (not fatal, not info) counted by "source:ruleId", keys sorted. */
export function warningsByRule(diagnostics: readonly ReportDiagnostic[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'warning') counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(byEntryKey));
}

export function outputDigest(artifacts: readonly FileRecord[]): string {
  return sha256(JSON.stringify(artifacts.map((a) => [a.path, a.sha256, a.size])));
}

export function serializeReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** What a report is made of; `counts` is sorted by name here, `steps` is kept by reference. */
export type ReportParts = Omit<RunReport, 'name' | 'ok' | 'published' | 'warningsByRule' | 'outputDigest'>;

/** The report of a run; `finishedAt` and `durationMs` are the caller's "now". */
export function buildReport(parts: ReportParts): RunReport {
  const ok = parts.exitCode === 0;
  return {
    name: 'daily-papers-feeds',
    version: parts.version,
    pipelineVersion: parts.pipelineVersion,
    configDigest: parts.configDigest,
    startedAt: parts.startedAt,
    finishedAt: parts.finishedAt,
    durationMs: parts.durationMs,
    ok,
    exitCode: parts.exitCode,
    published: ok,
    fastPath: parts.fastPath,
    options: parts.options,
    counts: Object.fromEntries(Object.entries(parts.counts).sort(byEntryKey)),
    steps: parts.steps,
    warningsByRule: warningsByRule(parts.diagnostics),
    silencedByRule: parts.silencedByRule,
    diagnostics: parts.diagnostics,
    inputs: parts.inputs,
    artifacts: parts.artifacts,
    outputDigest: outputDigest(parts.artifacts),
    cache: parts.cache,
    problems: parts.problems,
  };
}

/**
 * Keeps the report text as `last-report.json` twice: in the input folder's cache folder
 * (`cacheWorkDir`: the copy the no-change rerun compares with output/report.json) and in the
 * cache folder itself (`cacheDirAbs`: the last run of any input, where the README sends people).
 * After a fatal run these are the only copies. Best effort: a cache folder that cannot be written
 * is not an error of the run.
 */
export async function keepLastReport(cache: { cacheWorkDir: string; cacheDirAbs: string }, text: string): Promise<void> {
  for (const dir of [cache.cacheWorkDir, cache.cacheDirAbs]) {
    await mkdir(dir, { recursive: true })
      .then(() => replaceFile(dir, 'last-report.json', text))
      .catch(() => undefined);
  }
}
