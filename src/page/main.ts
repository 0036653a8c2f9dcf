/**
 * The search page: wires the form, the URL state (url-state.ts), the search worker
 * (worker-client.ts), the rendering (render.ts) and the keyboard (keys.ts), and runs the
 * search-as-you-type flow. Every piece of data is put in the DOM as text, never as HTML. URLs
 * are relative to the page, so it works under any sub-path.
 */
import type { Filters, PageHit } from './loader.ts';
import { bindKeys, watchTyping } from './keys.ts';
import { browseStatus, errorText, limitDates, readyStatus, renderHit, renderProgress, searchStatus } from './render.ts';
import { fillFields, filtersOf, readFields, UrlHistory, type StateFields } from './url-state.ts';
import { FIRST_PAINT, SearchWorker } from './worker-client.ts';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 150;
/** Results 11-20 (below the fold) are fetched once typing has paused this long after the first ten. */
const REST_DELAY_MS = 250;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('search');
const fields: StateFields = {
  q: $<HTMLInputElement>('q'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  votes: $<HTMLInputElement>('votes'),
};
const statusEl = $<HTMLParagraphElement>('status');
const results = $<HTMLOListElement>('results');
const more = $<HTMLButtonElement>('more');
const progress = $<HTMLProgressElement>('progress');
const loading = $<HTMLDivElement>('loading');

const urlState = new UrlHistory();
let index: SearchWorker | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Counts runs; an answer for an older generation is dropped. */
let generation = 0;
/** Input events so far (typing in the search box or the votes field). */
let inputs = 0;
/** Results in the list now. */
let shown = 0;
/** The list's source: the ranked hits of a query, or (hits null) the latest papers matching filters. */
let current: { hits: PageHit[] | null; filters: Filters; query: string } = { hits: null, filters: {}, query: '' };

function setStatus(text: string): void {
  statusEl.textContent = text;
}

/** Shows the results `shortIds` (replacing the list, or appended), unless generation `gen` is stale by then. */
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

/** Runs the form's query (or lists the latest papers for an empty one); `push` records it in the URL. */
async function run(push: boolean): Promise<void> {
  const gen = ++generation;
  const s = readFields(fields);
  if (push) urlState.write(s);
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
      setStatus(browseStatus(filters, index.size));
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
    setStatus(searchStatus(query, filters, hits.length, Math.round(performance.now() - t0)));
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
    setStatus(`Search failed: ${errorText(err)}`);
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
  const s = readFields(fields);
  const query = s.q.trim();
  if (index && query !== '') index.preload(query, filtersOf(s));
}

/** Appends the next page of the current list. */
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

watchTyping(fields.q, {
  onText: schedule,
  onComposing: () => {
    inputs++; // typing, though nothing to search yet
  },
});
for (const el of [fields.from, fields.to, fields.votes]) el.addEventListener('change', () => void run(true));
fields.votes.addEventListener('input', schedule);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  urlState.endBurst();
  void run(true);
});
form.addEventListener('reset', () => {
  setTimeout(() => {
    urlState.endBurst();
    void run(true);
  });
});
more.addEventListener('click', () => void showMore());
window.addEventListener('popstate', () => {
  fillFields(fields, urlState.read());
  void run(false);
});
bindKeys(fields.q, results);

/** Shows the URL's state, opens the search worker, then runs the first search (or the latest papers). */
async function start(): Promise<void> {
  fillFields(fields, urlState.read());
  urlState.stampCurrent();
  const workerUrl = document.documentElement.dataset.worker ?? '';
  try {
    const worker = new Worker(new URL(workerUrl, location.href).href, { name: 'search' });
    const w = new SearchWorker(worker, new URL('search/', location.href).href);
    await w.ready();
    index = w;
  } catch (err) {
    loading.hidden = true;
    setStatus(`The search index could not be loaded: ${errorText(err)}`);
    return;
  }
  index.onProgress = (p) => {
    const text = renderProgress(progress, loading, p);
    if (text !== null) setStatus(text);
  };
  loading.hidden = true;
  limitDates([fields.from, fields.to], index.dates);
  document.documentElement.dataset.ready = 'true';
  await run(false);
  if (!fields.q.value.trim()) setStatus(readyStatus(index.size));
}

void start();
