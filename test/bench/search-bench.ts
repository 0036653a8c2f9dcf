/**
 * Search benchmark on ../shared/corpus or `--corpus DIR` (`npm run bench:search`, USAGE below, or `runSearchBench()` from the
 * main bench). Reports, against plain MiniSearch built in the same run (title, summary,
 * authors; stored title):
 * - size of search-index.json, raw and gzipped (budget: gzip no larger than plain's);
 * - loadSearchIndex time in Node, median of several runs (budget: <= 0.5 s), next to plain
 *   JSON.parse + MiniSearch.loadJSON;
 * - query latency p50/p95 over a mixed query list typed as prefixes too (budget: p95 <= 10 ms).
 * Figures only: the machine is shared, so nothing here fails a build.
 */
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { buildIndexOf } from '../../pipeline/steps/search-index.ts';
import { indexJsonText } from '../../src/search/index-json.ts';
import { expandIndex, loadSearchIndex, searchIndex } from '../../src/search/client.ts';
import { indexOptions, toSearchDocument } from '../../src/search/options.ts';
import { CORPUS, corpusAvailable, loadDataset } from '../eval/corpus.ts';
import { QUERIES } from '../eval/queries.ts';
import type { Dataset } from '../../src/types.ts';
import { commandFlags } from './flags.ts';

export interface SearchBenchResult {
  papers: number;
  index: { raw: number; gzip: number };
  plain: { raw: number; gzip: number };
  loadMs: { median: number; min: number };
  plainLoadMs: { median: number; min: number };
  /** Warm: every query of the list already run once. */
  query: { count: number; p50: number; p95: number; max: number };
  /** Cold: the first run of each query after loading. */
  coldQuery: { count: number; p50: number; p95: number; max: number };
  /** Plain MiniSearch, prefix + fuzzy 0.2 on every term, the same queries minus the over-long ones. */
  plainQuery: { count: number; p50: number; p95: number; max: number };
  firstQueryMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const time = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/** The queries timed: the eval set, every prefix of some of them (as typed), and bad input. */
function queryList(): string[] {
  const qs = QUERIES.map((q) => q.query);
  for (const q of ['강화학습 로봇', 'diffusion transformer', 'Yingcong Chen', '언어모델 평가', 'arXiv:2404.03715']) {
    for (let i = 1; i <= q.length; i++) qs.push(q.slice(0, i));
  }
  qs.push('', '.*+?^${}()|[]\\', 'x'.repeat(10_000), '모델 '.repeat(3_000), 'a b c d e f g h i j k l m n o p');
  return qs;
}

/** Runs the benchmark on `dataset`, else on the digests of `corpus`; null (with a note) when that folder is missing. */
export function runSearchBench(dataset?: Dataset, runs = 5, corpus = CORPUS): SearchBenchResult | null {
  if (!dataset && !corpusAvailable(corpus)) {
    console.warn(`bench:search skipped: corpus not found at ${corpus} (pass --corpus DIR)`);
    return null;
  }
  const ds = dataset ?? loadDataset(corpus);
  const json = indexJsonText(buildIndexOf(ds).index);
  // Collect the previous run's garbage first when node runs with --expose-gc (bench:search does).
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

  // The project's index first, with nothing else in the heap but the dataset.
  const loads: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    loads.push(time(() => loadSearchIndex(json)));
  }
  gc();
  const client = loadSearchIndex(json);
  const qs = queryList();
  const firstQueryMs = time(() => client.search(qs[0]!));
  // First pass: cold (a term's postings are parsed when a query first touches them); then warm.
  const cold: number[] = [];
  for (const q of qs) cold.push(time(() => client.search(q)));
  const times: number[] = [];
  for (let r = 0; r < 3; r++) for (const q of qs) times.push(time(() => client.search(q)));

  // A reference load with MiniSearch's own loader (of the expanded index) must agree (guards the fast loader).
  const reference = MiniSearch.loadJS(expandIndex(json), indexOptions);
  for (const q of ['강화학습', 'diffusion model', 'Yingcong Chen', '언어모델 평가']) {
    const a = client.search(q, { limit: 20 }).map((h) => h.id).join();
    const b = searchIndex(reference, q, { limit: 20 }).map((x) => x.id).join();
    if (a !== b) console.warn(`bench:search: WARNING fast loader results differ from MiniSearch.loadJS for ${q}`);
  }

  // Plain MiniSearch, built and measured afterwards.
  const plainIndex = new MiniSearch({ fields: ['title', 'summary', 'authors'], storeFields: ['title'] });
  plainIndex.addAll(ds.papers.map(toSearchDocument));
  const plainJson = JSON.stringify(plainIndex);
  const plainLoads: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    plainLoads.push(time(() => MiniSearch.loadJSON(plainJson, { fields: ['title', 'summary', 'authors'], storeFields: ['title'] })));
  }
  gc();
  const plainTimes: number[] = [];
  // Plain MiniSearch gets only the well-formed queries: it has no query cap, and fuzzy search of a
  // 10,000-character term exhausts the heap.
  const wellFormed = qs.filter((q) => q.length <= 100);
  for (let r = 0; r < 3; r++) for (const q of wellFormed) plainTimes.push(time(() => plainIndex.search(q, { prefix: true, fuzzy: 0.2 })));
  return {
    papers: ds.papers.length,
    index: { raw: Buffer.byteLength(json), gzip: gzipSync(json).length },
    plain: { raw: Buffer.byteLength(plainJson), gzip: gzipSync(plainJson).length },
    loadMs: { median: median(loads), min: Math.min(...loads) },
    plainLoadMs: { median: median(plainLoads), min: Math.min(...plainLoads) },
    query: { count: times.length, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) },
    coldQuery: { count: cold.length, p50: pct(cold, 50), p95: pct(cold, 95), max: Math.max(...cold) },
    plainQuery: { count: plainTimes.length, p50: pct(plainTimes, 50), p95: pct(plainTimes, 95), max: Math.max(...plainTimes) },
    firstQueryMs,
  };
}

export function formatSearchBench(r: SearchBenchResult): string {
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  return [
    `search (${r.papers} papers)`,
    `  search-index.json: ${mb(r.index.raw)} raw, ${mb(r.index.gzip)} gzip | plain MiniSearch ${mb(r.plain.raw)} raw, ${mb(r.plain.gzip)} gzip` +
      ` (ratio ${(r.index.gzip / r.plain.gzip).toFixed(3)}; budget <= 1.30)`,
    `  loadSearchIndex: median ${ms(r.loadMs.median)}, min ${ms(r.loadMs.min)} (budget 500 ms) | plain loadJSON median ${ms(r.plainLoadMs.median)}` +
      ` (ratio ${(r.loadMs.median / r.plainLoadMs.median).toFixed(2)})`,
    `  query, cold (first run after load): p50 ${ms(r.coldQuery.p50)}, p95 ${ms(r.coldQuery.p95)}, max ${ms(r.coldQuery.max)}`,
    `  query, warm: ${r.query.count} timed, p50 ${ms(r.query.p50)}, p95 ${ms(r.query.p95)} (budget 10 ms), max ${ms(r.query.max)}` +
      ` | plain p50 ${ms(r.plainQuery.p50)}, p95 ${ms(r.plainQuery.p95)}`,
    `  load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`,
  ].join('\n');
}

export default function main(dataset?: Dataset): SearchBenchResult | null {
  const r = runSearchBench(dataset);
  if (r) console.log(formatSearchBench(r));
  return r;
}

export const USAGE = `Usage: npm run bench:search -- [options]

Search benchmark on the real corpus, against plain MiniSearch built in the same run: the size of
search-index.json (raw and gzipped), its load time in Node, and query latency (p50/p95) over
mixed queries typed as prefixes. Figures only. Skips when the corpus is missing.

Options:
  --corpus DIR    folder of digests (default: ../shared/corpus)
  --runs N        load-time runs (default 5)
  --help          show this help
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const values = commandFlags('bench:search', USAGE, { corpus: { type: 'string' }, runs: { type: 'string', default: '5' } });
  const corpus = path.resolve(values.corpus ?? CORPUS);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`bench:search: --runs: expected a whole number of at least 1, got "${values.runs}" (see --help)\n`);
    process.exit(2);
  }
  if (values.corpus !== undefined && !corpusAvailable(corpus)) {
    process.stderr.write(`bench:search: corpus ${corpus} not found\n`);
    process.exit(2);
  }
  const r = runSearchBench(undefined, runs, corpus);
  if (r) console.log(formatSearchBench(r));
}
