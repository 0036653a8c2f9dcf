// pipeline/report/logger.ts
import { byString, byEntryKey } from "../../src/compare.js";
import { DEFAULT_WIDTH, diagnosticLines, wrap } from "./terminal.js";
function detectMode(options) {
  if (options.json) return "json";
  if (options.quiet) return "quiet";
  const env = options.env ?? process.env;
  const ci = env.CI !== void 0 && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  const stdout = options.stdout ?? process.stdout;
  return stdout.isTTY && !ci && env.TERM !== "dumb" ? "tty" : "plain";
}
function envColumns(env) {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n >= 40 && n <= 1e3 ? n : void 0;
}
function formatBytes(size) {
  if (size < 1e3) return `${size} B`;
  if (size < 1e6) return `${(size / 1e3).toFixed(1)} kB`;
  return `${(size / 1e6).toFixed(2)} MB`;
}
function formatMs(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(2)} s`;
}
function formatCounts(counts) {
  return Object.entries(counts).map(
    ([name, value]) => name === "bytes" && typeof value === "number" ? formatBytes(value) : `${value} ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`
  ).join(", ");
}
function table(rows, indent = "  ") {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, [...cell].length));
  return rows.map(
    (row) => indent + row.map((cell, i) => {
      const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
      return i > 0 && /^[\d.,]+( [kM]?B| ms| s)?$/.test(cell) ? pad + cell : cell + pad;
    }).join("  ").trimEnd()
  ).join("\n");
}
function ruleIdRows(byRule) {
  const counts = /* @__PURE__ */ new Map();
  for (const [rule, n] of Object.entries(byRule)) {
    const id = rule.slice(rule.lastIndexOf(":") + 1);
    counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return [...counts].sort(byEntryKey);
}
function artifactRows(artifacts) {
  const sorted = [...artifacts].sort(byString((x) => x.path));
  if (sorted.length <= 24) return sorted.map((a) => [a.path, formatBytes(a.size)]);
  const groups = /* @__PURE__ */ new Map();
  for (const a of sorted) {
    const slash = a.path.indexOf("/");
    const key = slash < 0 ? a.path : `${a.path.slice(0, slash)}/`;
    const g = groups.get(key) ?? { files: 0, size: 0 };
    g.files++;
    g.size += a.size;
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => [key.endsWith("/") ? `${key} (${g.files} files)` : key, formatBytes(g.size)]);
}
var RunLogger = class {
  /**
   * `columns`: the width to wrap at when stdout is not a terminal (the `COLUMNS` variable, see
   * `envColumns`); 100 without it.
   */
  constructor(mode, out = process.stdout, err = process.stderr, columns) {
    this.mode = mode;
    this.out = out;
    this.err = err;
    this.columns = columns;
  }
  mode;
  out;
  err;
  columns;
  live = "";
  lastPlain = /* @__PURE__ */ new Map();
  clearLive() {
    if (this.mode === "tty" && this.live) {
      this.out.write("\r\x1B[2K");
      this.live = "";
    }
  }
  info(message) {
    if (this.mode !== "tty" && this.mode !== "plain") return;
    this.clearLive();
    this.out.write(`${wrap(message, this.width).join("\n")}
`);
  }
  /** A problem of the run itself (not of an input): shown in every mode but --json. */
  warn(message) {
    if (this.mode === "json") return;
    this.clearLive();
    this.err.write(`warning: ${message}
`);
  }
  /** A problem that fails the run, as `pipeline: <reason>` (every command's error form). */
  error(message) {
    this.clearLive();
    this.err.write(`pipeline: ${message}
`);
  }
  progress(step, done, total) {
    if (this.mode === "tty") {
      const line = total ? `${step} ${done}/${total} ${"\u2588".repeat(Math.round(20 * done / Math.max(total, 1))).padEnd(20, "\u2591")}` : `${step} ${done}`;
      if (line !== this.live) {
        this.out.write(`\r\x1B[2K${line}`);
        this.live = line;
      }
    } else if (this.mode === "plain" && total && total >= 100) {
      const quarter = Math.floor(4 * done / total);
      if (quarter > 0 && quarter < 4 && quarter !== this.lastPlain.get(step)) {
        this.lastPlain.set(step, quarter);
        this.out.write(`${step}: ${done}/${total}
`);
      }
    }
  }
  stepDone(step, ms, counts) {
    if (this.mode !== "tty" && this.mode !== "plain") return;
    this.clearLive();
    const mark = this.mode === "tty" ? "\x1B[32m\u2714\x1B[39m " : "";
    const markWidth = mark ? 2 : 0;
    const lead = `${step.padEnd(8)} ${formatMs(ms).padStart(8)}  `;
    const shown = Object.fromEntries(Object.entries(counts).filter(([, value], i) => i === 0 || value !== 0));
    const lines = wrap(formatCounts(shown), this.width - markWidth, { lead, indent: " ".repeat(lead.length) });
    this.out.write(`${mark}${lines.join(`
${" ".repeat(markWidth)}`)}
`);
  }
  /** Columns per line: the terminal's (stdout's), else the constructor's `columns`, else 100. */
  get width() {
    return this.out.isTTY && this.out.columns ? this.out.columns : this.columns ?? DEFAULT_WIDTH;
  }
  /**
   * Prints the diagnostics (report.json's list) on stderr: a few per rule, the rest counted;
   * input paths as `pathOf` shows them (see TerminalOptions).
   */
  diagnostics(diagnostics, pathOf) {
    if (this.mode === "json" || diagnostics.length === 0) return;
    this.clearLive();
    const lines = diagnosticLines(diagnostics, { width: this.width, color: this.mode === "tty" && Boolean(this.err.isTTY), pathOf });
    this.err.write(`${lines.join("\n")}
`);
  }
  summary(data) {
    if (this.mode !== "tty" && this.mode !== "plain") return;
    this.clearLive();
    const bold = (s) => this.mode === "tty" ? `\x1B[1m${s}\x1B[22m` : s;
    const c = data.counts;
    const rows = [
      ["digests", String(c.digests ?? 0)],
      ["papers", String(c.papers ?? 0)],
      ["authors", String(c.authors ?? 0)]
    ];
    const warnings = ruleIdRows(data.warningsByRule);
    const lines = [`
${bold("Summary")}`, table(rows)];
    lines.push(`
${bold("Warnings by rule")}`);
    lines.push(warnings.length ? table(warnings.map(([rule, n]) => [rule, String(n)])) : "  none");
    const silenced = Object.entries(data.silencedByRule);
    if (silenced.length) lines.push(`  (turned off by the config: ${silenced.map(([rule, n]) => `${n} ${rule}`).join(", ")})`);
    lines.push(`
${bold(`Artifacts${data.published ? "" : " (not published)"}`)}`);
    const rowsA = artifactRows(data.artifacts);
    const total = data.artifacts.reduce((sum, a) => sum + a.size, 0);
    lines.push(rowsA.length ? table([...rowsA, ["total", formatBytes(total)]]) : "  none");
    lines.push(
      `
${data.cache.fastPath ? "nothing changed: reused the published output" : `cache: ${data.cache.hits} hits, ${data.cache.misses} misses`}; ${formatMs(data.totalMs)}; exit code ${data.exitCode}`
    );
    this.out.write(`${lines.join("\n")}
`);
  }
};
export {
  RunLogger,
  artifactRows,
  detectMode,
  envColumns,
  formatBytes,
  formatCounts,
  formatMs,
  ruleIdRows
};
//# sourceMappingURL=logger.js.map
