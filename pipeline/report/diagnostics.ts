/**
 * VFile messages as plain data: worker threads send them back, the cache stores them and the
 * report lists them, so a cached run reports exactly the diagnostics of a cold run.
 */
import type { VFile } from 'vfile';
import { compareStrings } from '../../src/compare.ts';
import type { VFileMessage } from 'vfile-message';

export type Severity = 'fatal' | 'warning' | 'info';

interface Point {
  line: number;
  column: number;
  offset?: number | undefined;
}

export interface SerializedMessage {
  reason: string;
  ruleId: string | null;
  source: string | null;
  /** true = fatal, false = warning, null = info (vfile's `fatal` tri-state). */
  fatal: boolean | null;
  place: Point | { start: Point; end: Point } | null;
  url?: string;
  note?: string;
  actual?: string;
  expected?: string[];
}

/** One diagnostic in output/report.json. */
export interface ReportDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  /** "source:ruleId", e.g. "pipeline:parse:unreadable-file". */
  rule: string;
  ruleId: string;
  source: string | null;
  severity: Severity;
  reason: string;
}

function cleanPoint(p: Point): Point {
  return p.offset === undefined ? { line: p.line, column: p.column } : { line: p.line, column: p.column, offset: p.offset };
}

export function serializeMessage(m: VFileMessage): SerializedMessage {
  let place: SerializedMessage['place'] = null;
  const raw = m.place as (Point | { start: Point; end: Point }) | undefined;
  if (raw && 'start' in raw) place = { start: cleanPoint(raw.start), end: cleanPoint(raw.end) };
  else if (raw && typeof raw.line === 'number') place = cleanPoint(raw);
  const out: SerializedMessage = {
    reason: m.reason,
    ruleId: m.ruleId ?? null,
    source: m.source ?? null,
    fatal: m.fatal ?? null,
    place,
  };
  if (m.url) out.url = m.url;
  if (m.note) out.note = m.note;
  if (m.actual) out.actual = m.actual;
  if (m.expected) out.expected = [...m.expected];
  return out;
}

export function serializeMessages(file: VFile): SerializedMessage[] {
  return file.messages.map(serializeMessage);
}

/** Attaches serialized messages to `file`, as if the step had reported them there. */
export function restoreMessages(file: VFile, messages: readonly SerializedMessage[]): void {
  for (const s of messages) {
    const m = file.message(s.reason, {
      place: s.place ?? undefined,
      ruleId: s.ruleId ?? undefined,
      source: s.source ?? undefined,
    });
    m.fatal = s.fatal ?? undefined;
    if (s.url) m.url = s.url;
    if (s.note) m.note = s.note;
    if (s.actual) m.actual = s.actual;
    if (s.expected) m.expected = [...s.expected];
  }
}

export function severityOf(m: { fatal?: boolean | null | undefined }): Severity {
  return m.fatal === true ? 'fatal' : m.fatal === false ? 'warning' : 'info';
}

export function toReportDiagnostic(file: string, s: SerializedMessage): ReportDiagnostic {
  const start = s.place ? ('start' in s.place ? s.place.start : s.place) : null;
  const end = s.place && 'end' in s.place ? s.place.end : null;
  const ruleId = s.ruleId ?? 'unknown';
  return {
    file,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    rule: s.source ? `${s.source}:${ruleId}` : ruleId,
    ruleId,
    source: s.source,
    severity: severityOf(s),
    reason: s.reason,
  };
}

export function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column ||
    compareStrings(a.rule, b.rule) || compareStrings(a.reason, b.reason);
}
