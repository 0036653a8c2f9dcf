// src/page/url-state.ts
var EMPTY_STATE = { q: "", from: "", to: "", votes: "", sort: "", author: "", id: "" };
var SEARCH_KEYS = ["q", "from", "to", "votes", "sort", "author"];
var DAY = /^\d{4}-\d{2}-\d{2}$/;
function filtersOf(s) {
  const f = {};
  if (DAY.test(s.from)) f.from = s.from;
  if (DAY.test(s.to)) f.to = s.to;
  const v = Number.parseInt(s.votes, 10);
  if (Number.isFinite(v) && v > 0) f.minVotes = v;
  return f;
}
function parseState(search) {
  const p = new URLSearchParams(search);
  const s = { ...EMPTY_STATE, id: p.get("id") ?? "" };
  for (const k of SEARCH_KEYS) s[k] = p.get(k) ?? "";
  return s;
}
function stateUrl(s, pathname) {
  const p = new URLSearchParams();
  if (s.id) p.set("id", s.id);
  else {
    for (const k of SEARCH_KEYS) if (k === "q" ? s.q.trim() : s[k]) p.set(k, s[k]);
  }
  const qs = p.toString();
  return `${pathname}${qs ? `?${qs}` : ""}`;
}
function readFields(fields) {
  const s = { ...EMPTY_STATE };
  for (const k of SEARCH_KEYS) s[k] = fields[k].value;
  return s;
}
function fillFields(fields, s) {
  for (const k of SEARCH_KEYS) fields[k].value = s[k];
}
function activeFilters(s) {
  const f = filtersOf(s);
  return (f.from ? 1 : 0) + (f.to ? 1 : 0) + (f.minVotes != null ? 1 : 0) + (s.author ? 1 : 0);
}
var BURST_MS = 1500;
var UrlHistory = class {
  /** When the URL last changed (ms since the epoch); 0 = the next change opens a new entry. */
  lastPush = 0;
  /** The state the address bar holds now. */
  read() {
    return parseState(location.search);
  }
  /** Stores the current URL's state in its history entry (what popstate gets back). */
  stampCurrent() {
    history.replaceState(this.read(), "", location.href);
  }
  /** Puts `s` in the URL, as a new history entry unless it continues a burst; no-op when the URL already says it. */
  write(s) {
    const url = stateUrl(s, location.pathname);
    if (url === `${location.pathname}${location.search}`) return;
    const now = Date.now();
    if (now - this.lastPush < BURST_MS) history.replaceState(s, "", url);
    else history.pushState(s, "", url);
    this.lastPush = now;
  }
  /** Ends the burst: the next change is a new history entry (after a submit or a reset). */
  endBurst() {
    this.lastPush = 0;
  }
};
export {
  EMPTY_STATE,
  UrlHistory,
  activeFilters,
  fillFields,
  filtersOf,
  parseState,
  readFields,
  stateUrl
};
//# sourceMappingURL=url-state.js.map
