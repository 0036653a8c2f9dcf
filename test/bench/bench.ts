/**
 * `npm run bench [-- --runs N --runs10 N --scale 10 --skip-scale --skip-1x --corpus DIR]`: times
 * the user's command, `npm run pipeline`, as a whole process (npm, node start-up, loading the
 * code, the config, the run), on ../shared/corpus (1x) and on a synthetic N-times corpus
 * (`npm run synth`), against a naive one-shot baseline run as a process of its own
 * (test/bench/naive.ts, compiled to JavaScript, `node naive.mjs`) in the same bench run:
 *
 *   cold           `npm run pipeline` with no cache and no output folder (a fresh clone)
 *   no change      a rerun with nothing changed (the fast path)
 *   one new digest a rerun after adding one digest (warm parse cache)
 *   --version      `npm run pipeline -- --version`
 *   peak RSS       of a cold run's largest process (GNU time's %M, when /usr/bin/time exists)
 *
 * Wall-clock time is what the goals are about; the CPU time of each run (GNU time's %U + %S)
 * is reported too, as it depends much less on what else the machine is doing.
 *
 * Each cold run and each one-new-digest run works in a folder of its own (a config importing the
 * project's pipeline.config.ts, with its own output and cache folders), and nothing is removed
 * between timed runs: see SETTLE_SECONDS for why that matters on this machine, and the wait it
 * sets. Naive and cold runs are interleaved, so that load from other processes hits both alike.
 * Prints medians, ratios and the goals (--version <= 0.3 s, no change <= 0.3 s, one new digest
 * <= 0.25x naive, cold <= 0.9x naive), and saves the figures to .cache/bench/. Not a unit test.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import fg from 'fast-glob';
import { commandFlags } from './flags.ts';
import { CORPUS } from '../helpers/corpus.ts';
import { ensureBuilt } from '../../pipeline/build.mjs';
import { planFor, shiftDigest, synthCorpus } from '../../pipeline/commands/synth.ts';

const ROOT = path.resolve(import.meta.dirname, '../../');
const BENCH_DIR = path.join(ROOT, '.cache/bench');
const GNU_TIME = '/usr/bin/time';
/** The children's environment: no TypeScript loader inherited from this process. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !k.startsWith('TSX')));

interface Timed {
  /** Wall clock, ms. */
  ms: number;
  /** CPU time (user + system) of the process tree, ms; null without GNU time. */
  cpuMs: number | null;
  /** Peak RSS of the largest process of the tree, MB; null without GNU time. */
  rssMb: number | null;
  stdout: string;
}

/**
 * Runs `command args` in `cwd` to the end and times it (wall clock, and CPU time and peak RSS
 * through GNU time when /usr/bin/time exists); rejects on a non-zero exit.
 */
function timedRun(command: string, args: string[], cwd: string): Promise<Timed> {
  const withTime = existsSync(GNU_TIME);
  const [file, argv] = withTime ? [GNU_TIME, ['-f', 'BENCH %M %U %S', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
      const t = withTime ? /BENCH (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(stderr) : null;
      resolve({ ms, cpuMs: t ? (Number(t[2]) + Number(t[3])) * 1000 : null, rssMb: t ? Number(t[1]) / 1024 : null, stdout });
    });
  });
}

/** Compiles the naive baseline to JavaScript under .cache/bench/ (where its packages resolve). */
async function compileNaive(): Promise<string> {
  const out = path.join(BENCH_DIR, 'naive.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/bench/naive.ts')],
    outfile: out,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

interface ScenarioResult {
  corpus: string;
  files: number;
  bytes: number;
  runs: number;
  naive: number[];
  cold: number[];
  noChange: number[];
  oneNew: number[];
  version: number[];
  /** CPU time (ms) of the same runs, per scenario (empty without GNU time). */
  cpu: Record<'naive' | 'cold' | 'noChange' | 'oneNew' | 'version', number[]>;
  coldRssMb: number | null;
  naiveRssMb: number | null;
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

/** The run's report.json (the pipeline's own account: fast path, cache misses). */
async function report(output: string): Promise<{ fastPath: boolean; cache: { misses: number }; exitCode: number }> {
  return JSON.parse(await readFile(path.join(output, 'report.json'), 'utf8'));
}

/**
 * Seconds to let pass after files were removed before a timed run (`--settle`). On a file
 * system without a journal (this project's machine: ext4, `journal_task` <none>), ext4 skips
 * inodes removed in the last 60 s when it allocates new ones (fs/ext4/ialloc.c,
 * `recently_deleted`, RECENTCY_MIN), so a run that creates thousands of files right after
 * thousands were removed spends seconds of system time scanning past them: a cold run over the
 * real corpus took 6.8 to 7.0 s wall (2.9 to 3.1 s system) right after `rm -rf` of the last
 * output, 5.7 to 5.9 s (1.3 s system) with nothing removed in the minute before. A user's cold
 * run (a fresh clone) or daily run has nothing removed just before it, so the bench removes
 * nothing between timed runs (each cold run and each one-new-digest run gets a folder of its
 * own) and waits this long after a timed run that removed an output folder (one new digest
 * replaces the last output) and after the bench starts.
 */
export const SETTLE_SECONDS = 61;

/**
 * Waits until `seconds` have passed since the last removal noted with `removed` (the bench's
 * start counts as one).
 */
function settler(seconds: number, log: (s: string) => void): { removed(): void; settle(): Promise<void> } {
  let last = performance.now();
  return {
    removed: () => void (last = performance.now()),
    settle: async () => {
      const wait = last + seconds * 1000 - performance.now();
      if (wait <= 0) return;
      log(`  (waiting ${(wait / 1000).toFixed(0)} s for removed files to settle)`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}

/**
 * One corpus: naive and cold runs interleaved, then no-change, --version and one-new-digest
 * reruns. Every cold run and every one-new-digest run works in a folder of its own (`work`/cold-N,
 * `work`/new-N: input, output, cache and config), all removed at the end.
 */
async function benchCorpus(
  name: string,
  source: string,
  runs: number,
  work: string,
  naive: string,
  log: (s: string) => void,
  quiet: ReturnType<typeof settler>,
): Promise<ScenarioResult> {
  const naiveOut = path.join(work, 'naive');
  const input = path.join(work, 'input');
  await mkdir(work, { recursive: true });
  await cp(source, input, { recursive: true });
  /** A run folder: a config whose input, output and cache folders are its own (the input a copy of `input` when asked). */
  const folder = async (dir: string, ownInput: boolean): Promise<{ config: string; input: string; output: string }> => {
    await mkdir(dir, { recursive: true });
    const runInput = ownInput ? path.join(dir, 'input') : input;
    if (ownInput) await cp(input, runInput, { recursive: true });
    const config = path.join(dir, 'pipeline.config.ts');
    await writeFile(
      config,
      `import base from ${JSON.stringify(path.join(ROOT, 'pipeline.config.ts'))};
` +
        `export default { ...base, input: ${JSON.stringify(runInput)}, output: 'output', cacheDir: 'cache' };
`,
    );
    return { config, input: runInput, output: path.join(dir, 'output') };
  };
  const size = await corpusSize(input);
  const result: ScenarioResult = {
    corpus: name, ...size, runs, naive: [], cold: [], noChange: [], oneNew: [], version: [],
    cpu: { naive: [], cold: [], noChange: [], oneNew: [], version: [] }, coldRssMb: null, naiveRssMb: null,
  };
  /** Times one run into `scenario` (wall and CPU). */
  const record = (scenario: keyof ScenarioResult['cpu'], t: Timed): Timed => {
    result[scenario].push(t.ms);
    if (t.cpuMs !== null) result.cpu[scenario].push(t.cpuMs);
    return t;
  };
  const pipeline = (config: string, ...flags: string[]): Promise<Timed> =>
    timedRun('npm', ['run', '--silent', 'pipeline', '--', '--config', config, ...flags], ROOT);
  log(`${name}: ${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB, ${runs} run(s) each`);

  let last = { config: '', output: '' };
  for (let i = 0; i < runs; i++) {
    last = await folder(path.join(work, `cold-${i + 1}`), false);
    await quiet.settle();
    const c = record('cold', await pipeline(last.config));
    result.coldRssMb = Math.max(result.coldRssMb ?? 0, c.rssMb ?? 0) || null;
    const n = record('naive', await timedRun(process.execPath, [naive, input, `${naiveOut}-${i + 1}`], ROOT));
    result.naiveRssMb = Math.max(result.naiveRssMb ?? 0, n.rssMb ?? 0) || null;
    const r = await report(last.output);
    log(`  run ${i + 1}: naive ${fmt(n.ms)} (${n.stdout.trim()} papers), cold ${fmt(c.ms)} (exit ${r.exitCode}, cache misses ${r.cache.misses})`);
  }
  const reruns = Math.max(runs, 5);
  for (let i = 0; i < reruns; i++) {
    record('noChange', await pipeline(last.config));
    if (!(await report(last.output)).fastPath) log('  warning: the no-change rerun did not take the fast path');
  }
  for (let i = 0; i < reruns; i++) record('version', await pipeline(last.config, '--version'));
  const added = await newDigestFor(input);
  for (let i = 0; i < runs; i++) {
    // The base state, built untimed in a folder of its own (nothing removed), then the new digest.
    const base = await folder(path.join(work, `new-${i + 1}`), true);
    await pipeline(base.config);
    await mkdir(path.join(base.input, path.dirname(added.rel)), { recursive: true });
    await writeFile(path.join(base.input, added.rel), added.text);
    await quiet.settle();
    record('oneNew', await pipeline(base.config));
    quiet.removed(); // the run replaced the base state's output folder
    const misses = (await report(base.output)).cache.misses;
    if (misses !== 1) log(`  warning: one-new-digest rerun parsed ${misses} files`);
  }
  log(`  no change ${result.noChange.map(fmt).join(', ')}; --version ${result.version.map(fmt).join(', ')}; one new digest ${result.oneNew.map(fmt).join(', ')}`);
  return result;
}

const GOALS = {
  version: { label: '--version <= 0.3 s', ok: (r: ScenarioResult) => median(r.version) <= 300 },
  noChange: { label: 'no change <= 0.3 s', ok: (r: ScenarioResult) => median(r.noChange) <= 300 },
  oneNew: { label: 'one new digest <= 0.25x naive', ok: (r: ScenarioResult) => median(r.oneNew) <= 0.25 * median(r.naive) },
  cold: { label: 'cold <= 0.9x naive', ok: (r: ScenarioResult) => median(r.cold) <= 0.9 * median(r.naive) },
};

function summarize(results: ScenarioResult[]): { text: string; goals: Record<string, Record<string, boolean>> } {
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [
    row(['corpus', 'files', 'naive', 'cold', 'cold / naive', 'no change', '--version', 'one new digest', 'one new / naive', 'peak RSS cold (naive)']),
    row(Array(10).fill('---')),
  ];
  const goals: Record<string, Record<string, boolean>> = {};
  for (const r of results) {
    const n = median(r.naive);
    lines.push(row([
      r.corpus, String(r.files), fmt(n), fmt(median(r.cold)), ratio(median(r.cold), n), fmt(median(r.noChange)),
      fmt(median(r.version)), fmt(median(r.oneNew)), ratio(median(r.oneNew), n),
      r.coldRssMb === null ? '?' : `${r.coldRssMb.toFixed(0)} MB (${r.naiveRssMb?.toFixed(0) ?? '?'} MB)`,
    ]));
    goals[r.corpus] = Object.fromEntries(Object.values(GOALS).map((g) => [g.label, g.ok(r)]));
  }
  if (results.some((r) => r.cpu.cold.length > 0)) {
    const cpu = (v: number[]): string => (v.length ? fmt(median(v)) : '?');
    lines.push('', 'CPU time (user + system of the process tree), medians:', '');
    lines.push(row(['corpus', 'naive', 'cold', 'cold / naive', 'no change', '--version', 'one new digest', 'one new / naive']));
    lines.push(row(Array(8).fill('---')));
    for (const r of results) {
      const n = median(r.cpu.naive);
      lines.push(row([
        r.corpus, cpu(r.cpu.naive), cpu(r.cpu.cold), ratio(median(r.cpu.cold), n), cpu(r.cpu.noChange), cpu(r.cpu.version),
        cpu(r.cpu.oneNew), ratio(median(r.cpu.oneNew), n),
      ]));
    }
  }
  lines.push('', 'Goals (wall-clock medians):');
  for (const [corpus, byGoal] of Object.entries(goals)) {
    for (const [label, ok] of Object.entries(byGoal)) lines.push(`  ${ok ? 'met   ' : 'MISSED'}  ${corpus}: ${label}`);
  }
  return { text: lines.join('\n'), goals };
}

export const USAGE = `Usage: npm run bench -- [options]

Times \`npm run pipeline\` as a whole process (cold, no change, one new digest, --version, peak
memory) on the real corpus and on a synthetic N-times copy of it, against a naive one-shot
baseline, and saves the figures to .cache/bench/. Takes minutes.

Options:
  --corpus DIR    folder of digests (default: ../shared/corpus)
  --runs N        runs per scenario on the 1x corpus (default 3)
  --runs10 N      runs per scenario on the synthetic corpus (default 1)
  --scale N       copies in the synthetic corpus (default 10)
  --skip-1x       skip the 1x corpus
  --skip-scale    skip the synthetic corpus
  --settle S      seconds to wait after files were removed before a timed run (default
                  ${SETTLE_SECONDS}; see SETTLE_SECONDS in test/bench/bench.ts; 0 turns it off)
  --help          show this help
`;

async function main(): Promise<void> {
  const values = commandFlags('bench', USAGE, {
    runs: { type: 'string', default: '3' },
    runs10: { type: 'string', default: '1' },
    scale: { type: 'string', default: '10' },
    'skip-scale': { type: 'boolean', default: false },
    'skip-1x': { type: 'boolean', default: false },
    corpus: { type: 'string', default: CORPUS },
    settle: { type: 'string', default: String(SETTLE_SECONDS) },
  });
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  const source = path.resolve(values.corpus);
  try {
    await readdir(source);
  } catch {
    process.stderr.write(`bench: corpus ${source} not found; pass --corpus DIR (see --help)\n`);
    process.exitCode = 2;
    return;
  }
  log(`bench: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM`);
  await ensureBuilt({ note: (line) => log(`build: ${line}`) });
  await mkdir(BENCH_DIR, { recursive: true });
  const naive = await compileNaive();
  const scale = Number(values.scale);
  const tmp = await mkdtemp(path.join(tmpdir(), 'dpf-bench-'));
  const results: ScenarioResult[] = [];
  const quiet = settler(Number(values.settle), log);
  try {
    if (!values['skip-1x']) results.push(await benchCorpus(`1x (${path.basename(source)})`, source, Number(values.runs), path.join(tmp, '1x'), naive, log, quiet));
    if (!values['skip-scale'] && scale > 1) {
      const synth = path.join(tmp, `synth-${scale}x`);
      const made = await synthCorpus({ from: source, out: synth, scale });
      log(`\nsynth: ${made.files} files (+${made.plan.dayStep} days, +${made.plan.monthStep} id months per copy)`);
      results.push(await benchCorpus(`${scale}x (synthetic)`, synth, Number(values.runs10), path.join(tmp, `${scale}x`), naive, log, quiet));
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const { text, goals } = summarize(results);
  log(`\n${text}`);
  const file = path.join(BENCH_DIR, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ results, goals }, null, 2)}\n`);
  log(`\nfigures saved to ${path.relative(ROOT, file)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
