// pipeline/report/diagnostics.ts
import { compareStrings } from "../../src/compare.js";
function cleanPoint(p) {
  return p.offset === void 0 ? { line: p.line, column: p.column } : { line: p.line, column: p.column, offset: p.offset };
}
function serializeMessage(m) {
  let place = null;
  const raw = m.place;
  if (raw && "start" in raw) place = { start: cleanPoint(raw.start), end: cleanPoint(raw.end) };
  else if (raw && typeof raw.line === "number") place = cleanPoint(raw);
  const out = {
    reason: m.reason,
    ruleId: m.ruleId ?? null,
    source: m.source ?? null,
    fatal: m.fatal ?? null,
    place
  };
  if (m.url) out.url = m.url;
  if (m.note) out.note = m.note;
  if (m.actual) out.actual = m.actual;
  if (m.expected) out.expected = [...m.expected];
  return out;
}
function serializeMessages(file) {
  return file.messages.map(serializeMessage);
}
function restoreMessages(file, messages) {
  for (const s of messages) {
    const m = file.message(s.reason, {
      place: s.place ?? void 0,
      ruleId: s.ruleId ?? void 0,
      source: s.source ?? void 0
    });
    m.fatal = s.fatal ?? void 0;
    if (s.url) m.url = s.url;
    if (s.note) m.note = s.note;
    if (s.actual) m.actual = s.actual;
    if (s.expected) m.expected = [...s.expected];
  }
}
function severityOf(m) {
  return m.fatal === true ? "fatal" : m.fatal === false ? "warning" : "info";
}
function toReportDiagnostic(file, s) {
  const start = s.place ? "start" in s.place ? s.place.start : s.place : null;
  const end = s.place && "end" in s.place ? s.place.end : null;
  const ruleId = s.ruleId ?? "unknown";
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
    reason: s.reason
  };
}
function compareDiagnostics(a, b) {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.rule, b.rule) || compareStrings(a.reason, b.reason);
}
export {
  compareDiagnostics,
  restoreMessages,
  serializeMessage,
  serializeMessages,
  severityOf,
  toReportDiagnostic
};
//# sourceMappingURL=diagnostics.js.map
