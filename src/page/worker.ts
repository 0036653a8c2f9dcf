/**
 * The page's search worker: fetches the chunked search data, assembles the per-query MiniSearch
 * and ranks results off the main thread, so typing stays responsive at any archive size.
 * Protocol: see src/page/protocol.ts.
 */
import { ChunkedIndex } from './loader.ts';
import { PaperData } from './paper-data.ts';
import type { Request, Response } from './protocol.ts';
import { listHits } from './sort.ts';

declare const self: {
  postMessage(message: Response): void;
  onmessage: ((e: { data: Request }) => void) | null;
};

let index: Promise<ChunkedIndex> | null = null;
let papers: PaperData | null = null;
let latest = 0;
/** Above this many postings, a preload stops after assembling the query's index (see below). */
const PRELOAD_RANK_MAX_POSTINGS = 20_000;

const post = (m: Response) => self.postMessage(m);

/** A fetch the server refused (an HTTP error status). */
class HttpError extends Error {}

/**
 * A JSON file of the search data. The manifest is fetched past the browser's cache every time
 * (it names the folder of the current build's chunks: a cached copy, which a server without
 * Cache-Control lets the browser keep, or a revalidation answered by a Last-Modified of one-second
 * resolution, would point a reloaded page at a folder that is gone; about 2 KB on the real
 * archive); the chunks live under that content-named folder, so any cached copy of theirs is right.
 */
async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: 'same-origin', cache: url.endsWith('/manifest.json') ? 'no-store' : 'default' });
  if (!res.ok) throw new HttpError(`${url}: HTTP ${res.status}`);
  return res.json();
}

/**
 * Whether the site was rebuilt since the index opened: a new build puts its chunks under
 * another folder (the manifest's `root`), so a page left open asks for files that are gone. The
 * manifest is fetched again (`fetchJson`: past the cache) and its root compared.
 */
async function siteUpdated(base: string): Promise<boolean> {
  if (!index) return false;
  try {
    const [{ manifest }, now] = await Promise.all([index, fetchJson(`${base}manifest.json`) as Promise<{ root?: unknown }>]);
    return typeof now.root === 'string' && now.root !== manifest.root;
  } catch {
    return false;
  }
}

/** The search data folder the worker was opened with. */
let base = '';

async function handle(req: Request): Promise<void> {
  if (req.type === 'open') {
    base = req.base;
    index = ChunkedIndex.open(fetchJson, req.base);
    const idx = await index;
    papers = new PaperData(fetchJson, req.base, idx);
    idx.onProgress = (p) => post({ type: 'progress', ...p });
    post({ type: 'ready', documentCount: idx.size, dates: idx.manifest.dates });
    return;
  }
  if (!index) throw new Error('search worker: not opened');
  const idx = await index;
  const data = papers!;
  if (req.type === 'meta') {
    const meta = await idx.meta(req.shortIds);
    post({ type: 'meta', id: req.id, records: req.shortIds.map((s) => meta.get(s) ?? null) });
    return;
  }
  if (req.type === 'author') {
    post({ type: 'author', id: req.id, author: await data.author(req.key) });
    return;
  }
  if (req.type === 'paper') {
    const shortId = await data.shortIdOf(req.paperId);
    const [meta, record, related] = shortId === null ? [null, null, []] : await Promise.all([idx.meta([shortId]), data.paper(shortId), data.related(shortId)]);
    const m = shortId === null ? undefined : meta?.get(shortId);
    post({ type: 'paper', id: req.id, paper: shortId !== null && m && record ? { shortId, meta: m, record, related } : null });
    return;
  }
  if (req.type === 'preload') {
    // The work of a search up to the display data of its first results: the chunks land in
    // the caches and the assembled index is kept for the search that follows, which ranks
    // again (this ranking only tells which display data to fetch). Newer text supersedes it.
    idx.resetProgress();
    const postings = await idx.assembleFor(req.query);
    // Ranking a very large query twice (here and in the search) costs more than the one
    // display-data round trip it would save: such a query fetches its display data after.
    if (postings === null || postings > PRELOAD_RANK_MAX_POSTINGS) return;
    const hits = await idx.rank(req.query, req.filters, req.limit);
    if (!hits || idx.superseded(req.query)) return;
    await idx.meta(hits.slice(0, req.withMeta).map((h) => h.shortId));
    return;
  }
  latest = Math.max(latest, req.gen);
  idx.resetProgress();
  // An author filter keeps that person's papers: every hit is ranked, then the others dropped.
  const only = req.author ? new Set((await data.author(req.author))?.papers ?? []) : undefined;
  if (req.type === 'search') {
    const timings: Record<string, number> = {};
    const stale = () => req.gen < latest;
    // By relevance the ranking's first `limit` are the list; any other order (or an author
    // filter) needs every match ranked first, then sorted and cut (listHits). Every order keeps
    // the papers that match every word before the partial ones (sortHits), so that 강화학습 by
    // date does not bury them under papers with 학습 alone, and the status line counts both.
    const limit = only || req.sort !== 'relevance' ? Infinity : req.limit;
    const ranked = await idx.rank(req.query, req.filters, limit, stale, timings);
    if (!ranked || stale()) return post({ type: 'stale', id: req.id });
    const hits = listHits(ranked, req.sort, req.limit, only);
    const first = hits.slice(0, req.withMeta).map((h) => h.shortId);
    const t = performance.now();
    const meta = await idx.meta(first);
    timings.meta = performance.now() - t;
    post({ type: 'search', id: req.id, hits, meta: first.map((s) => meta.get(s) ?? null), timings });
    return;
  }
  const page = await idx.browse(req.filters, req.offset, req.limit, { only, sort: req.sort === 'votes' ? 'votes' : 'newest' });
  const meta = await idx.meta(page.shortIds);
  post({ type: 'browse', id: req.id, ...page, meta: page.shortIds.map((s) => meta.get(s) ?? null) });
}

self.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'search' || req.type === 'browse') latest = Math.max(latest, req.gen);
  handle(req).catch(async (err: unknown) => {
    if (req.type === 'preload') return; // the search that follows reports any failure
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const updated = err instanceof HttpError && req.type !== 'open' && (await siteUpdated(base));
    post({ type: 'error', id: 'id' in req ? req.id : 0, message, ...(updated ? { updated } : {}) });
  });
};
