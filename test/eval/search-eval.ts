/**
 * `npm run eval:search`: known-item search quality on ../shared/corpus.
 *
 * Builds the project's index (pipeline/steps/search-index.ts, loaded back through src/search/client.ts) and,
 * in the same run, a plain MiniSearch baseline (title, summary, authors; default analyzer;
 * prefix + fuzzy 0.2), runs test/eval/queries.ts against both and prints success@10 (rank 1
 * for arXiv IDs) and MRR per kind. Exits 1 when a goal is missed (>= 0.98 success for every
 * kind, arXiv IDs at rank 1 every time, overall MRR >= 0.85), 0 otherwise; skips (exit 0)
 * when the corpus is missing. Pass --verbose to list every miss.
 */
import MiniSearch from 'minisearch';
import { buildIndexOf } from '../../pipeline/steps/search-index.ts';
import { indexJsonText } from '../../src/search/index-json.ts';
import { loadSearchIndex } from '../../src/search/client.ts';
import { toSearchDocument } from '../../src/search/options.ts';
import { CORPUS, corpusAvailable, loadDataset } from './corpus.ts';
import { QUERIES } from './queries.ts';
import type { QueryKind } from './queries.ts';

const verbose = process.argv.includes('--verbose');
const DEPTH = 100;

interface Score {
  n: number;
  success: number;
  rr: number;
  misses: string[];
}

function score(name: string, search: (q: string) => string[]): Map<QueryKind | 'all', Score> {
  const out = new Map<QueryKind | 'all', Score>();
  const get = (k: QueryKind | 'all') => {
    let s = out.get(k);
    if (!s) out.set(k, (s = { n: 0, success: 0, rr: 0, misses: [] }));
    return s;
  };
  for (const q of QUERIES) {
    const ids = search(q.query).slice(0, DEPTH);
    const rank = ids.indexOf(q.id) + 1;
    const ok = q.kind === 'arxiv' ? rank === 1 : rank >= 1 && rank <= 10;
    for (const s of [get(q.kind), get('all')]) {
      s.n++;
      if (ok) s.success++;
      if (rank > 0) s.rr += 1 / rank;
      if (!ok) s.misses.push(`${q.query} -> ${q.id} (rank ${rank || `>${DEPTH}`}; got ${ids.slice(0, 3).join(', ')})`);
    }
  }
  if (verbose) {
    for (const m of out.get('all')!.misses) console.log(`  ${name} miss: ${m}`);
  }
  return out;
}

function main(): number {
  if (!corpusAvailable()) {
    console.warn(`eval:search skipped: corpus not found at ${CORPUS}`);
    return 0;
  }
  let t = performance.now();
  const dataset = loadDataset();
  console.log(`corpus: ${dataset.papers.length} papers (${((performance.now() - t) / 1000).toFixed(1)} s to parse)`);
  const missingIds = QUERIES.filter((q) => !dataset.papers.some((p) => p.id === q.id));
  if (missingIds.length > 0) console.warn(`warning: ${missingIds.length} query target(s) not in the corpus`);

  t = performance.now();
  const ours = loadSearchIndex(indexJsonText(buildIndexOf(dataset).index));
  console.log(`project index built and loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const plain = new MiniSearch({ fields: ['title', 'summary', 'authors'], storeFields: ['title'] });
  plain.addAll(dataset.papers.map(toSearchDocument));

  const a = score('project', (q) => ours.search(q, { limit: DEPTH }).map((h) => h.id));
  const b = score('plain', (q) => plain.search(q, { prefix: true, fuzzy: 0.2 }).map((r) => String(r.id)));

  const kinds = [...[...a.keys()].filter((k) => k !== 'all'), 'all' as const];
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\n${pad('kind', 12)} ${pad('n', 4)} ${pad('success', 9)} ${pad('MRR', 7)} | ${pad('plain success', 14)} plain MRR`);
  let failed = false;
  for (const k of kinds) {
    const x = a.get(k)!;
    const y = b.get(k)!;
    const succ = x.success / x.n;
    const mrr = x.rr / x.n;
    console.log(
      `${pad(k, 12)} ${pad(String(x.n), 4)} ${pad(succ.toFixed(3), 9)} ${pad(mrr.toFixed(3), 7)} | ${pad((y.success / y.n).toFixed(3), 14)} ${(y.rr / y.n).toFixed(3)}`,
    );
    if (k !== 'all' && succ < 0.98) failed = true;
    if (k === 'arxiv' && x.success !== x.n) failed = true;
    if (k === 'all' && mrr < 0.85) failed = true;
  }
  console.log(`\ngoal (success >= 0.98 per kind, arXiv rank 1 always, MRR >= 0.85): ${failed ? 'MISSED' : 'met'}`);
  if (!verbose && a.get('all')!.misses.length > 0) console.log(`misses: ${a.get('all')!.misses.join('\n        ')}`);
  return failed ? 1 : 0;
}

process.exitCode = main();
