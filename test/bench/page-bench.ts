/**
 * `npm run bench:page -- --site output [--site /tmp/out-10x] [--runs 1] [--json FILE]`
 *
 * Browser benchmark of the search page (Debian Chromium via playwright-core). For each built
 * site (an output folder written by `npm run pipeline`), served gzip-compressed by the preview
 * server like a static host would:
 * - cold: a fresh browser context per query (empty cache); the page loads, the query is
 *   typed; reported: compressed bytes transferred before the first result (page, manifest and
 *   chunks), time from typing to the first result (includes the 150 ms debounce), the longest
 *   main-thread task seen;
 * - warm: in one page, later queries (and as-you-type prefixes); reported: the page's own
 *   query-to-results-rendered time (performance.measure 'dp:search': from the search issued,
 *   when the 150 ms debounce fires, to the first results in the DOM), median and max; and,
 *   beside it, keystroke-to-rendered (from the input event to the same end, debounce included),
 *   which no work moved into the debounce window can shorten below 150 ms.
 * Queries are generic words plus an arXiv ID and an author name picked at run time from the
 * site's papers.json (no corpus text is stored in the repo). Speed targets are checked here,
 * never in unit tests.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startPreview } from '../../pipeline/commands/preview.ts';
import type { Preview } from '../../pipeline/commands/preview.ts';
import type { Manifest } from '../../src/page/format.ts';
import { loadSearchIndex } from '../../src/search/client.ts';
import { ChunkedIndex } from '../../src/page/loader.ts';
import { commandFlags } from './flags.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';

/**
 * Reference on the same machine at the same moment: ranking time in Node of the full
 * search-index.json (the search helper's client) and of the chunked loader (warm: its chunks and
 * the index it assembles for the query already loaded, so this is ranking alone), per query.
 */
async function reference(dir: string, queries: string[]): Promise<{ query: string; fullMs: number; chunkedMs: number }[]> {
  const out: { query: string; fullMs: number; chunkedMs: number }[] = [];
  const fullFile = path.join(dir, 'search-index.json');
  // The 10x index (~100 MB of JSON) is skipped: loading it takes more memory than this machine spares.
  if (!existsSync(fullFile) || statSync(fullFile).size > 30_000_000) return out;
  const full = loadSearchIndex(await readFile(fullFile, 'utf8'));
  const chunked = await ChunkedIndex.open(async (p) => JSON.parse(await readFile(path.join(dir, p), 'utf8')), 'search/');
  for (const q of queries) {
    await chunked.search(q); // warm: chunks loaded
    full.search(q, { limit: 500 });
    let t = performance.now();
    for (let i = 0; i < 3; i++) full.search(q, { limit: 500 });
    const fullMs = (performance.now() - t) / 3;
    t = performance.now();
    for (let i = 0; i < 3; i++) await chunked.search(q);
    out.push({ query: q, fullMs, chunkedMs: (performance.now() - t) / 3 });
  }
  return out;
}

const BASE_QUERIES = ['diffusion', '강화학습', '언어모델', 'video generation', '멀티모달 추론', 'reward model', 'benchmark'];

interface ColdRun {
  query: string;
  readyMs: number;
  bytesBeforeReady: number;
  firstResultMs: number;
  bytesBeforeFirstResult: number;
  requestsBeforeFirstResult: number;
  maxLongTaskMs: number;
  results: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function tracked(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort()); // thumbnails: not part of the budget
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    // When the last input event fired (keystroke-to-rendered in the warm runs).
    document.addEventListener('input', () => ((w as unknown as { __input: number }).__input = performance.now()), true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return { page, close: () => context.close() };
}

const searched = (page: Page) => page.evaluate(() => document.documentElement.dataset.searched ?? '0');

async function cold(browser: Browser, preview: Preview, query: string): Promise<ColdRun> {
  const url = preview.url;
  const t = await tracked(browser);
  const { page } = t;
  preview.resetStats();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
  await page.waitForLoadState('networkidle');
  const readyMs = Date.now() - t0;
  // Bytes as the server sent them (the page's and its worker's requests; CDP on the page misses the worker's).
  const bytesBeforeReady = preview.stats.bytes;
  const before = await searched(page);
  const t1 = Date.now();
  await page.fill('#q', query);
  await page.waitForFunction((b) => (document.documentElement.dataset.searched ?? '0') !== b, before, { timeout: 30_000 });
  const firstResultMs = Date.now() - t1;
  // Responses finish before the DOM update that flags `searched`; give the CDP events a tick.
  await page.waitForTimeout(50);
  const run: ColdRun = {
    query,
    readyMs,
    bytesBeforeReady,
    firstResultMs,
    bytesBeforeFirstResult: preview.stats.bytes,
    requestsBeforeFirstResult: preview.stats.requests,
    maxLongTaskMs: Math.max(0, ...(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks))),
    results: await page.locator('#results .hit').count(),
  };
  await t.close();
  return run;
}

interface WarmRun {
  query: string;
  /** dp:search: search issued (debounce fired) -> first results rendered. */
  ms: number;
  /** Input event -> the same end (includes the debounce). */
  keyMs: number;
  searchedMs: number;
  worker: Record<string, number>;
}

async function warm(browser: Browser, url: string, queries: string[]): Promise<WarmRun[]> {
  const t = await tracked(browser);
  const { page } = t;
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
  const out: WarmRun[] = [];
  const all = [queries[0]!, ...queries];
  for (const [i, q] of all.entries()) {
    const before = await searched(page);
    await page.fill('#q', q);
    await page.waitForFunction((b) => (document.documentElement.dataset.searched ?? '0') !== b, before, { timeout: 30_000 });
    const { ms, keyMs, searchedMs, worker } = await page.evaluate(() => {
      const m = performance.getEntriesByName('dp:search') as PerformanceMeasure[];
      const last = m[m.length - 1]!;
      const d = last.detail as { searchedMs: number; worker: Record<string, number> };
      const input = (window as unknown as { __input: number }).__input;
      return { ms: last.duration, keyMs: last.startTime + last.duration - input, searchedMs: d.searchedMs, worker: d.worker };
    });
    if (i > 0) out.push({ query: q, ms, keyMs, searchedMs, worker }); // the first one is the cold query
  }
  await t.close();
  return out;
}

async function benchSite(browser: Browser, dir: string, runs: number, skipCold: boolean) {
  const manifest = JSON.parse(await readFile(path.join(dir, 'search', 'manifest.json'), 'utf8')) as Manifest;
  const queries = [...BASE_QUERIES];
  const papersFile = path.join(dir, 'papers.json');
  if (existsSync(papersFile)) {
    type P = { id: string; authors: { name: string }[] };
    const raw = JSON.parse(await readFile(papersFile, 'utf8')) as P[] | { papers: P[] };
    const papers = Array.isArray(raw) ? raw : raw.papers;
    const pick = papers[Math.floor(papers.length / 3)];
    if (pick) queries.push(`arXiv:${pick.id}`);
    const author = papers[Math.floor(papers.length / 2)]?.authors[0]?.name;
    if (author) queries.push(author);
  }
  const preview = await startPreview({ dir, base: '/repo/', encodings: ['gzip'] });
  try {
    const coldRuns: ColdRun[] = [];
    if (!skipCold) for (let r = 0; r < runs; r++) for (const q of queries) coldRuns.push(await cold(browser, preview, q));
    // Later queries that switch topic (each needs new chunks), including as-you-type prefixes.
    const later = [...queries.slice(1), 'diff', 'diffu', 'transformer', '강화', '에이전트', 'robot', queries[0]!];
    const warmRuns: WarmRun[] = [];
    for (let r = 0; r < runs; r++) warmRuns.push(...(await warm(browser, preview.url, later)));
    // Later queries that refine the one before (a user narrowing a search).
    const refine = ['diffusion model', 'diffusion video', 'diffusion video generation', 'video generation', '강화학습', '강화학습 보상', '강화학습 보상 모델', '보상 모델'];
    const refineRuns: WarmRun[] = [];
    for (let r = 0; r < runs; r++) refineRuns.push(...(await warm(browser, preview.url, ['diffusion', ...refine])));
    const ref = skipCold ? [] : await reference(dir, queries);
    return { dir, documents: manifest.documentCount, termChunks: manifest.terms.count, queries, coldRuns, warmRuns, refineRuns, ref };
  } finally {
    await preview.close();
  }
}

export const USAGE = `Usage: npm run bench:page -- [options]

Browser benchmark of the search page (Chromium through playwright-core): for each built site, the
bytes and time to a cold query's first result, and the time of later queries as typed. Build the
site first with \`npm run pipeline\`.

Options:
  --site DIR      an output folder of the pipeline (repeatable; default: output)
  --runs N        runs of each query (default 1)
  --skip-cold     only the warm (later query) runs, for quick iterations
  --verbose       one line per later query with the worker's breakdown
  --json FILE     also write the figures as JSON
  --help          show this help
`;

async function main(): Promise<void> {
  const values = commandFlags('bench:page', USAGE, {
    site: { type: 'string', multiple: true, default: ['output'] },
    runs: { type: 'string', default: '1' },
    'skip-cold': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
  });
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:page: ${CHROMIUM} not found (apt-get install -y chromium)`);
    process.exitCode = 1;
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const reports = [];
  try {
    for (const dir of values.site) {
      if (!existsSync(path.join(dir, 'search', 'manifest.json'))) {
        console.error(`bench:page: ${dir} has no search/manifest.json (run npm run pipeline first)`);
        process.exitCode = 1;
        continue;
      }
      const rep = await benchSite(browser, dir, Number(values.runs), values['skip-cold']);
      reports.push(rep);
      console.log(`\n## ${dir} (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
      console.log(`## ${dir}: ${rep.documents} papers, ${rep.termChunks} term chunks (gzip transfer, Chromium ${browser.version()})`);
      console.log('cold query                 | ready ms | KB at ready | 1st result ms | KB before 1st result | requests | max long task ms | results');
      for (const c of rep.coldRuns) {
        console.log(
          `${c.query.padEnd(26)} | ${String(c.readyMs).padStart(8)} | ${kb(c.bytesBeforeReady).padStart(11)} | ${String(c.firstResultMs).padStart(13)} | ${kb(c.bytesBeforeFirstResult).padStart(20)} | ${String(c.requestsBeforeFirstResult).padStart(8)} | ${c.maxLongTaskMs.toFixed(0).padStart(16)} | ${c.results}`,
        );
      }
      const b = rep.coldRuns.map((c) => c.bytesBeforeFirstResult);
      const f = rep.coldRuns.map((c) => c.firstResultMs);
      const lt = rep.coldRuns.map((c) => c.maxLongTaskMs);
      const w = rep.warmRuns.map((x) => x.ms);
      if (b.length > 0) {
        console.log(
          `cold: transfer before 1st result median ${kb(median(b))}, max ${kb(Math.max(...b))}; ` +
            `1st result median ${median(f)} ms, max ${Math.max(...f)} ms; longest task ${Math.max(...lt).toFixed(0)} ms`,
        );
      }
      const wk = rep.warmRuns.map((x) => x.keyMs);
      console.log(
        `warm: ${w.length} later queries, render median ${median(w).toFixed(1)} ms, max ${Math.max(...w).toFixed(1)} ms; ` +
          `keystroke to rendered (debounce included) median ${median(wk).toFixed(1)} ms, max ${Math.max(...wk).toFixed(1)} ms ` +
          `(${rep.warmRuns.map((x) => `${x.query}=${x.ms.toFixed(0)}/${x.searchedMs.toFixed(0)}`).join(', ')}; total/ranked ms)`,
      );
      const r = rep.refineRuns.map((x) => x.ms);
      const rk = rep.refineRuns.map((x) => x.keyMs);
      console.log(
        `refine: ${r.length} narrowing queries, render median ${median(r).toFixed(1)} ms, max ${Math.max(...r).toFixed(1)} ms; ` +
          `keystroke to rendered median ${median(rk).toFixed(1)} ms ` +
          `(${rep.refineRuns.map((x) => `${x.query}=${x.ms.toFixed(0)}`).join(', ')})`,
      );
      if (values.verbose) {
        for (const x of [...rep.warmRuns, ...rep.refineRuns]) {
          const wt = Object.entries(x.worker).map(([k, v]) => `${k} ${Number(v).toFixed(1)}`).join(', ');
          console.log(`  ${x.query.padEnd(28)} ${x.ms.toFixed(1).padStart(6)} ms (keystroke ${x.keyMs.toFixed(0)} ms; worker reply ${x.searchedMs.toFixed(1)} ms: ${wt})`);
        }
      }
      const sum = (k: string) => median(rep.warmRuns.map((x) => x.worker[k] ?? 0)).toFixed(1);
      console.log(
        `warm breakdown (worker medians, ms): waiting for the assembled index ${sum('wait')} (assembling it, by the preload ` +
          `or the search: term chunks ${sum('terms')}, doc chunks ${sum('docs')}, loadJS ${sum('load')}), ` +
          `ranking ${sum('search')}, waiting for display data ${sum('meta')}`,
      );
      if (rep.ref.length > 0) {
        console.log(
          `reference (Node, warm, same moment): ranking ms full search-index.json vs chunked: ` +
            rep.ref.map((r) => `${r.query}=${r.fullMs.toFixed(0)}/${r.chunkedMs.toFixed(0)}`).join(', ') +
            `; medians ${median(rep.ref.map((r) => r.fullMs)).toFixed(1)} / ${median(rep.ref.map((r) => r.chunkedMs)).toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  if (values.json) await writeFile(values.json, JSON.stringify(reports, null, 2));
}

void main();
