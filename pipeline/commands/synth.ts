/**
 * Synthetic corpus generator for benchmarks and scale tests:
 *
 *   npm run synth -- --scale 10 --out DIR [--from DIR]   (USAGE below; exit 2 on a usage error)
 *
 * Copy 0 is the source corpus unchanged. Copy k (1..scale-1) is every digest again, with
 * every `## Daily Papers (date)` heading moved k * `dayStep` days later (a whole number of
 * weeks, so weekdays stay realistic) and every arXiv-shaped ID in a link moved k * `monthStep`
 * months later, so papers stay unique across copies while keeping their real shape
 * (titles, Korean summaries, authors, votes, media and quirks are untouched).
 * Files named YYYY/MM/DD.md are renamed after their shifted date; other digests go to
 * `copy-<k>/<path>`; files without a digest heading (a README) are copied once.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFlags } from './flags.ts';
import path from 'node:path';
import fg from 'fast-glob';

const HEADING = /^(##[ \t]+Daily Papers[ \t]*\()(\d{4})-(\d{2})-(\d{2})(\))/gm;
/** New-style arXiv IDs inside links: abs/2404.03715, papers/2404.03715, /2404.03715.png, arXiv:2404.03715. */
const ARXIV_ID = /(?<=[/:=])(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?![\d])/g;
const DAY_MS = 86_400_000;

export interface SynthPlan {
  /** Days added per copy (a multiple of 7, larger than the corpus' date span). */
  dayStep: number;
  /** Months added to arXiv IDs per copy (larger than the corpus' ID month span). */
  monthStep: number;
}

export interface SynthResult {
  files: number;
  plan: SynthPlan;
}

function toDays(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Computes the shift per copy from the dates and IDs found in the source texts. */
export function planFor(texts: readonly string[]): SynthPlan {
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

/** Copy `k` of one digest text (k = 0 returns it unchanged). */
export function shiftDigest(text: string, k: number, plan: SynthPlan): string {
  if (k === 0) return text;
  const shifted = text.replace(HEADING, (all, open: string, y: string, m: string, d: string, close: string) => {
    const day = toDays(Number(y), Number(m), Number(d));
    // An invalid date (a quirk worth keeping) stays as written.
    if (Number.isNaN(day) || fromDays(day) !== `${y}-${m}-${d}`) return all;
    return `${open}${fromDays(day + k * plan.dayStep)}${close}`;
  });
  return shifted.replace(ARXIV_ID, (_all, yy: string, mm: string, num: string) => {
    const month = Number(yy) * 12 + Number(mm) - 1 + k * plan.monthStep;
    const y2 = Math.floor(month / 12);
    if (y2 > 99) throw new Error(`synth: scale too large, arXiv year would pass 99 (copy ${k})`);
    return `${String(y2).padStart(2, '0')}${String((month % 12) + 1).padStart(2, '0')}.${num}`;
  });
}

/** The output path of copy `k` of a file. */
function shiftPath(rel: string, text: string, k: number): string | null {
  if (k === 0) return rel;
  HEADING.lastIndex = 0;
  const first = HEADING.exec(text);
  HEADING.lastIndex = 0;
  if (!first) return null; // not a digest (README...): copied once
  if (/^\d{4}\/\d{2}\/\d{2}\.md$/.test(rel)) {
    const date = /\((\d{4})-(\d{2})-(\d{2})\)/.exec(text.slice(first.index, first.index + 40));
    if (date) return `${date[1]}/${date[2]}/${date[3]}.md`;
  }
  return `copy-${k}/${rel}`;
}

export async function synthCorpus(options: { from: string; out: string; scale: number }): Promise<SynthResult> {
  const { from, out, scale } = options;
  if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale must be a positive integer');
  const rels = (await fg('**/*.md', { cwd: from, onlyFiles: true, dot: false })).sort();
  const texts = await Promise.all(rels.map((rel) => readFile(path.join(from, rel), 'utf8')));
  const plan = planFor(texts);
  const written = new Set<string>();
  for (let k = 0; k < scale; k++) {
    for (let i = 0; i < rels.length; i++) {
      const rel = rels[i]!;
      const text = texts[i]!;
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

export const USAGE = `Usage: npm run synth -- --out DIR [--scale N] [--from DIR]

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

async function main(): Promise<number> {
  const usageError = (reason: string): number => {
    process.stderr.write(`synth: ${reason} (see --help)\n`);
    return 2;
  };
  const read = readFlags(process.argv.slice(2), {
    scale: { type: 'string', default: '10' },
    out: { type: 'string' },
    from: { type: 'string', default: 'input' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if ('error' in read) return usageError(read.error);
  const { values } = read;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.out) return usageError('--out DIR is required');
  if (!/^\d+$/.test(values.scale) || Number(values.scale) < 1) return usageError(`--scale: expected a whole number of at least 1, got "${values.scale}"`);
  const scale = Number(values.scale);
  const result = await synthCorpus({ from: path.resolve(values.from), out: path.resolve(values.out), scale });
  process.stdout.write(
    `synth: wrote ${result.files} files to ${values.out} (scale ${scale}, +${result.plan.dayStep} days and +${result.plan.monthStep} ID months per copy)\n`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('pipeline/commands/synth.ts')) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`synth: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
