/**
 * `npm run eval:search`: rule-generated search-quality eval (test/eval/generate.ts) on
 * ../shared/corpus, for three systems:
 *
 *   project          src/search/client.ts over the CLI's search-index.json (used as a black box)
 *   Pagefind         the `pagefind` package (test/eval/pagefind.ts), queried in headless Chromium
 *   plain MiniSearch `minisearch` with its default tokenizer and term processing, fields title,
 *                    summary (bullet texts joined) and authors (names joined), searched with
 *                    `{ prefix: true, fuzzy: 0.2 }` (combineWith OR, no boosts)
 *
 * Metrics per kind: known-item kinds success@10 (arxiv-id: success@1) and MRR over the top 10;
 * author-precision: relevant share of the top 10 (denominator min(10, papers of the author));
 * compound-precision: relevant share of the top 20 (denominator min(20, relevant papers)).
 * "all" averages the known-item kinds (success, MRR) and the precision kinds (precision).
 *
 *   npm run eval:search -- [--corpus DIR] [--output DIR] [--json FILE] [--seed N] [--per-kind N]
 *                          [--no-pagefind] [--verbose] [--misses N] [--compare]   (USAGE below)
 *
 * --output DIR reuses an existing build (papers.json, search-index.json) instead of building
 * the corpus into a temp dir. Prints a markdown table; --json writes it as JSON. Reports only:
 * exits 0 unless something breaks (and skips when the corpus is missing).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { loadSearchIndex } from '../../src/search/client.ts';
import { commandFlags } from '../bench/flags.ts';
import { buildCorpus, CORPUS_DIR, corpusPresent, readPapers } from './build.ts';
import type { Paper } from './build.ts';
import { DEFAULT_PER_KIND, DEFAULT_SEED, generateQueries, KINDS, KNOWN_ITEM_KINDS, PRECISION_KINDS } from './generate.ts';
import type { EvalQuery, Kind } from './generate.ts';
import { createPagefindSearcher } from './pagefind.ts';

const DEPTH = 20;
const SYSTEMS = ['project', 'Pagefind', 'plain MiniSearch'] as const;
type System = (typeof SYSTEMS)[number];

interface KindScore {
  n: number;
  /** known-item kinds */
  success?: number;
  mrr?: number;
  /** precision kinds */
  precision?: number;
}

export interface EvalReport {
  seed: number;
  perKind: number;
  papers: number;
  depth: number;
  skipped: Partial<Record<System, string>>;
  seconds: Record<string, number>;
  results: Record<System, Record<Kind | 'all', KindScore> | null>;
}

export const USAGE = `Usage: npm run eval:search -- [options]

Search-quality eval: builds the corpus with the pipeline, generates queries from it by rules
(known items, arXiv ids, authors, compound filters) and scores three systems (the project's
client, Pagefind, plain MiniSearch). Prints a markdown table. Skips when the corpus is missing.

Options:
  --corpus DIR    folder of digests (default: ../shared/corpus)
  --output DIR    reuse a built output folder (papers.json, search-index.json) instead of building
  --json FILE     also write the results as JSON
  --seed N        seed of the query generator (default ${DEFAULT_SEED})
  --per-kind N    queries per kind (default ${DEFAULT_PER_KIND})
  --no-pagefind   leave Pagefind out
  --verbose       print every query
  --misses N      misses shown per kind (default 5)
  --compare       list the known-item queries where Pagefind or plain MiniSearch ranks the
                  sought paper higher than the project, with every system's rank
  --help          show this help
`;

function plainMiniSearch(papers: Paper[]): (q: string) => string[] {
  const ms = new MiniSearch<{ id: string; title: string; summary: string; authors: string }>({
    fields: ['title', 'summary', 'authors'],
    searchOptions: { prefix: true, fuzzy: 0.2 },
  });
  ms.addAll(
    papers.map((p) => ({
      id: p.id,
      title: p.title,
      summary: p.summary.map((s) => s.text).join('\n'),
      authors: p.authors.map((a) => a.name).join(', '),
    })),
  );
  return (q) => ms.search(q).slice(0, DEPTH).map((r) => String(r.id));
}

/** Rank (1-based) of `id` in `ids`, 0 when absent. */
const rankOf = (ids: string[], id: string) => ids.indexOf(id) + 1;

interface QueryOutcome {
  q: EvalQuery;
  ids: string[];
  rank: number;
  ok: boolean;
  rr: number;
  precision: number;
}

function judge(q: EvalQuery, ids: string[]): QueryOutcome {
  if ((PRECISION_KINDS as readonly string[]).includes(q.kind)) {
    const k = q.kind === 'author-precision' ? 10 : 20;
    const rel = new Set(q.expected);
    const hits = ids.slice(0, k).filter((id) => rel.has(id)).length;
    return { q, ids, rank: 0, ok: false, rr: 0, precision: hits / Math.min(k, rel.size) };
  }
  const rank = rankOf(ids.slice(0, 10), q.expected[0]!);
  const ok = q.kind === 'arxiv-id' ? rank === 1 : rank >= 1;
  return { q, ids, rank, ok, rr: rank ? 1 / rank : 0, precision: 0 };
}

function summarize(outcomes: QueryOutcome[]): Record<Kind | 'all', KindScore> {
  const out = {} as Record<Kind | 'all', KindScore>;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  for (const kind of KINDS) {
    const os = outcomes.filter((o) => o.q.kind === kind);
    out[kind] = (PRECISION_KINDS as readonly string[]).includes(kind)
      ? { n: os.length, precision: mean(os.map((o) => o.precision)) }
      : { n: os.length, success: mean(os.map((o) => (o.ok ? 1 : 0))), mrr: mean(os.map((o) => o.rr)) };
  }
  const ki = KNOWN_ITEM_KINDS.map((k) => out[k]);
  const pk = PRECISION_KINDS.map((k) => out[k]);
  out.all = {
    n: outcomes.length,
    success: mean(ki.map((s) => s.success!)),
    mrr: mean(ki.map((s) => s.mrr!)),
    precision: mean(pk.map((s) => s.precision!)),
  };
  return out;
}

function cell(s: KindScore | undefined, kind: Kind | 'all'): string {
  if (!s) return 'skipped';
  if (kind === 'all') return `${s.success!.toFixed(3)} / ${s.mrr!.toFixed(3)} · P ${s.precision!.toFixed(3)}`;
  return s.precision !== undefined ? s.precision.toFixed(3) : `${s.success!.toFixed(3)} / ${s.mrr!.toFixed(3)}`;
}

function metricName(kind: Kind | 'all'): string {
  if (kind === 'all') return 'S / MRR · precision';
  if (kind === 'arxiv-id') return 'S@1 / MRR';
  if (kind === 'author-precision') return 'P@10';
  if (kind === 'compound-precision') return 'P@20';
  return 'S@10 / MRR';
}

export function markdownTable(r: EvalReport): string {
  const rows = [
    `| kind | n | metric | ${SYSTEMS.join(' | ')} |`,
    `|---|---:|---|${SYSTEMS.map(() => '---:').join('|')}|`,
  ];
  for (const kind of [...KINDS, 'all' as const]) {
    const n = r.results.project?.[kind]?.n ?? 0;
    rows.push(`| ${kind} | ${n} | ${metricName(kind)} | ${SYSTEMS.map((s) => cell(r.results[s]?.[kind], kind)).join(' | ')} |`);
  }
  return rows.join('\n');
}

/**
 * The known-item queries where another system ranks the sought paper higher than the project
 * (ranks over the top DEPTH, `-` when absent), per kind, with each kind's count: where to look
 * when the project's MRR trails. Systems that did not run are left out.
 */
export function comparison(queries: readonly EvalQuery[], runs: Partial<Record<System, string[][]>>): string[] {
  const others = SYSTEMS.filter((s) => s !== 'project' && runs[s]);
  const lines = [`known-item queries where ${others.join(' or ')} ranks the sought paper higher (ranks: ${SYSTEMS.filter((s) => runs[s]).join(', ')}):`];
  const rank = (s: System, i: number, id: string) => rankOf(runs[s]![i]!, id) || Infinity;
  for (const kind of KNOWN_ITEM_KINDS) {
    const rows: string[] = [];
    queries.forEach((q, i) => {
      if (q.kind !== kind) return;
      const id = q.expected[0]!;
      const ours = rank('project', i, id);
      if (!others.some((s) => rank(s, i, id) < ours)) return;
      const ranks = SYSTEMS.filter((s) => runs[s]).map((s) => (rank(s, i, id) === Infinity ? '-' : String(rank(s, i, id))));
      rows.push(`    ${JSON.stringify(q.query)} -> ${id}: ${ranks.join(' / ')}`);
    });
    if (rows.length) lines.push(`  ${kind}: ${rows.length}`, ...rows);
  }
  return lines;
}

async function main(): Promise<number> {
  const values = commandFlags('eval:search', USAGE, {
    corpus: { type: 'string' },
    output: { type: 'string' },
    json: { type: 'string' },
    seed: { type: 'string' },
    'per-kind': { type: 'string' },
    'no-pagefind': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    misses: { type: 'string' },
    compare: { type: 'boolean', default: false },
  });
  const seed = Number(values.seed ?? DEFAULT_SEED);
  const perKind = Number(values['per-kind'] ?? DEFAULT_PER_KIND);
  const jsonOut = values.json;
  const verbose = values.verbose;
  const showMisses = Number(values.misses ?? 5);
  const corpus = resolve(values.corpus ?? CORPUS_DIR);
  const seconds: Record<string, number> = {};
  const t = () => performance.now();
  const tAll = t();

  let dir = values.output;
  let built: string | undefined;
  if (!dir) {
    if (!corpusPresent(corpus)) {
      if (values.corpus !== undefined) {
        console.error(`eval:search: corpus ${corpus} not found`);
        return 2;
      }
      console.warn(`eval:search skipped: corpus not found at ${corpus} (pass --corpus DIR)`);
      return 0;
    }
    let t0 = t();
    built = mkdtempSync(join(tmpdir(), 'search-eval-build-'));
    dir = buildCorpus(built, corpus);
    seconds.build = (t() - t0) / 1000;
    console.log(`built the corpus with the CLI in ${seconds.build.toFixed(1)} s`);
  }
  try {
    let t0 = t();
    const papers = readPapers(dir);
    const set = generateQueries(papers, seed, perKind);
    seconds.generate = (t() - t0) / 1000;
    console.log(`seed ${seed}: ${set.queries.length} queries over ${papers.length} papers (${seconds.generate.toFixed(1)} s)`);
    const queries = set.queries;

    const runs: Partial<Record<System, string[][]>> = {};
    const skipped: Partial<Record<System, string>> = {};

    t0 = t();
    const project = loadSearchIndex(readFileSync(join(dir, 'search-index.json'), 'utf8'));
    runs.project = queries.map((q) => project.search(q.query, { limit: DEPTH }).map((h) => h.id));
    seconds.project = (t() - t0) / 1000;

    t0 = t();
    const plain = plainMiniSearch(papers);
    runs['plain MiniSearch'] = queries.map((q) => plain(q.query));
    seconds.minisearch = (t() - t0) / 1000;

    if (values['no-pagefind']) {
      skipped.Pagefind = 'disabled with --no-pagefind';
    } else {
      t0 = t();
      const pf = await createPagefindSearcher(papers);
      if (typeof pf === 'string') {
        skipped.Pagefind = pf;
      } else {
        try {
          runs.Pagefind = await pf.searchAll(queries.map((q) => q.query), DEPTH);
        } finally {
          await pf.close();
        }
        seconds.pagefindIndex = pf.indexSeconds;
      }
      seconds.pagefind = (t() - t0) / 1000;
    }
    for (const [s, why] of Object.entries(skipped)) console.warn(`\n*** ${s} SKIPPED: ${why} ***`);

    const results = {} as EvalReport['results'];
    const outcomes: Partial<Record<System, QueryOutcome[]>> = {};
    for (const s of SYSTEMS) {
      const r = runs[s];
      outcomes[s] = r ? queries.map((q, i) => judge(q, r[i]!)) : undefined;
      results[s] = outcomes[s] ? summarize(outcomes[s]) : null;
    }
    seconds.total = (t() - tAll) / 1000;
    const report: EvalReport = { seed, perKind, papers: papers.length, depth: DEPTH, skipped, seconds, results };

    console.log(
      `\nper-kind success (arxiv-id: at rank 1) / MRR@10; precision kinds: relevant share of top 10 (author) / top 20 (compound)\n`,
    );
    console.log(markdownTable(report));
    console.log(
      `\ntimes (s): ${Object.entries(seconds)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
    );

    // where the project loses
    const proj = outcomes.project!;
    console.log('\nproject misses / weakest queries per kind:');
    for (const kind of KINDS) {
      const os = proj.filter((o) => o.q.kind === kind);
      const bad = (PRECISION_KINDS as readonly string[]).includes(kind)
        ? os.filter((o) => o.precision < 1).sort((a, b) => a.precision - b.precision)
        : os.filter((o) => !o.ok);
      if (!bad.length) continue;
      const list = verbose ? bad : bad.slice(0, showMisses);
      console.log(`  ${kind}: ${bad.length}/${os.length}`);
      for (const o of list) {
        if ((PRECISION_KINDS as readonly string[]).includes(kind)) {
          console.log(`    ${JSON.stringify(o.q.query)}  precision ${o.precision.toFixed(2)} (${o.q.expected.length} relevant)`);
        } else {
          const full = runs.project![queries.indexOf(o.q)]!;
          const r = rankOf(full, o.q.expected[0]!);
          console.log(
            `    ${JSON.stringify(o.q.query)} -> ${o.q.expected[0]} rank ${r || `>${DEPTH}`} (source ${o.q.source.join(' | ')})`,
          );
        }
      }
    }

    if (values.compare) console.log(`\n${comparison(queries, runs).join('\n')}`);

    if (jsonOut) {
      writeFileSync(jsonOut, JSON.stringify(report, null, 2));
      console.log(`\nwrote ${jsonOut}`);
    }
    return 0;
  } finally {
    if (built) rmSync(built, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`eval:search: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
