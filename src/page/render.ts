/**
 * What the page shows of a paper in a list: result rows (title, info line, author links,
 * excerpt, outside links), the loading bar and the filters' date range. Data goes into the DOM
 * only as text (textContent, text nodes) or as attributes of checked http(s) URLs, never as
 * HTML. Query terms are highlighted with the search analyzer; math spans are marked for the
 * math renderer (src/page/math.ts).
 */
import { processTerm, tokenize } from '../search/analyzer.ts';
import type { LoadProgress } from './loader.ts';
import type { MetaRecord } from './format.ts';
import type { Messages } from './i18n.ts';

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

/**
 * Math in a text: `$…$` and `$$…$$` spans (a `$` after a backslash is a dollar sign, and `$…$`
 * must not start or end with a space, so "costs $5 and $10" stays text). Gives runs in order,
 * `tex` set for math (its source without the dollars); the runs' texts joined give back `text`.
 */
export function mathRuns(text: string): { text: string; tex?: string; display?: boolean }[] {
  const runs: { text: string; tex?: string; display?: boolean }[] = [];
  const MATH = /\$\$([^$]+?)\$\$|(?<!\\)\$(?! )((?:\\\$|[^$])+?)(?<![ \\])\$/g;
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    const tex = m[1] ?? m[2] ?? '';
    if (tex.trim() === '') continue;
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    runs.push({ text: m[0], tex, display: m[1] !== undefined });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/**
 * `text` with its math spans (see mathRuns) as plain text, for places that cannot render math
 * (the browser tab's title): a command taking a braced argument keeps the argument only
 * (`\mathcal{O}(n)` → `O(n)`), another command keeps its name (`\LaTeX` → `LaTeX`), and
 * braces, `^` and `_` go. Text outside math is left as it is.
 */
export function mathAsText(text: string): string {
  return mathRuns(text)
    .map((r) =>
      r.tex === undefined
        ? r.text
        : r.tex
            .replace(/\\([a-zA-Z]+)\s*(?=\{)/g, '')
            .replace(/\\([a-zA-Z]+)/g, '$1')
            .replace(/\\(.)/g, '$1')
            .replace(/[{}^_]/g, '')
            .trim(),
    )
    .join('');
}

/** True when `text` holds math (see mathRuns). */
export function hasMath(text: string): boolean {
  return mathRuns(text).some((r) => r.tex !== undefined);
}

/**
 * Appends `text` to `parent` as text, matched words (see markRuns) in `<mark>` and math spans
 * (see mathRuns) as `<span class="math" data-tex>` holding their source until the math renderer
 * (src/page/math.ts) replaces it.
 */
export function appendText(parent: HTMLElement, text: string, terms: ReadonlySet<string> = new Set()): void {
  for (const part of mathRuns(text)) {
    if (part.tex !== undefined) {
      const span = document.createElement('span');
      span.className = part.display ? 'math display' : 'math';
      span.dataset.tex = part.tex;
      span.textContent = part.text;
      parent.append(span);
      continue;
    }
    for (const run of markRuns(part.text, terms)) {
      if (!run.marked) {
        parent.append(run.text);
        continue;
      }
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      parent.append(mark);
    }
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

/** An outside link (no referrer, no opener). */
export function externalLink(href: string, text: string, cls: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.className = cls;
  a.rel = 'noopener noreferrer';
  return a;
}

/** The page's own URL for a paper (`?id=`), relative to the page. */
export function paperHref(id: string): string {
  return `?${new URLSearchParams({ id })}`;
}

/** The page's own URL for an author's papers (`?author=`), relative to the page. */
export function authorHref(key: string): string {
  return `?${new URLSearchParams({ author: key })}`;
}

/** The links row of a paper: arXiv (or Source), PDF, Hugging Face; only http(s) URLs. */
export function paperLinks(m: MetaRecord, t: Messages): HTMLParagraphElement {
  const base = location.href;
  const links = document.createElement('p');
  links.className = 'links';
  const abs = safeUrl(m.abs, base);
  const pdf = safeUrl(m.pdf, base);
  const hf = safeUrl(m.huggingface, base);
  if (abs) links.append(externalLink(abs, abs.includes('arxiv.org') ? 'arXiv' : t.source, 'abs'));
  if (pdf) links.append(externalLink(pdf, 'PDF', 'pdf'));
  if (hf) links.append(externalLink(hf, 'Hugging Face', 'hf'));
  return links;
}

/**
 * Authors as links that narrow the list to one person (`a.author`, `data-key`, `?author=`),
 * comma-separated, `etAl` after a cut list; `terms` highlighted.
 */
export function authorLinks(parent: HTMLElement, names: readonly string[], keys: readonly string[], more: boolean, t: Messages, terms: ReadonlySet<string> = new Set()): void {
  names.forEach((name, i) => {
    if (i > 0) parent.append(', ');
    const key = keys[i];
    if (!key) {
      appendText(parent, name, terms);
      return;
    }
    const a = document.createElement('a');
    a.className = 'author';
    a.href = authorHref(key);
    a.dataset.key = key;
    a.title = t.filterByAuthor(name);
    appendText(a, name, terms);
    parent.append(a);
  });
  if (more) parent.append(t.etAl);
}

/** The date · votes · id line of a paper. */
export function infoLine(m: MetaRecord, t: Messages): HTMLParagraphElement {
  const info = document.createElement('p');
  info.className = 'info';
  const time = document.createElement('time');
  time.dateTime = m.date;
  time.textContent = m.date;
  const votes = document.createElement('span');
  votes.className = 'votes';
  votes.textContent = t.votes(m.votes);
  const id = document.createElement('span');
  id.className = 'id';
  id.textContent = m.id;
  info.append(time, ' · ', votes, ' · ', id);
  return info;
}

/**
 * One result row (`li.hit`): thumbnail, title (a link to the paper's page, `?id=`), date,
 * votes, id, authors (links that filter), excerpt and outside links; `terms` highlighted in
 * title, authors and excerpt.
 */
export function renderHit(m: MetaRecord, terms: ReadonlySet<string>, t: Messages): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'hit';
  const thumb = safeUrl(m.thumbnail, location.href);
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
  a.href = paperHref(m.id);
  a.className = 'title';
  a.dataset.id = m.id;
  appendText(a, m.title, terms);
  h.append(a);
  const authors = document.createElement('p');
  authors.className = 'authors';
  authorLinks(authors, m.authors, m.authorKeys ?? [], m.authorsMore, t, terms);
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  appendText(excerpt, m.excerpt, terms);
  body.append(h, infoLine(m, t), authors, excerpt, paperLinks(m, t));
  li.append(body);
  return li;
}

/** A failure in words (an Error's message, else the value as a string). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Shows index loading progress in the bar and the text beside it (hidden once everything
 * requested arrived). The status line is left alone: it keeps the list's summary.
 */
export function renderProgress(bar: HTMLProgressElement, box: HTMLElement, text: HTMLElement, p: LoadProgress, t: Messages): void {
  bar.max = Math.max(1, p.requested);
  bar.value = p.done;
  box.hidden = p.done >= p.requested;
  text.textContent = p.done < p.requested ? t.loadingParts(p.done, p.requested) : '';
}

/** Limits the date fields to the archive's first and last digest dates (YYYY-MM-DD; '' = no limit). */
export function limitDates(fields: HTMLInputElement[], dates: { min: string; max: string }): void {
  for (const el of fields) {
    if (dates.min) el.min = dates.min;
    if (dates.max) el.max = dates.max;
  }
}
