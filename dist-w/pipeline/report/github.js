// pipeline/report/github.ts
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { listFeeds } from "../feeds/plan.js";
import { artifactRows, formatBytes, formatCounts, formatMs, ruleIdRows } from "./logger.js";
import { inGitHubActions } from "./outcome.js";
var ANNOTATION_CAP = 10;
var COMMAND = { fatal: "error", warning: "warning", info: "notice" };
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function annotationPath(file, inputDir, workspace) {
  if (file.startsWith("(")) return null;
  const abs = path.resolve(inputDir, file);
  if (workspace) {
    const rel = path.relative(path.resolve(workspace), abs);
    if (rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel)) return rel.split(path.sep).join("/");
  }
  return abs;
}
function annotation(d, file) {
  const props = [];
  if (file !== null) {
    props.push(`file=${escapeProperty(file)}`, `line=${d.line}`, `col=${d.column}`);
    if (d.endLine !== null) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== null && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
  }
  props.push(`title=${escapeProperty(d.ruleId)}`);
  return `::${COMMAND[d.severity]} ${props.join(",")}::${escapeData(d.reason)}`;
}
function fairPick(list, cap) {
  const byRule = /* @__PURE__ */ new Map();
  for (const d of list) {
    const group = byRule.get(d.rule);
    if (group) group.push(d);
    else byRule.set(d.rule, [d]);
  }
  const picked = /* @__PURE__ */ new Set();
  for (let round = 0; picked.size < cap && picked.size < list.length; round++) {
    for (const group of byRule.values()) {
      if (picked.size >= cap) break;
      const d = group[round];
      if (d) picked.add(d);
    }
  }
  return list.filter((d) => picked.has(d));
}
function annotationLines(diagnostics, options) {
  const cap = options.cap ?? ANNOTATION_CAP;
  const lines = [];
  const left = [];
  for (const severity of ["fatal", "warning", "info"]) {
    const all = diagnostics.filter((d) => d.severity === severity);
    for (const d of fairPick(all, cap)) lines.push(annotation(d, annotationPath(d.file, options.inputDir, options.workspace)));
    const more = all.length - cap;
    if (more > 0) left.push(`${more} more ${COMMAND[severity]}${more === 1 ? "" : "s"}`);
  }
  if (left.length) lines.push(`${left.join(", ")} not shown as annotations (GitHub shows ${cap} of each kind); every diagnostic is in report.json`);
  return lines;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function mdTable(head, rows, right = []) {
  const align = head.map((_, i) => right.includes(i) ? "---:" : "---");
  return [head, align, ...rows].map((row) => `| ${row.map(cell).join(" | ")} |`).join("\n");
}
function stepSummary(report, config) {
  const c = report.counts;
  const out = [];
  out.push(`### Daily Papers pipeline: ${report.published ? "published" : "failed, nothing published"}`, "");
  for (const problem of report.problems) out.push(`- ${problem}`);
  if (report.problems.length) out.push("");
  out.push(
    mdTable(
      ["Digests", "Papers", "Authors", "Errors", "Warnings", "Notes", "Turned off"],
      [[c.digests, c.papers, c.authors, c.fatal, c.warnings, c.info, c.silenced].map((n) => String(n ?? 0))],
      [0, 1, 2, 3, 4, 5, 6]
    ),
    ""
  );
  const warnings = ruleIdRows(report.warningsByRule);
  const silenced = Object.entries(report.silencedByRule);
  if (warnings.length || silenced.length) {
    out.push("#### Warnings by rule", "");
    const rows = [
      ...warnings.map(([rule, n]) => [`\`${rule}\``, String(n), "warning"]),
      ...silenced.map(([rule, n]) => [`\`${rule}\``, String(n), "turned off in the config"])
    ];
    out.push(mdTable(["Rule", "Count", "As"], rows, [1]), "");
  }
  const sizes = new Map(report.artifacts.map((a) => [a.path, a.size]));
  let feeds = [];
  try {
    feeds = listFeeds(config);
  } catch {
  }
  const written = feeds.filter((f) => sizes.has(f.path));
  if (written.length) {
    out.push("#### Feeds", "");
    const rows = written.map((f) => [f.title, `[${f.path}](${new URL(f.path, config.site.url).href})`, formatBytes(sizes.get(f.path))]);
    out.push(mdTable(["Feed", "File", "Size"], rows, [2]), "");
  }
  if (report.artifacts.length) {
    const total = report.artifacts.reduce((sum, a) => sum + a.size, 0);
    out.push(`#### Artifacts${report.published ? "" : " (not published)"}`, "");
    out.push(mdTable(["Path", "Size"], [...artifactRows(report.artifacts), ["total", formatBytes(total)]], [1]), "");
  }
  out.push("#### Timings", "");
  const steps = report.steps.map((s) => [
    s.name,
    formatMs(s.ms),
    formatCounts(s.counts)
  ]);
  out.push(mdTable(["Step", "Time", "Counts"], [...steps, ["total", formatMs(report.durationMs), ""]], [1]), "");
  const cache = report.fastPath ? "nothing changed: the published output was reused" : report.cache.enabled ? `parse cache: ${report.cache.hits} hits, ${report.cache.misses} misses, ${report.cache.pruned} pruned` : "cache off (--no-cache)";
  out.push(`${cache}; exit code ${report.exitCode}.`, "");
  return `${out.join("\n")}
`;
}
async function appendStepSummary(env, markdown) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) await appendFile(file, markdown);
}
export {
  ANNOTATION_CAP,
  annotation,
  annotationLines,
  annotationPath,
  appendStepSummary,
  inGitHubActions,
  stepSummary
};
//# sourceMappingURL=github.js.map
