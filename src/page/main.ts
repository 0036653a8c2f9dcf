/**
 * The search page: wires the form, the URL state (url-state.ts), the search worker
 * (worker-client.ts), the rendering (render.ts, paper-view.ts, in the site's language:
 * i18n.ts), the math renderer (math-loader.ts) and the keyboard (keys.ts), and runs the
 * search-as-you-type flow, the latest-papers list, the author filter, the sort order and a
 * paper's own page. Every piece of data is put in the DOM as text, never as HTML. URLs are
 * relative to the page, so it works under any sub-path.
 */
import type { Filters, PageHit } from './loader.ts';
import type { DescribedFilters } from './i18n.ts';
import { messagesFor } from './i18n.ts';
import { bindKeys, watchTyping } from './keys.ts';
import { typesetMath } from './math-loader.ts';
import { backLink, renderPaper } from './paper-view.ts';
import { errorText, limitDates, mathAsText, renderHit, renderProgress } from './render.ts';
import { RESULT_LIMIT } from '../search/options.ts';
import { effectiveSort } from './sort.ts';
import type { Sort } from './sort.ts';
import { activeFilters, fillFields, filtersOf, parseState, readFields, UrlHistory } from './url-state.ts';
import type { PageState, StateFields } from './url-state.ts';
import { FIRST_PAINT, SearchWorker, SiteUpdatedError } from './worker-client.ts';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 150;
/** Results 11-20 (below the fold) are fetched once typing has paused this long after the first ten. */
const REST_DELAY_MS = 250;

const t = messagesFor(document.documentElement.lang);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('search');
const fields: StateFields = {
  q: $<HTMLInputElement>('q'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  votes: $<HTMLInputElement>('votes'),
  sort: $<HTMLInputElement>('sort'),
  author: $<HTMLInputElement>('author'),
};
const sortSelect = $<HTMLSelectElement>('sort-select');
const filtersToggle = $<HTMLButtonElement>('filters-toggle');
const chip = $<HTMLParagraphElement>('author-chip');
const statusEl = $<HTMLParagraphElement>('status');
const empty = $<HTMLDivElement>('empty');
const clearFilters = $<HTMLButtonElement>('clear-filters');
const results = $<HTMLOListElement>('results');
const more = $<HTMLButtonElement>('more');
const paperEl = $<HTMLElement>('paper');
const progress = $<HTMLProgressElement>('progress');
const loading = $<HTMLDivElement>('loading');
const loadingText = $<HTMLSpanElement>('loading-text');
const siteTitle = document.title;

const urlState = new UrlHistory();
let index: SearchWorker | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Counts runs; an answer for an older generation is dropped. */
let generation = 0;
/** Input events so far (typing in the search box or the votes field). */
let inputs = 0;
/** Results in the list now. */
let shown = 0;
/** The list's source: the ranked hits of a query, or (hits null) the papers matching filters. */
let current: { hits: PageHit[] | null; filters: Filters; query: string; author: string | null; sort: Sort } = {
  hits: null,
  filters: {},
  query: '',
  author: null,
  sort: 'newest',
};
/** The display name and paper count of the author filter's key, once known. */
let authorInfo: { key: string; name: string; papers: number } | null = null;
/** True once this page showed a list: the paper page's back link then goes back in history. */
let sawList = false;
/** Appends to the list run one after the other, each reading `shown` when it starts (no row twice). */
let appending: Promise<unknown> = Promise.resolve();
function append(op: () => Promise<void>): Promise<void> {
  const next = appending.then(op, op);
  appending = next.catch(() => {});
  return next;
}

function setStatus(text: string): void {
  statusEl.textContent = text;
}

/** Shows the list (or the paper's page); the other is hidden. */
function showView(view: 'list' | 'paper'): void {
  const list = view === 'list';
  form.hidden = false;
  statusEl.hidden = !list;
  results.hidden = !list;
  paperEl.hidden = list;
  if (!list) {
    more.hidden = true;
    empty.hidden = true;
  }
  document.documentElement.dataset.view = view;
}

/** Shows the results `shortIds` (replacing the list, or appended), unless generation `gen` is stale by then. */
async function showPage(shortIds: number[], terms: Set<string>, gen: number, append: boolean, partial: ReadonlySet<number> = new Set()): Promise<void> {
  if (!index) return;
  const meta = await index.meta(shortIds);
  if (gen !== generation) return;
  if (!append) results.replaceChildren();
  for (const s of shortIds) {
    const m = meta.get(s);
    if (!m) continue;
    // One line above the first paper that holds only some of the query's words.
    if (partial.has(s) && !results.querySelector('.partial-divider')) {
      const divider = Object.assign(document.createElement('li'), { className: 'partial-divider', textContent: t.partialDivider });
      // Not a result: a separator, named by its text (assistive technology does not count it).
      divider.setAttribute('role', 'separator');
      divider.setAttribute('aria-label', t.partialDivider);
      results.append(divider);
    }
    results.append(renderHit(m, terms, t));
  }
  void typesetMath(results);
}

/** The short ids of the hits that hold only some of the query's words. */
function partialOf(hits: readonly PageHit[]): Set<number> {
  return new Set(hits.filter((h) => h.partial).map((h) => h.shortId));
}

/** The sort control shows the order in effect; relevance is offered only for a search. */
function syncControls(s: PageState): void {
  const searching = s.q.trim() !== '';
  sortSelect.value = effectiveSort(s.sort, searching);
  sortSelect.options[0]!.disabled = !searching;
  filtersToggle.textContent = t.filtersButton(activeFilters(s));
}

/** The author filter's chip: its name and paper count, or hidden. */
async function syncAuthor(key: string): Promise<void> {
  if (!key) {
    authorInfo = null;
    chip.hidden = true;
    return;
  }
  if (authorInfo?.key !== key && index) {
    const a = await index.author(key);
    authorInfo = { key, name: a?.name ?? key, papers: a?.papers.length ?? 0 };
  }
  if (!authorInfo || authorInfo.key !== key) return;
  chip.querySelector('.chip-text')!.textContent = t.authorChip(authorInfo.name, authorInfo.papers);
  const remove = chip.querySelector<HTMLButtonElement>('.chip-remove')!;
  remove.setAttribute('aria-label', t.removeAuthor(authorInfo.name));
  remove.title = t.removeAuthor(authorInfo.name);
  chip.hidden = false;
}

/** The empty state under an empty list: why nothing shows and what to change. */
function showEmpty(s: PageState, count: number): void {
  empty.hidden = count > 0;
  if (count > 0) return;
  const f = filtersOf(s);
  const hint = empty.querySelector('.empty-hint')!;
  const filtered = activeFilters(s) > 0;
  if (f.from && f.to && f.from > f.to) hint.textContent = t.emptyDatesReversed;
  else if (s.q.trim() && !filtered) hint.textContent = t.emptyNoMatch(s.q.trim());
  else hint.textContent = filtered ? t.emptyFilters : '';
  clearFilters.hidden = !filtered;
}

/** The filters as the status line words them (the author by name). */
function described(filters: Filters, key: string): DescribedFilters {
  return key ? { ...filters, author: authorInfo?.key === key ? authorInfo.name : key } : filters;
}

/** What a failed request tells the reader: that the site was updated (reload), or `failed` with the reason. */
function failure(err: unknown, failed: (reason: string) => string): string {
  return err instanceof SiteUpdatedError ? t.siteUpdated : failed(errorText(err));
}

/** Shows the paper `id` (its own page), unless generation `gen` is stale by then. */
async function showPaper(id: string, gen: number): Promise<void> {
  if (!index) return;
  showView('paper');
  paperEl.replaceChildren(t.loadingPaper);
  let paper: Awaited<ReturnType<SearchWorker['paper']>>;
  let related: Awaited<ReturnType<SearchWorker['meta']>>;
  try {
    paper = await index.paper(id);
    related = paper ? await index.meta(paper.related) : new Map();
  } catch (err) {
    if (gen !== generation) return;
    const p = document.createElement('p');
    p.className = 'not-found';
    p.textContent = failure(err, t.paperFailed);
    if (err instanceof SiteUpdatedError) {
      // A real reload (links within the page change the view in place): the URL holds the view,
      // so the reloaded page opens this paper's page with the new data.
      const reload = document.createElement('button');
      reload.type = 'button';
      reload.className = 'reload';
      reload.textContent = t.reload;
      reload.addEventListener('click', () => location.reload());
      p.append(' ', reload);
    }
    paperEl.replaceChildren(backLink(t), p);
    return;
  }
  if (gen !== generation) return;
  if (!paper) {
    const p = document.createElement('p');
    p.className = 'not-found';
    p.textContent = t.paperNotFound(id);
    paperEl.replaceChildren(backLink(t), p);
    document.title = siteTitle;
  } else {
    paperEl.replaceChildren(...renderPaper(paper.meta, paper.record, paper.related.flatMap((s) => related.get(s) ?? []), t));
    document.title = `${mathAsText(paper.meta.title)} · ${siteTitle}`;
    void typesetMath(paperEl);
  }
  window.scrollTo(0, 0);
  document.documentElement.dataset.paper = id;
}

/** Runs the form's query (or lists the latest papers for an empty one); `push` records it in the URL. */
async function run(push: boolean, state?: PageState): Promise<void> {
  const gen = ++generation;
  const s = state ?? readFields(fields);
  if (push) urlState.write(s);
  if (!index) return; // runs again once the index is ready
  if (s.id) return showPaper(s.id, gen);
  showView('list');
  document.title = siteTitle;
  sawList = true;
  syncControls(s);
  const filters = filtersOf(s);
  const query = s.q.trim();
  const author = s.author || null;
  const sort = effectiveSort(s.sort, query !== '');
  const t0 = performance.now();
  performance.mark(`dp:start:${gen}`);
  try {
    await syncAuthor(s.author);
    if (gen !== generation) return;
    shown = 0;
    if (query === '') {
      const { shortIds, more: hasMore } = await index.browse(filters, 0, PAGE_SIZE, gen, { author, sort });
      if (gen !== generation) return;
      current = { hits: null, filters, query, author, sort };
      await showPage(shortIds, new Set(), gen, false);
      if (gen !== generation) return;
      shown = shortIds.length;
      more.hidden = !hasMore;
      showEmpty(s, shown);
      setStatus(t.browseStatus(described(filters, s.author), index.size));
      document.documentElement.dataset.searched = String(gen);
      return;
    }
    const hits = await index.search(query, filters, gen, { author, sort });
    if (hits === null || gen !== generation) return;
    const searchedMs = performance.now() - t0;
    current = { hits, filters, query, author, sort };
    const page = hits.slice(0, FIRST_PAINT);
    const terms = new Set(hits.slice(0, PAGE_SIZE).flatMap((h) => h.terms));
    const partial = partialOf(hits);
    await showPage(page.map((h) => h.shortId), terms, gen, false, partial);
    if (gen !== generation) return;
    shown = page.length;
    more.hidden = hits.length <= shown;
    showEmpty(s, hits.length);
    setStatus(t.searchStatus(query, described(filters, s.author), hits.length - partial.size, partial.size, hits.length >= RESULT_LIMIT, Math.round(performance.now() - t0)));
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
      await append(async () => {
        const rest = hits.slice(shown, PAGE_SIZE);
        if (gen !== generation || rest.length === 0) return;
        await showPage(rest.map((h) => h.shortId), terms, gen, true, partial);
        if (gen !== generation) return;
        shown += rest.length;
        more.hidden = hits.length <= shown;
      });
    }
  } catch (err) {
    if (gen !== generation) return;
    setStatus(failure(err, t.searchFailed));
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
  if (index && query !== '' && !s.author) index.preload(query, filtersOf(s));
}

/** Appends the next page of the current list. The status line keeps the list's summary. */
function showMore(): Promise<void> {
  return append(showNext);
}

async function showNext(): Promise<void> {
  if (!index) return;
  const gen = generation;
  if (current.hits) {
    const page = current.hits.slice(shown, shown + PAGE_SIZE);
    await showPage(page.map((h) => h.shortId), new Set(current.hits.flatMap((h) => h.terms)), gen, true, partialOf(current.hits));
    if (gen !== generation) return;
    shown += page.length;
    more.hidden = current.hits.length <= shown;
  } else {
    const { shortIds, more: hasMore } = await index.browse(current.filters, shown, PAGE_SIZE, gen, { author: current.author, sort: current.sort });
    if (gen !== generation) return;
    await showPage(shortIds, new Set(), gen, true);
    shown += shortIds.length;
    more.hidden = !hasMore;
  }
}

/** Goes to the state a link of this page names (`?id=`, `?author=`, `./`): a new history entry. */
function navigate(s: PageState): void {
  clearTimeout(timer);
  urlState.endBurst();
  if (!s.id) fillFields(fields, s);
  void run(true, s);
  urlState.endBurst();
}

watchTyping(fields.q, {
  onText: schedule,
  onComposing: () => {
    inputs++; // typing, though nothing to search yet
  },
});
for (const el of [fields.from, fields.to, fields.votes]) el.addEventListener('change', () => void run(true));
fields.votes.addEventListener('input', schedule);
sortSelect.addEventListener('change', () => {
  fields.sort.value = sortSelect.value;
  urlState.endBurst();
  void run(true);
});
filtersToggle.addEventListener('click', () => {
  const open = form.classList.toggle('filters-open');
  filtersToggle.setAttribute('aria-expanded', String(open));
});
chip.querySelector('.chip-remove')!.addEventListener('click', () => {
  fields.author.value = '';
  urlState.endBurst();
  void run(true);
});
clearFilters.addEventListener('click', () => {
  fillFields(fields, { ...readFields(fields), from: '', to: '', votes: '', author: '' });
  urlState.endBurst();
  void run(true);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  urlState.endBurst();
  void run(true);
});
form.addEventListener('reset', () => {
  setTimeout(() => {
    // Hidden fields keep their value through a reset.
    fields.sort.value = '';
    fields.author.value = '';
    urlState.endBurst();
    void run(true);
  });
});
// Links within the page (paper titles, authors, related papers, back) change the view in place.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || !index) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  e.preventDefault();
  const s = parseState(url.search);
  if (a.classList.contains('author') && results.contains(a)) {
    // An author in a result narrows the current list to that person.
    navigate({ ...readFields(fields), author: s.author });
  } else if (a.classList.contains('back-link') && sawList && history.state) {
    history.back();
  } else navigate(s);
});
more.addEventListener('click', () => void showMore());
window.addEventListener('popstate', () => {
  const s = urlState.read();
  if (!s.id) fillFields(fields, s);
  void run(false, s);
});
bindKeys(fields.q, results);

/** Shows the URL's state, opens the search worker, then runs the first search (or the latest papers, or a paper). */
async function start(): Promise<void> {
  const initial = urlState.read();
  if (!initial.id) fillFields(fields, initial);
  urlState.stampCurrent();
  const workerUrl = document.documentElement.dataset.worker ?? '';
  try {
    const worker = new Worker(new URL(workerUrl, location.href).href, { name: 'search' });
    const w = new SearchWorker(worker, new URL('search/', location.href).href);
    await w.ready();
    index = w;
  } catch (err) {
    loading.hidden = true;
    setStatus(t.indexFailed(errorText(err)));
    return;
  }
  index.onProgress = (p) => renderProgress(progress, loading, loadingText, p, t);
  loading.hidden = true;
  limitDates([fields.from, fields.to], index.dates);
  const s = urlState.read();
  try {
    await run(false, s.id ? s : { ...readFields(fields), id: '' });
    if (!s.id && !fields.q.value.trim() && activeFilters(s) === 0) setStatus(t.readyStatus(index.size));
  } finally {
    // Ready once the first view is shown: a query typed after this is never overtaken by the
    // first view's results (the tests, the bench and the screenshots wait for this mark).
    document.documentElement.dataset.ready = 'true';
  }
}

void start();
