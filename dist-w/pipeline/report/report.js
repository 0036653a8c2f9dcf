// pipeline/report/report.ts
import { mkdir } from "node:fs/promises";
import { byString, byEntryKey } from "../../src/compare.js";
import { sha256 } from "../cache/cache-file.js";
import { replaceFile } from "../publish/publish.js";
import {
  compareDiagnostics,
  serializeMessages,
  toReportDiagnostic
} from "./diagnostics.js";
var REPORT_PATH = "report.json";
function collectMessages(files) {
  const out = {};
  const sorted = [...files].filter((f) => f.messages.length > 0).sort(byString((x) => x.path));
  for (const file of sorted) out[file.path] = serializeMessages(file);
  return out;
}
function reportDiagnostics(messages) {
  const list = [];
  for (const [file, msgs] of Object.entries(messages)) for (const m of msgs) list.push(toReportDiagnostic(file, m));
  return list.sort(compareDiagnostics);
}
function warningsByRule(diagnostics) {
  const counts = /* @__PURE__ */ new Map();
  for (const d of diagnostics) if (d.severity === "warning") counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(byEntryKey));
}
function outputDigest(artifacts) {
  return sha256(JSON.stringify(artifacts.map((a) => [a.path, a.sha256, a.size])));
}
function serializeReport(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}
function buildReport(parts) {
  const ok = parts.exitCode === 0;
  return {
    name: "daily-papers-feeds",
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
    problems: parts.problems
  };
}
async function keepLastReport(cache, text) {
  for (const dir of [cache.cacheWorkDir, cache.cacheDirAbs]) {
    await mkdir(dir, { recursive: true }).then(() => replaceFile(dir, "last-report.json", text)).catch(() => void 0);
  }
}
export {
  REPORT_PATH,
  buildReport,
  collectMessages,
  keepLastReport,
  outputDigest,
  reportDiagnostics,
  serializeReport,
  warningsByRule
};
//# sourceMappingURL=report.js.map
