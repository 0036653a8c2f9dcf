/**
 * What the page shows: result rows, the status line, the loading bar and the filters' date
 * range. Data goes into the DOM only as text (textContent, text nodes) or as attributes of
 * checked http(s) URLs, never as HTML. Query terms are highlighted with the search analyzer.
 */
import { processTerm, tokenize } from '../search/analyzer.ts';
import { RESULT_LIMIT } from '../search/options.ts';
import type { Filters, LoadProgress } from './loader.ts';
import type { MetaRecord } from './format.ts';

/** Analyzed terms by word: result lists repeat words a lot. Cleared past this many words. */
const WORD_CACHE_MAX = 20_000;
const wordTerms = new Map<string, string[]>();

/** The analyzer's terms for one word (as the index holds them). */
function analyzedWord(w: string): string[] {
  let t = wordTerms.get(w);
  if (!t) {
    t = tokenize(w).flatMap((x) => processTerm(x) ?? []);
    if (wordTerms.size > WORD_CACHE_MAX) wordTerms.clear();
    wordTerms.set(w, t);
  }
  return t;
}

/** A word: letters, marks, digits, joined by single `-`, `.`, `'` or `’`. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * `text` split into runs, in order, `marked` for each word whose analyzed terms include one of
 * `terms`. No terms: the whole text as one run. Runs joined give back `text`.
 */
export function markRuns(text: string, terms: ReadonlySet<string>): { text: string; marked: boolean }[] {
  if (terms.size === 0) return [{ text, marked: false }];
  const runs: { text: string; marked: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!analyzedWord(m[0]).some((t) => terms.has(t))) continue;
    if (m.index > last) runs.push({ text: text.slice(last, m.index), marked: false });
    runs.push({ text: m[0], marked: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), marked: false });
  return runs;
}

/** Appends `text` to `parent` as text, with matched words (see markRuns) in `<mark>`. */
function highlight(parent: HTMLElement, text: string, terms: ReadonlySet<string>): void {
  for (const run of markRuns(text, terms)) {
    if (!run.marked) {
      parent.append(run.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = run.text;
    parent.append(mark);
  }
}

/** `u` resolved against `base`, when it is an http(s) URL; null otherwise (javascript:, data:, junk). */
export function safeUrl(u: string | null, base: string): string | null {
  if (!u) return null;
  try {
    const url = new URL(u, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function link(href: string, text: string, cls: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.className = cls;
  a.rel = 'noopener noreferrer';
  return a;
}

/**
 * One result row (`li.hit`): thumbnail, title link (to Hugging Face, else the source), date,
 * votes, id, authors, excerpt and links; `terms` highlighted in title, authors and excerpt.
 */
export function renderHit(m: MetaRecord, terms: ReadonlySet<string>): HTMLLIElement {
  const base = location.href;
  const li = document.createElement('li');
  li.className = 'hit';
  const thumb = safeUrl(m.thumbnail, base);
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
  const a = document.createElement('a');
  a.href = safeUrl(m.huggingface, base) ?? safeUrl(m.abs, base) ?? '#';
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
  const abs = safeUrl(m.abs, base);
  const pdf = safeUrl(m.pdf, base);
  const hf = safeUrl(m.huggingface, base);
  if (abs) links.append(link(abs, abs.includes('arxiv.org') ? 'arXiv' : 'Source', 'abs'));
  if (pdf) links.append(link(pdf, 'PDF', 'pdf'));
  if (hf) links.append(link(hf, 'Hugging Face', 'hf'));
  body.append(h, info, authors, excerpt, links);
  li.append(body);
  return li;
}

/** The filters in words for the status line: ` (from …, to …, ≥ N votes)`, or '' without filters. */
export function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.from) parts.push(`from ${f.from}`);
  if (f.to) parts.push(`to ${f.to}`);
  if (f.minVotes != null) parts.push(`≥ ${f.minVotes} votes`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Status line of the latest papers (empty query) over an index of `size` papers. */
export function browseStatus(filters: Filters, size: number): string {
  return `Latest papers${describeFilters(filters)}. Type to search ${size.toLocaleString('en')} papers.`;
}

/** Status line of a search that found `count` hits (RESULT_LIMIT shows as `N+`) in `ms` milliseconds. */
export function searchStatus(query: string, filters: Filters, count: number, ms: number): string {
  if (count === 0) return `No results for “${query}”${describeFilters(filters)}.`;
  const n = count >= RESULT_LIMIT ? `${RESULT_LIMIT}+` : count;
  return `${n} result${count === 1 ? '' : 's'} for “${query}”${describeFilters(filters)} (${ms} ms).`;
}

/** Status line once the index is open, before any query. */
export function readyStatus(size: number): string {
  return `Search ready: ${size.toLocaleString('en')} papers. Showing the latest.`;
}

/** A failure in words (an Error's message, else the value as a string). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Shows index loading progress in the bar (hidden once everything requested arrived); gives
 * the status text while parts are pending, null when done.
 */
export function renderProgress(bar: HTMLProgressElement, box: HTMLElement, p: LoadProgress): string | null {
  bar.max = Math.max(1, p.requested);
  bar.value = p.done;
  box.hidden = p.done >= p.requested;
  return p.done < p.requested ? `Loading index parts… ${p.done}/${p.requested}` : null;
}

/** Limits the date fields to the archive's first and last digest dates (YYYY-MM-DD; '' = no limit). */
export function limitDates(fields: HTMLInputElement[], dates: { min: string; max: string }): void {
  for (const el of fields) {
    if (dates.min) el.min = dates.min;
    if (dates.max) el.max = dates.max;
  }
}
