// pipeline/report/terminal.ts
import { createRequire } from "node:module";
var PER_RULE = 3;
var DEFAULT_WIDTH = 100;
var LABEL = { fatal: "error", warning: "warning", info: "info" };
var CONTINUATION = "    ";
var eastAsianWidth;
function charColumns(ch) {
  if (ch >= " " && ch <= "~") return 1;
  if (/[\p{M}\p{Cf}]/u.test(ch)) return 0;
  if (new RegExp("\\p{Emoji_Presentation}", "u").test(ch)) return 2;
  eastAsianWidth ??= createRequire(import.meta.url)("eastasianwidth").eastAsianWidth;
  const w = eastAsianWidth(ch);
  return w === "W" || w === "F" ? 2 : 1;
}
function columns(text) {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}
function fit(text, width) {
  if (columns(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}\u2026`;
}
function wrap(text, width, options = {}) {
  const indent = options.indent ?? CONTINUATION;
  const lines = [];
  let line = options.lead ?? "";
  let used = columns(line);
  let fresh = true;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const room = width - used - (fresh ? 0 : 1);
    const wordColumns = columns(word);
    if (wordColumns <= room) {
      line += fresh ? word : ` ${word}`;
      used += fresh ? wordColumns : wordColumns + 1;
    } else {
      if (!fresh || lines.length === 0 && line !== "") {
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
function diagnosticLines(diagnostics, options = {}) {
  const width = Math.max(options.width ?? DEFAULT_WIDTH, 40);
  const perRule = options.perRule ?? PER_RULE;
  const paint = (severity, text) => options.color ? `\x1B[${severity === "fatal" ? 31 : severity === "warning" ? 33 : 36}m${text}\x1B[39m` : text;
  const seen = /* @__PURE__ */ new Map();
  const lines = [];
  for (const d of diagnostics) {
    const rule = seen.get(d.ruleId) ?? { total: 0, severity: d.severity };
    rule.total++;
    seen.set(d.ruleId, rule);
    if (rule.total > perRule) continue;
    const label = LABEL[d.severity];
    const file = options.pathOf ? options.pathOf(d.file) : d.file;
    const where = d.file.startsWith("(") ? d.file : `${file}:${d.line}:${d.column}`;
    const [first = "", ...rest] = wrap(d.reason, width, { lead: `${where}  ${label}  ${d.ruleId}  ` });
    lines.push(options.color ? first.replace(`  ${label}  `, `  ${paint(d.severity, label)}  `) : first, ...rest);
  }
  for (const [rule, { total, severity }] of seen) {
    if (total <= perRule) continue;
    const kind = severity === "fatal" ? "errors" : severity === "warning" ? "warnings" : "notes";
    lines.push(...wrap(`\u2026 ${total - perRule} more ${rule} ${kind} (${total} in all; every one is in report.json)`, width));
  }
  return lines;
}
export {
  CONTINUATION,
  DEFAULT_WIDTH,
  PER_RULE,
  columns,
  diagnosticLines,
  fit,
  wrap
};
//# sourceMappingURL=terminal.js.map
