/**
 * The page's state (the query and the filters) in its three places: the form fields, the URL
 * (`?q=&from=&to=&votes=`, so a search can be linked) and the session history (so Back returns
 * to the previous search). The state keeps the fields' raw strings; `filtersOf` reads them.
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
}

/** The form fields the state lives in. */
export interface StateFields {
  q: HTMLInputElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  votes: HTMLInputElement;
}

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
  return { q: p.get('q') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '', votes: p.get('votes') ?? '' };
}

/**
 * The URL (path and query, no origin) of a state on the page at `pathname`: only the non-empty
 * values, in the order q, from, to, votes; a blank query is left out; no `?` when nothing is left.
 */
export function stateUrl(s: PageState, pathname: string): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.votes) p.set('votes', s.votes);
  const qs = p.toString();
  return `${pathname}${qs ? `?${qs}` : ''}`;
}

/** The state the form shows. */
export function readFields(fields: StateFields): PageState {
  return { q: fields.q.value, from: fields.from.value, to: fields.to.value, votes: fields.votes.value };
}

/** Shows a state in the form. */
export function fillFields(fields: StateFields, s: PageState): void {
  fields.q.value = s.q;
  fields.from.value = s.from;
  fields.to.value = s.to;
  fields.votes.value = s.votes;
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
