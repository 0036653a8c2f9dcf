/**
 * The search page. Every piece of data is put in the DOM with textContent or attributes,
 * never as HTML. URLs are relative to the page, so it works under any sub-path.
 */
import { processTerm, tokenize } from '../search/analyzer.ts';
import { RESULT_LIMIT } from '../search/options.ts';
import type { Filters, LoadProgress, PageHit } from './loader.ts';
import type { MetaRecord } from './format.ts';
import type { Request, Response } from './protocol.ts';

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void };

/** The search worker (src/page/worker.ts), behind promises. */
class SearchWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Meta records seen so far, by short id. */
  readonly metaCache = new Map<number, MetaRecord>();
  size = 0;
  dates = { min: '', max: '' };
  onProgress: (p: LoadProgress) => void = () => {};
  private readyPromise: Promise<void>;

  constructor(url: string, base: string) {
    this.worker = new Worker(url, { name: 'search' });
    this.readyPromise = new Promise((resolve, reject) => {
      this.worker.addEventListener('error', (e) => reject(new Error(e.message || 'the search worker failed to start')));
      this.worker.addEventListener('message', (e: MessageEvent<Response>) => {
        const m = e.data;
        if (m.type === 'ready') {
          this.size = m.documentCount;
          this.dates = m.dates;
          resolve();
        } else if (m.type === 'progress') this.onProgress(m);
        else if (m.type === 'error' && m.id === 0) reject(new Error(m.message));
        else {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.type === 'error') p?.reject(new Error(m.message));
          else p?.resolve(m);
        }
      });
    });
    this.post({ type: 'open', base });
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  private post(r: Request): void {
    this.worker.postMessage(r);
  }

  private call(make: (id: number) => Request): Promise<Response> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(make(id));
    });
  }

  /** Where the worker spent the last search's time (ms). */
  lastTimings: Record<string, number> = {};

  /** Hits best first, or null when a newer search superseded this one. */
  async search(query: string, filters: Filters, gen: number): Promise<PageHit[] | null> {
    const r = await this.call((id) => ({ type: 'search', id, gen, query, filters, limit: RESULT_LIMIT, withMeta: FIRST_PAINT }));
    if (r.type !== 'search') return null;
    this.lastTimings = r.timings;
    r.meta.forEach((m, i) => m && this.metaCache.set(r.hits[i]!.shortId, m));
    return r.hits;
  }

  /** Starts fetching what a search for `query` will need (see the 'preload' request). */
  preload(query: string, filters: Filters): void {
    this.post({ type: 'preload', query, filters, limit: RESULT_LIMIT, withMeta: FIRST_PAINT });
  }

  async browse(filters: Filters, offset: number, limit: number, gen = 0): Promise<{ shortIds: number[]; more: boolean }> {
    const r = await this.call((id) => ({ type: 'browse', id, gen, filters, offset, limit }));
    if (r.type !== 'browse') return { shortIds: [], more: false };
    r.meta.forEach((m, i) => m && this.metaCache.set(r.shortIds[i]!, m));
    return r;
  }

  async meta(shortIds: number[]): Promise<Map<number, MetaRecord>> {
    const missing = shortIds.filter((s) => !this.metaCache.has(s));
    if (missing.length > 0) {
      const r = await this.call((id) => ({ type: 'meta', id, shortIds: missing }));
      if (r.type === 'meta') r.records.forEach((m, i) => m && this.metaCache.set(missing[i]!, m));
    }
    const out = new Map<number, MetaRecord>();
    for (const s of shortIds) {
      const m = this.metaCache.get(s);
      if (m) out.set(s, m);
    }
    return out;
  }
}

const PAGE_SIZE = 20;
/** Results whose details come back with the ranking (one round trip); the rest of the page follows. */
const FIRST_PAINT = 10;
const DEBOUNCE_MS = 150;
/** Results 11-20 (below the fold) are fetched once typing has paused this long after the first ten. */
const REST_DELAY_MS = 250;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('search');
const q = $<HTMLInputElement>('q');
const from = $<HTMLInputElement>('from');
const to = $<HTMLInputElement>('to');
const votes = $<HTMLInputElement>('votes');
const statusEl = $<HTMLParagraphElement>('status');
const results = $<HTMLOListElement>('results');
const more = $<HTMLButtonElement>('more');
const progress = $<HTMLProgressElement>('progress');
const loading = $<HTMLDivElement>('loading');

interface State {
  q: string;
  from: string;
  to: string;
  votes: string;
}

let index: SearchWorker | null = null;
let composing = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;
/** Input events so far (typing in the search box or the votes field). */
let inputs = 0;
let lastPush = 0;
let shown = 0;
let current: { hits: PageHit[] | null; filters: Filters; query: string } = { hits: null, filters: {}, query: '' };

function setStatus(text: string): void {
  statusEl.textContent = text;
}

function readForm(): State {
  return { q: q.value, from: from.value, to: to.value, votes: votes.value };
}

function filtersOf(s: State): Filters {
  const f: Filters = {};
  if (/^\d{4}-\d{2}-\d{2}$/.test(s.from)) f.from = s.from;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s.to)) f.to = s.to;
  const v = Number.parseInt(s.votes, 10);
  if (Number.isFinite(v) && v > 0) f.minVotes = v;
  return f;
}

function stateFromUrl(): State {
  const p = new URLSearchParams(location.search);
  return { q: p.get('q') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '', votes: p.get('votes') ?? '' };
}

function urlOf(s: State): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.votes) p.set('votes', s.votes);
  const qs = p.toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

/** Query and filters go to the URL: a burst of typing is one history entry, so Back works. */
function syncUrl(s: State): void {
  const url = urlOf(s);
  if (url === `${location.pathname}${location.search}`) return;
  const now = Date.now();
  if (now - lastPush < 1500) history.replaceState(s, '', url);
  else history.pushState(s, '', url);
  lastPush = now;
}

function applyState(s: State): void {
  q.value = s.q;
  from.value = s.from;
  to.value = s.to;
  votes.value = s.votes;
}

const wordTerms = new Map<string, string[]>();
/** The analyzer's terms for one word (cached: result lists repeat words a lot). */
function analyzedWord(w: string): string[] {
  let t = wordTerms.get(w);
  if (!t) {
    t = tokenize(w).flatMap((x) => processTerm(x) ?? []);
    if (wordTerms.size > 20_000) wordTerms.clear();
    wordTerms.set(w, t);
  }
  return t;
}

/** Splits text into runs, marking the words whose analyzed terms are among `terms`. */
function highlight(parent: HTMLElement, text: string, terms: Set<string>): void {
  if (terms.size === 0) {
    parent.append(text);
    return;
  }
  const word = /[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*/gu;
  let last = 0;
  for (const m of text.matchAll(word)) {
    if (!analyzedWord(m[0]).some((t) => terms.has(t))) continue;
    if (m.index > last) parent.append(text.slice(last, m.index));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    parent.append(mark);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

function link(href: string, text: string, cls: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.className = cls;
  a.rel = 'noopener noreferrer';
  return a;
}

function safeUrl(u: string | null): string | null {
  if (!u) return null;
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function renderHit(m: MetaRecord, terms: Set<string>): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'hit';
  const thumb = safeUrl(m.thumbnail);
  if (thumb) {
    const img = document.createElement('img');
    img.loading = 'lazy';
    img.decoding = 'async';
    img.alt = '';
    img.width = 160;
    img.height = 90;
    img.referrerPolicy = 'no-referrer';
    img.src = thumb;
    img.addEventListener('error', () => img.remove());
    li.append(img);
  }
  const body = document.createElement('div');
  body.className = 'body';
  const h = document.createElement('h2');
  const titleHref = safeUrl(m.huggingface) ?? safeUrl(m.abs) ?? '#';
  const a = document.createElement('a');
  a.href = titleHref;
  a.className = 'title';
  a.rel = 'noopener noreferrer';
  highlight(a, m.title, terms);
  h.append(a);
  const info = document.createElement('p');
  info.className = 'info';
  const time = document.createElement('time');
  time.dateTime = m.date;
  time.textContent = m.date;
  info.append(time, m.votes === null ? ' · votes unknown · ' : ` · ▲ ${m.votes} votes · `);
  const id = document.createElement('span');
  id.className = 'id';
  id.textContent = m.id;
  info.append(id);
  const authors = document.createElement('p');
  authors.className = 'authors';
  highlight(authors, m.authors.join(', ') + (m.authorsMore ? ', et al.' : ''), terms);
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  highlight(excerpt, m.excerpt, terms);
  const links = document.createElement('p');
  links.className = 'links';
  const abs = safeUrl(m.abs);
  const pdf = safeUrl(m.pdf);
  const hf = safeUrl(m.huggingface);
  if (abs) links.append(link(abs, abs.includes('arxiv.org') ? 'arXiv' : 'Source', 'abs'));
  if (pdf) links.append(link(pdf, 'PDF', 'pdf'));
  if (hf) links.append(link(hf, 'Hugging Face', 'hf'));
  body.append(h, info, authors, excerpt, links);
  li.append(body);
  return li;
}

async function showPage(shortIds: number[], terms: Set<string>, gen: number, append: boolean): Promise<void> {
  if (!index) return;
  const meta = await index.meta(shortIds);
  if (gen !== generation) return;
  if (!append) results.replaceChildren();
  for (const s of shortIds) {
    const m = meta.get(s);
    if (m) results.append(renderHit(m, terms));
  }
}

function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.from) parts.push(`from ${f.from}`);
  if (f.to) parts.push(`to ${f.to}`);
  if (f.minVotes != null) parts.push(`≥ ${f.minVotes} votes`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

async function run(push: boolean): Promise<void> {
  const gen = ++generation;
  const s = readForm();
  if (push) syncUrl(s);
  if (!index) return; // runs again once the index is ready
  const filters = filtersOf(s);
  const query = s.q.trim();
  const t0 = performance.now();
  performance.mark(`dp:start:${gen}`);
  try {
    shown = 0;
    if (query === '') {
      const { shortIds, more: hasMore } = await index.browse(filters, 0, PAGE_SIZE, gen);
      if (gen !== generation) return;
      current = { hits: null, filters, query };
      await showPage(shortIds, new Set(), gen, false);
      if (gen !== generation) return;
      shown = shortIds.length;
      more.hidden = !hasMore;
      setStatus(`Latest papers${describeFilters(filters)}. Type to search ${index.size.toLocaleString('en')} papers.`);
      return;
    }
    const hits = await index.search(query, filters, gen);
    if (hits === null || gen !== generation) return;
    const searchedMs = performance.now() - t0;
    current = { hits, filters, query };
    const page = hits.slice(0, FIRST_PAINT);
    const terms = new Set(hits.slice(0, PAGE_SIZE).flatMap((h) => h.terms));
    await showPage(page.map((h) => h.shortId), terms, gen, false);
    if (gen !== generation) return;
    shown = page.length;
    more.hidden = hits.length <= shown;
    const ms = Math.round(performance.now() - t0);
    setStatus(
      hits.length === 0
        ? `No results for “${query}”${describeFilters(filters)}.`
        : `${hits.length >= RESULT_LIMIT ? `${RESULT_LIMIT}+` : hits.length} result${hits.length === 1 ? "" : "s"} for “${query}”${describeFilters(filters)} (${ms} ms).`,
    );
    // For the benchmark (test/bench/page-bench.ts): query -> results in the DOM.
    performance.measure('dp:search', { start: `dp:start:${gen}`, detail: { query, hits: hits.length, searchedMs, worker: index.lastTimings } });
    document.documentElement.dataset.searched = String(gen);
    if (hits.length > shown) {
      // The rows below the first ten wait for a short pause: if the user is already typing the
      // next query, their display chunks would only hold up the ones that query needs
      // (six HTTP/1.1 connections per host).
      const typed = inputs;
      await new Promise((r) => setTimeout(r, REST_DELAY_MS));
      if (gen !== generation || inputs !== typed) return;
      const rest = hits.slice(shown, PAGE_SIZE);
      await showPage(rest.map((h) => h.shortId), terms, gen, true);
      if (gen !== generation) return;
      shown += rest.length;
      more.hidden = hits.length <= shown;
    }
  } catch (err) {
    if (gen !== generation) return;
    setStatus(`Search failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Search as you type: the search runs when typing pauses for DEBOUNCE_MS; meanwhile the worker
 * already fetches the index parts and display data the current text needs (the network time
 * overlaps the debounce; ranking and rendering still happen in the search).
 */
function schedule(): void {
  inputs++;
  clearTimeout(timer);
  timer = setTimeout(() => void run(true), DEBOUNCE_MS);
  const s = readForm();
  const query = s.q.trim();
  if (index && query !== '') index.preload(query, filtersOf(s));
}

async function showMore(): Promise<void> {
  if (!index) return;
  const gen = generation;
  if (current.hits) {
    const page = current.hits.slice(shown, shown + PAGE_SIZE);
    await showPage(page.map((h) => h.shortId), new Set(current.hits.flatMap((h) => h.terms)), gen, true);
    shown += page.length;
    more.hidden = current.hits.length <= shown;
  } else {
    const { shortIds, more: hasMore } = await index.browse(current.filters, shown, PAGE_SIZE);
    await showPage(shortIds, new Set(), gen, true);
    shown += shortIds.length;
    more.hidden = !hasMore;
  }
}

// Korean IME: no search while a syllable is being composed; the final one searches.
q.addEventListener('compositionstart', () => {
  composing = true;
});
q.addEventListener('compositionend', () => {
  composing = false;
  schedule();
});
q.addEventListener('input', (e) => {
  if (composing || (e as InputEvent).isComposing) {
    inputs++; // typing, though nothing to search yet
    return;
  }
  schedule();
});
for (const el of [from, to, votes]) el.addEventListener('change', () => void run(true));
votes.addEventListener('input', schedule);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  lastPush = 0;
  void run(true);
});
form.addEventListener('reset', () => {
  setTimeout(() => {
    lastPush = 0;
    void run(true);
  });
});
more.addEventListener('click', () => void showMore());
window.addEventListener('popstate', () => {
  applyState(stateFromUrl());
  void run(false);
});

// Keyboard: "/" focuses the search box; arrows move through the results.
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement | null;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
  if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    q.focus();
    q.select();
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  if (e.isComposing || (typing && target !== q)) return;
  const links = [...results.querySelectorAll<HTMLAnchorElement>('a.title')];
  if (links.length === 0) return;
  const i = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (target === q) {
    if (e.key !== 'ArrowDown') return;
    e.preventDefault();
    links[0]!.focus();
    return;
  }
  if (i < 0) return;
  e.preventDefault();
  if (e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)]!.focus();
  else if (i === 0) q.focus();
  else links[i - 1]!.focus();
});

async function start(): Promise<void> {
  applyState(stateFromUrl());
  history.replaceState(stateFromUrl(), '', location.href);
  const workerUrl = document.documentElement.dataset.worker ?? '';
  try {
    const w = new SearchWorker(new URL(workerUrl, location.href).href, new URL('search/', location.href).href);
    await w.ready();
    index = w;
  } catch (err) {
    loading.hidden = true;
    setStatus(`The search index could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  index.onProgress = (p) => {
    progress.max = Math.max(1, p.requested);
    progress.value = p.done;
    loading.hidden = p.done >= p.requested;
    if (p.done < p.requested) setStatus(`Loading index parts… ${p.done}/${p.requested}`);
  };
  loading.hidden = true;
  const { min, max } = index.dates;
  for (const el of [from, to]) {
    if (min) el.min = min;
    if (max) el.max = max;
  }
  document.documentElement.dataset.ready = 'true';
  await run(false);
  if (!q.value.trim()) setStatus(`Search ready: ${index.size.toLocaleString('en')} papers. Showing the latest.`);
}

void start();
