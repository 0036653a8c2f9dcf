/**
 * The page's state in its three places: the form fields, the URL (so a search or a paper can be
 * linked) and the session history (so Back returns to the previous search or paper). A search is
 * `?q=&from=&to=&votes=&sort=&author=`; a paper's page is `?id=<paper id>`. The state keeps the
 * raw strings; `filtersOf` reads the filters.
 */
import type { Filters } from './loader.ts';

/** The form's values as typed (raw strings; '' when empty). */
export interface PageState {
  q: string;
  /** YYYY-MM-DD, or whatever the field holds. */
  from: string;
  to: string;
  /** Minimum votes, digits as typed. */
  votes: string;
  /** The order asked for (src/page/sort.ts), '' for the default. */
  sort: string;
  /** An author key (authors.json) the list is narrowed to, or ''. */
  author: string;
  /** A paper id: the page shows that paper ('' = the search). */
  id: string;
}

/** The form fields the state lives in (the author key in a hidden field). */
export interface StateFields {
  q: HTMLInputElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  votes: HTMLInputElement;
  /** Hidden: the order asked for ('' = default); the visible select shows the order in effect. */
  sort: HTMLInputElement;
  author: HTMLInputElement;
}

/** The state of nothing asked: the latest papers. */
export const EMPTY_STATE: PageState = { q: '', from: '', to: '', votes: '', sort: '', author: '', id: '' };

/** The keys of a search's state, in URL order. */
const SEARCH_KEYS = ['q', 'from', 'to', 'votes', 'sort', 'author'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The search filters a state asks for: dates only when they read YYYY-MM-DD, a vote minimum
 * only when it is a positive integer (parseInt: leading digits count). Anything else is no filter.
 */
export function filtersOf(s: PageState): Filters {
  const f: Filters = {};
  if (DAY.test(s.from)) f.from = s.from;
  if (DAY.test(s.to)) f.to = s.to;
  const v = Number.parseInt(s.votes, 10);
  if (Number.isFinite(v) && v > 0) f.minVotes = v;
  return f;
}

/** The state a URL query string (`location.search`, with or without `?`) holds; missing keys are ''. */
export function parseState(search: string): PageState {
  const p = new URLSearchParams(search);
  const s = { ...EMPTY_STATE, id: p.get('id') ?? '' };
  for (const k of SEARCH_KEYS) s[k] = p.get(k) ?? '';
  return s;
}

/**
 * The URL (path and query, no origin) of a state on the page at `pathname`: a paper's page is
 * `?id=` alone; a search, its non-empty values in the order q, from, to, votes, sort, author
 * (a blank query left out); no `?` when nothing is left.
 */
export function stateUrl(s: PageState, pathname: string): string {
  const p = new URLSearchParams();
  if (s.id) p.set('id', s.id);
  else {
    for (const k of SEARCH_KEYS) if (k === 'q' ? s.q.trim() : s[k]) p.set(k, s[k]);
  }
  const qs = p.toString();
  return `${pathname}${qs ? `?${qs}` : ''}`;
}

/** The search the form shows (a form never shows a paper: `id` is ''). */
export function readFields(fields: StateFields): PageState {
  const s = { ...EMPTY_STATE };
  for (const k of SEARCH_KEYS) s[k] = fields[k].value;
  return s;
}

/** Shows a state's search in the form. */
export function fillFields(fields: StateFields, s: PageState): void {
  for (const k of SEARCH_KEYS) fields[k].value = s[k];
}

/** How many of the filters (dates, votes, author) a state sets. */
export function activeFilters(s: PageState): number {
  const f = filtersOf(s);
  return (f.from ? 1 : 0) + (f.to ? 1 : 0) + (f.minVotes != null ? 1 : 0) + (s.author ? 1 : 0);
}

/** Changes closer together than this (ms) are one burst of typing: one history entry. */
const BURST_MS = 1500;

/**
 * The state in the address bar and the session history. A burst of typing replaces the entry
 * it started, so Back goes to the previous search rather than the previous keystroke.
 */
export class UrlHistory {
  /** When the URL last changed (ms since the epoch); 0 = the next change opens a new entry. */
  private lastPush = 0;

  /** The state the address bar holds now. */
  read(): PageState {
    return parseState(location.search);
  }

  /** Stores the current URL's state in its history entry (what popstate gets back). */
  stampCurrent(): void {
    history.replaceState(this.read(), '', location.href);
  }

  /** Puts `s` in the URL, as a new history entry unless it continues a burst; no-op when the URL already says it. */
  write(s: PageState): void {
    const url = stateUrl(s, location.pathname);
    if (url === `${location.pathname}${location.search}`) return;
    const now = Date.now();
    if (now - this.lastPush < BURST_MS) history.replaceState(s, '', url);
    else history.pushState(s, '', url);
    this.lastPush = now;
  }

  /** Ends the burst: the next change is a new history entry (after a submit or a reset). */
  endBurst(): void {
    this.lastPush = 0;
  }
}
