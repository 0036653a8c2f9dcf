// pipeline/commands/synth.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { readFlags } from "./flags.js";
import path from "node:path";
import fg from "fast-glob";
var HEADING = /^(##[ \t]+Daily Papers[ \t]*\()(\d{4})-(\d{2})-(\d{2})(\))/gm;
var ARXIV_ID = /(?<=[/:=])(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?![\d])/g;
var DAY_MS = 864e5;
function toDays(y, m, d) {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}
function fromDays(days) {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}
function planFor(texts) {
  let minDay = Infinity;
  let maxDay = -Infinity;
  let minMonth = Infinity;
  let maxMonth = -Infinity;
  for (const text of texts) {
    for (const m of text.matchAll(HEADING)) {
      const day = toDays(Number(m[2]), Number(m[3]), Number(m[4]));
      if (Number.isNaN(day)) continue;
      minDay = Math.min(minDay, day);
      maxDay = Math.max(maxDay, day);
    }
    for (const m of text.matchAll(ARXIV_ID)) {
      const month = Number(m[1]) * 12 + Number(m[2]) - 1;
      minMonth = Math.min(minMonth, month);
      maxMonth = Math.max(maxMonth, month);
    }
  }
  const daySpan = Number.isFinite(minDay) ? maxDay - minDay + 1 : 1;
  const dayStep = Math.ceil((daySpan + 1) / 7) * 7;
  const monthSpan = Number.isFinite(minMonth) ? maxMonth - minMonth + 1 : 1;
  const monthStep = Math.max(monthSpan, Math.ceil(dayStep / 30)) + 1;
  return { dayStep, monthStep };
}
function shiftDigest(text, k, plan) {
  if (k === 0) return text;
  const shifted = text.replace(HEADING, (all, open, y, m, d, close) => {
    const day = toDays(Number(y), Number(m), Number(d));
    if (Number.isNaN(day) || fromDays(day) !== `${y}-${m}-${d}`) return all;
    return `${open}${fromDays(day + k * plan.dayStep)}${close}`;
  });
  return shifted.replace(ARXIV_ID, (_all, yy, mm, num) => {
    const month = Number(yy) * 12 + Number(mm) - 1 + k * plan.monthStep;
    const y2 = Math.floor(month / 12);
    if (y2 > 99) throw new Error(`synth: scale too large, arXiv year would pass 99 (copy ${k})`);
    return `${String(y2).padStart(2, "0")}${String(month % 12 + 1).padStart(2, "0")}.${num}`;
  });
}
function shiftPath(rel, text, k) {
  if (k === 0) return rel;
  HEADING.lastIndex = 0;
  const first = HEADING.exec(text);
  HEADING.lastIndex = 0;
  if (!first) return null;
  if (/^\d{4}\/\d{2}\/\d{2}\.md$/.test(rel)) {
    const date = /\((\d{4})-(\d{2})-(\d{2})\)/.exec(text.slice(first.index, first.index + 40));
    if (date) return `${date[1]}/${date[2]}/${date[3]}.md`;
  }
  return `copy-${k}/${rel}`;
}
async function synthCorpus(options) {
  const { from, out, scale } = options;
  if (!Number.isInteger(scale) || scale < 1) throw new Error("--scale must be a positive integer");
  const rels = (await fg("**/*.md", { cwd: from, onlyFiles: true, dot: false })).sort();
  const texts = await Promise.all(rels.map((rel) => readFile(path.join(from, rel), "utf8")));
  const plan = planFor(texts);
  const written = /* @__PURE__ */ new Set();
  for (let k = 0; k < scale; k++) {
    for (let i = 0; i < rels.length; i++) {
      const rel = rels[i];
      const text = texts[i];
      const copy = shiftDigest(text, k, plan);
      let target = shiftPath(rel, copy, k);
      if (target === null) continue;
      if (written.has(target)) target = `copy-${k}/${rel}`;
      written.add(target);
      const abs = path.join(out, target);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, copy);
    }
  }
  return { files: written.size, plan };
}
var USAGE = `Usage: npm run synth -- --out DIR [--scale N] [--from DIR]

Writes a synthetic corpus N times the size of a folder of digests, for benchmarks and scale
tests. Copy 0 is the source unchanged; each further copy repeats every digest with its dates
moved whole weeks later and its arXiv ids moved months later, so papers stay unique while
titles, summaries, authors and votes keep their real shape.

Options:
  --out DIR       where to write the corpus (required)
  --scale N       copies, the source included (default 10)
  --from DIR      folder of digests to copy (default: input)
  --help          show this help
`;
async function main() {
  const usageError = (reason) => {
    process.stderr.write(`synth: ${reason} (see --help)
`);
    return 2;
  };
  const read = readFlags(process.argv.slice(2), {
    scale: { type: "string", default: "10" },
    out: { type: "string" },
    from: { type: "string", default: "input" },
    help: { type: "boolean", short: "h", default: false }
  });
  if ("error" in read) return usageError(read.error);
  const { values } = read;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.out) return usageError("--out DIR is required");
  if (!/^\d+$/.test(values.scale) || Number(values.scale) < 1) return usageError(`--scale: expected a whole number of at least 1, got "${values.scale}"`);
  const scale = Number(values.scale);
  const result = await synthCorpus({ from: path.resolve(values.from), out: path.resolve(values.out), scale });
  process.stdout.write(
    `synth: wrote ${result.files} files to ${values.out} (scale ${scale}, +${result.plan.dayStep} days and +${result.plan.monthStep} ID months per copy)
`
  );
  return 0;
}
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("pipeline/commands/synth.ts")) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`synth: ${error instanceof Error ? error.message : String(error)}
`);
      process.exitCode = 1;
    }
  );
}
export {
  USAGE,
  planFor,
  shiftDigest,
  synthCorpus
};
//# sourceMappingURL=synth.js.map
