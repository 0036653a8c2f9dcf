/**
 * `npm run bench [-- --runs N --runs10 N --scale 10 --skip-scale --skip-1x --corpus DIR]`: measures the pipeline on
 * ../shared/corpus (1x) and on a synthetic N-times corpus (`pipeline/commands/synth.ts`):
 *
 *   naive          the baseline: glob, remark-parse every file, MiniSearch with default options,
 *                  write papers + index (no cache, no feeds, no page), in this same process
 *   cold           `runPipeline` from an empty cache folder (a fresh clone), every step
 *   no-change      a rerun with nothing changed (fast path)
 *   one-new-digest a rerun after adding one digest (warm parse cache)
 *   peak RSS       maxRSS of the child process running a corpus (each corpus runs in its own
 *                  child): after the pipeline's first cold run, which runs before anything else,
 *                  and after the naive run that follows it (the larger of the two peaks)
 *
 * Reports medians and ratios against the naive baseline, per-step medians of the cold run, the
 * growth from 1x to Nx, and checks the goals (cold <= 0.5x naive, no-change <= 1 s,
 * one-new-digest <= 0.35x naive, peak RSS <= 1.5 GB at 10x, linear growth).
 * Writes the figures to .cache/bench/bench-<date>.json as well. This is not a unit test.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import type { Heading, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import MiniSearch from 'minisearch';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { loadConfig } from '../../pipeline/config/load.ts';
import type { ResolvedConfig } from '../../pipeline/context.ts';
import { RunLogger } from '../../pipeline/report/logger.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { planFor, shiftDigest, synthCorpus } from '../../pipeline/commands/synth.ts';

const ROOT = path.resolve(import.meta.dirname, '../../');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

// ---------------------------------------------------------------------------------------------
// The naive one-shot baseline

interface NaiveDoc {
  id: number;
  url: string;
  title: string;
  text: string;
}

export async function naiveRun(input: string, output: string): Promise<number> {
  const files = (await fg('**/*.md', { cwd: input, onlyFiles: true })).sort();
  const processor = unified().use(remarkParse);
  const docs: NaiveDoc[] = [];
  for (const file of files) {
    const tree = processor.parse(await readFile(path.join(input, file), 'utf8')) as Root;
    let current: NaiveDoc | null = null;
    for (const node of tree.children) {
      if (node.type === 'heading' && (node as Heading).depth === 3) {
        const link = (node as Heading).children.find((c): c is Link => c.type === 'link');
        current = { id: docs.length, url: link?.url ?? '', title: toString(node), text: '' };
        docs.push(current);
      } else if (node.type === 'heading') {
        current = null;
      } else if (current) {
        current.text += `${toString(node)}\n`;
      }
    }
  }
  const index = new MiniSearch<NaiveDoc>({ fields: ['title', 'text'], storeFields: ['title', 'url'] });
  index.addAll(docs);
  await mkdir(output, { recursive: true });
  await writeFile(path.join(output, 'papers.json'), JSON.stringify({ papers: docs }));
  await writeFile(path.join(output, 'search-index.json'), JSON.stringify(index));
  return docs.length;
}

// ---------------------------------------------------------------------------------------------

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  global.gc?.();
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

interface ScenarioResult {
  corpus: string;
  files: number;
  bytes: number;
  papers: number;
  runs: number;
  naive: number[];
  cold: number[];
  coldSteps: Record<string, number[]>;
  noChange: number[];
  oneNew: number[];
  peakRssMb: number | null;
  naivePeakRssMb: number | null;
}

async function corpusSize(dir: string): Promise<{ files: number; bytes: number }> {
  const files = await fg('**/*.md', { cwd: dir, onlyFiles: true, stats: true });
  return { files: files.length, bytes: files.reduce((s, f) => s + (f.stats?.size ?? 0), 0) };
}

/** The digest to add: the newest one, moved one copy later (new date, new ids). */
async function newDigestFor(input: string): Promise<{ rel: string; text: string }> {
  const files = (await fg('**/*.md', { cwd: input, onlyFiles: true })).sort();
  const texts = await Promise.all(files.map((f) => readFile(path.join(input, f), 'utf8')));
  const plan = planFor(texts);
  let last = texts.length - 1;
  while (last > 0 && !/^## Daily Papers \(/m.test(texts[last]!)) last--;
  return { rel: 'bench-new/one-new-digest.md', text: shiftDigest(texts[last]!, 1, plan) };
}

const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * One corpus, in a fresh child process (its own heap and peak RSS): naive and cold runs
 * interleaved, then no-change reruns and one-new-digest reruns. A cold run starts from an empty
 * cache folder (like a fresh clone) and so also fills the cache the reruns use.
 */
async function benchCorpus(name: string, source: string, runs: number, work: string, log: (s: string) => void): Promise<ScenarioResult> {
  const input = path.join(work, 'input');
  const output = path.join(work, 'output');
  const naiveOut = path.join(work, 'naive');
  const cacheDir = path.join(work, 'cache');
  await rm(work, { recursive: true, force: true });
  await cp(source, input, { recursive: true });
  const size = await corpusSize(input);
  const base = await loadConfig({ cwd: ROOT, input, output });
  const config: ResolvedConfig = { ...base, cacheDirAbs: cacheDir };
  const logger = new RunLogger('json');
  const result: ScenarioResult = {
    corpus: name, ...size, papers: 0, runs, naive: [], cold: [], coldSteps: {}, noChange: [], oneNew: [], peakRssMb: null, naivePeakRssMb: null,
  };
  log(`${name}: ${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB, ${runs} run(s) each`);

  for (let i = 0; i < runs; i++) {
    // Interleaved, so that load from other processes hits both alike. The pipeline goes first:
    // maxRSS is a high-water mark, so its peak is read before the naive run can raise it.
    await rm(cacheDir, { recursive: true, force: true });
    let report;
    const tc = await timed(async () => {
      ({ report } = await runPipeline({ config, logger, allowEmpty: true }));
    });
    result.cold.push(tc);
    if (i === 0) result.peakRssMb = rssMb();
    const tn = await timed(() => naiveRun(input, naiveOut));
    result.naive.push(tn);
    if (i === 0) result.naivePeakRssMb = rssMb();
    result.papers = report!.counts.papers ?? 0;
    for (const s of report!.steps) (result.coldSteps[s.name] ??= []).push(s.ms);
    log(`  run ${i + 1}: naive ${fmt(tn)}, cold ${fmt(tc)} (exit ${report!.exitCode}, cache misses ${report!.cache.misses})`);
  }

  for (let i = 0; i < Math.max(runs, 3); i++) {
    let fast = false;
    result.noChange.push(await timed(async () => {
      fast = (await runPipeline({ config, logger, allowEmpty: true })).report.fastPath;
    }));
    if (!fast) log('  warning: the no-change rerun did not take the fast path');
  }
  const added = await newDigestFor(input);
  for (let i = 0; i < runs; i++) {
    await mkdir(path.join(input, path.dirname(added.rel)), { recursive: true });
    await writeFile(path.join(input, added.rel), added.text);
    let misses = 0;
    result.oneNew.push(await timed(async () => {
      misses = (await runPipeline({ config, logger, allowEmpty: true })).report.cache.misses;
    }));
    if (misses !== 1) log(`  warning: one-new-digest rerun parsed ${misses} files`);
    await rm(path.join(input, path.dirname(added.rel)), { recursive: true });
    // Back to the base state (this run prunes the new digest from the parse cache).
    if (i < runs - 1) await runPipeline({ config, logger, allowEmpty: true });
  }
  log(`  no-change ${result.noChange.map(fmt).join(', ')}; one-new-digest ${result.oneNew.map(fmt).join(', ')}`);
  log(`  peak RSS: the pipeline's cold run ${result.peakRssMb?.toFixed(0)} MB; after the naive run too ${result.naivePeakRssMb?.toFixed(0)} MB`);
  await rm(work, { recursive: true, force: true });
  return result;
}

function inChild(name: string, source: string, runs: number, work: string): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=6144', '--import', TSX, path.join(ROOT, 'test/bench/bench.ts'),
        '--child', name, '--input', source, '--work', work, '--runs', String(runs)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      out += text;
      for (const line of text.split('\n')) if (line && !line.startsWith('RESULT ')) process.stdout.write(`${line}\n`);
    });
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) resolve(JSON.parse(line.slice(7)) as ScenarioResult);
      else reject(new Error(`bench child for ${name} exited with ${code}`));
    });
  });
}

function summarize(results: ScenarioResult[]): { text: string; goals: Record<string, boolean | null> } {
  const lines: string[] = [];
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  lines.push(row(['corpus', 'files', 'papers', 'naive', 'cold', 'cold/naive', 'no-change', 'one-new', 'one-new/naive', 'peak RSS (with naive)']));
  lines.push(row(Array(10).fill('---')));
  for (const r of results) {
    const n = median(r.naive);
    lines.push(row([
      r.corpus, String(r.files), String(r.papers), fmt(n), fmt(median(r.cold)), ratio(median(r.cold), n),
      fmt(median(r.noChange)), fmt(median(r.oneNew)), ratio(median(r.oneNew), n),
      `${r.peakRssMb?.toFixed(0) ?? '?'} MB (${r.naivePeakRssMb?.toFixed(0) ?? '?'} MB)`,
    ]));
  }
  lines.push('', 'Cold run, median per step:');
  for (const r of results) {
    lines.push(`  ${r.corpus}: ${Object.entries(r.coldSteps).map(([k, v]) => `${k} ${fmt(median(v))}`).join(', ')}`);
  }
  const one = results[0];
  const big = results[results.length - 1];
  const goals: Record<string, boolean | null> = {
    'cold <= 0.5x naive': results.every((r) => median(r.cold) <= 0.5 * median(r.naive)),
    'no-change <= 1 s': results.every((r) => median(r.noChange) <= 1000),
    'one-new-digest <= 0.35x naive': results.every((r) => median(r.oneNew) <= 0.35 * median(r.naive)),
    'peak RSS <= 1.5 GB at the largest scale': big?.peakRssMb != null ? big.peakRssMb <= 1536 : null,
    'linear growth (cold time per MB within 1.5x)': null,
  };
  if (one && big && one !== big) {
    const perMb = (r: ScenarioResult): number => median(r.cold) / (r.bytes / 1e6);
    const naivePerMb = (r: ScenarioResult): number => median(r.naive) / (r.bytes / 1e6);
    const growth = perMb(big) / perMb(one);
    const exponent = Math.log(median(big.cold) / median(one.cold)) / Math.log(big.bytes / one.bytes);
    lines.push(
      '',
      `Growth ${one.corpus} -> ${big.corpus} (${(big.bytes / one.bytes).toFixed(1)}x input): cold time x${(median(big.cold) / median(one.cold)).toFixed(1)} ` +
        `(exponent ${exponent.toFixed(2)}; per MB ${fmt(perMb(one))} -> ${fmt(perMb(big))}); naive per MB ${fmt(naivePerMb(one))} -> ${fmt(naivePerMb(big))}`,
    );
    goals['linear growth (cold time per MB within 1.5x)'] = growth <= 1.5;
  }
  lines.push('', 'Goals:');
  for (const [goal, ok] of Object.entries(goals)) lines.push(`  ${ok === null ? '?' : ok ? 'met   ' : 'MISSED'}  ${goal}`);
  return { text: lines.join('\n'), goals };
}

async function child(name: string, input: string, work: string, runs: number): Promise<void> {
  const result = await benchCorpus(name, input, runs, work, (line) => void process.stdout.write(`${line}\n`));
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      runs10: { type: 'string', default: '1' },
      scale: { type: 'string', default: '10' },
      'skip-scale': { type: 'boolean', default: false },
      'skip-1x': { type: 'boolean', default: false },
      corpus: { type: 'string', default: CORPUS },
      child: { type: 'string' },
      input: { type: 'string' },
      work: { type: 'string' },
    },
  });
  if (values.child) return child(values.child, values.input!, values.work!, Number(values.runs));

  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  const source = path.resolve(values.corpus);
  try {
    await readdir(source);
  } catch {
    log(`bench: corpus ${source} not found; pass --corpus DIR`);
    process.exitCode = 2;
    return;
  }
  const scale = Number(values.scale);
  log(`bench: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM`);
  const tmp = await mkdtemp(path.join(tmpdir(), 'dpf-bench-'));
  const results: ScenarioResult[] = [];
  try {
    if (!values['skip-1x']) results.push(await inChild('1x (shared/corpus)', source, Number(values.runs), path.join(tmp, '1x')));
    if (!values['skip-scale'] && scale > 1) {
      const synth = path.join(tmp, `synth-${scale}x`);
      const made = await synthCorpus({ from: source, out: synth, scale });
      log(`\nsynth: ${made.files} files (+${made.plan.dayStep} days, +${made.plan.monthStep} id months per copy)`);
      results.push(await inChild(`${scale}x (synthetic)`, synth, Number(values.runs10), path.join(tmp, `${scale}x`)));
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const { text, goals } = summarize(results);
  log(`\n${text}`);
  const outDir = path.join(ROOT, '.cache/bench');
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ results, goals }, null, 2)}\n`);
  log(`\nfigures saved to ${path.relative(ROOT, file)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
