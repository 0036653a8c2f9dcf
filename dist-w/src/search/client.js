// src/search/client.ts
import MiniSearch from "minisearch";
import { compareStrings } from "../compare.js";
import { ANALYZER_VERSION, cleanText, extractArxivIds, isLatinTerm, nameTerm } from "./analyzer.js";
import { passesFilters } from "./filters.js";
import { hasTerm, termHolder } from "./internals.js";
import { loadMiniSearch, loadMiniSearchEntries, scanIndexText } from "./load.js";
import { VERSION_KEY } from "./options.js";
import { compareRankKeys, matchedTerms, miniSearchQuery, planQuery, planSearchOptions, rankKey, wordMatched } from "./query.js";
var AnalyzerMismatchError = class extends Error {
  expected;
  found;
  constructor(found) {
    super(
      `search index analyzer version ${JSON.stringify(found ?? null)} does not match this client's "${ANALYZER_VERSION}": rebuild the index (npm run pipeline) or use the client shipped with it`
    );
    this.name = "AnalyzerMismatchError";
    this.expected = ANALYZER_VERSION;
    this.found = found;
  }
};
function checkAnalyzerVersion(found) {
  if (found !== ANALYZER_VERSION) throw new AnalyzerMismatchError(found);
}
var DEFAULT_LIMIT = 50;
function loadSearchIndex(json, options = {}) {
  if (typeof json === "string") {
    const fast = scanIndexText(json);
    if (fast) {
      checkAnalyzerVersion(fast.head[VERSION_KEY]);
      return createSearchClient(loadMiniSearchEntries(fast.head, fast.terms, fast.values), options);
    }
  }
  const js = typeof json === "string" ? JSON.parse(json) : json;
  if (js === null || typeof js !== "object" || !("index" in js) || !("documentIds" in js)) {
    throw new Error("not a MiniSearch index: expected the JSON written to search-index.json");
  }
  checkAnalyzerVersion(js[VERSION_KEY]);
  const ms = loadMiniSearch(js);
  return createSearchClient(ms, options);
}
function createSearchClient(ms, options = {}) {
  const authors = options.authors ? new Map(options.authors.map((a) => [a.key, a.papers])) : void 0;
  return {
    analyzerVersion: ANALYZER_VERSION,
    get size() {
      return ms.documentCount;
    },
    miniSearch: ms,
    has: (id) => ms.has(id),
    search: (query, opts = {}) => searchIndex(ms, query, opts, authors)
  };
}
function authorIds(ms, keys, authors) {
  const ids = /* @__PURE__ */ new Set();
  for (const key of keys) {
    if (typeof key !== "string") continue;
    if (authors) {
      for (const id of authors.get(key) ?? []) ids.add(id);
      continue;
    }
    const name = nameTerm(key);
    if (!name) continue;
    const words = hasTerm(ms, name) ? [name] : key.split(" ");
    const query = { queries: words, fields: ["authors"], combineWith: "AND", prefix: false, fuzzy: false };
    for (const r of ms.search(query, planSearchOptions)) ids.add(String(r.id));
  }
  return ids;
}
function toHit(r, score, partial = false) {
  return {
    id: String(r.id),
    score,
    title: String(r.title ?? ""),
    date: String(r.date ?? ""),
    votes: typeof r.votes === "number" ? r.votes : null,
    terms: r.terms,
    queryTerms: r.queryTerms,
    partial
  };
}
function listFiltered(ms, options, authors, limit) {
  const results = ms.search(MiniSearch.wildcard, {
    filter: (r) => (!authors || authors.has(String(r.id))) && passesFilters(r.date, r.votes, options)
  });
  const date = (r) => String(r.date ?? "");
  results.sort(
    (a, b) => compareStrings(date(b), date(a)) || Number(b.votes ?? -1) - Number(a.votes ?? -1) || compareStrings(String(a.id), String(b.id))
  );
  return results.slice(0, limit).map((r) => toHit(r, 0));
}
function searchIndex(ms, query, options = {}, authorPapers) {
  const q = cleanText(query);
  const limit = Math.max(0, Math.floor(Number(options.limit ?? DEFAULT_LIMIT)) || 0);
  if (limit === 0) return [];
  const plan = planQuery(q, (t) => hasTerm(ms, t));
  const authorList = (options.author == null ? [] : Array.isArray(options.author) ? options.author : [options.author]).filter(
    (a) => typeof a === "string" && a.trim() !== ""
  );
  if (plan.terms.length === 0) {
    const filtered2 = authorList.length > 0 || !!options.from || !!options.to || options.minVotes != null;
    return filtered2 ? listFiltered(ms, options, authorList.length > 0 ? authorIds(ms, authorList, authorPapers) : null, limit) : [];
  }
  const authors = authorList.length > 0 ? authorIds(ms, authorList, authorPapers) : null;
  const all = options.match === "all";
  const filtered = !!authors || !!options.from || !!options.to || options.minVotes != null || all;
  const filter = (r) => {
    if (authors && !authors.has(String(r.id))) return false;
    if (!passesFilters(r.date, r.votes, options)) return false;
    return !all || allWordsMatched(plan, r);
  };
  let ranked;
  try {
    ranked = [];
    const boostDocument = latinPrefixBoost(ms, plan);
    const searchOptions = { ...planSearchOptions, ...filtered ? { filter } : {}, ...boostDocument ? { boostDocument } : {} };
    for (const r of ms.search(miniSearchQuery(plan), searchOptions)) {
      const key = rankKey(plan, r);
      if (key) ranked.push({ r, key });
    }
  } catch {
    return [];
  }
  ranked.sort((a, b) => compareRankKeys(a.key, b.key) || compareStrings(String(a.r.id), String(b.r.id)));
  const ids = extractArxivIds(q).filter((id) => ms.has(id));
  const words = plan.words.length;
  if (ids.length === 0) return ranked.slice(0, limit).map(({ r, key }) => toHit(r, key[4], key[0] < words));
  const top = ranked[0]?.key[4] ?? 0;
  const named = new Set(ids);
  const first = [];
  for (const [i, id] of ids.entries()) {
    const found = ranked.find((x) => x.r.id === id);
    if (found) first.push(toHit(found.r, top + ids.length - i));
  }
  const rest = [];
  for (const { r, key } of ranked) {
    if (first.length + rest.length >= limit) break;
    if (!named.has(String(r.id))) rest.push(toHit(r, key[4], key[0] < words));
  }
  return [...first, ...rest].slice(0, limit);
}
function latinPrefixBoost(ms, plan) {
  const prefixes = plan.terms.filter((t) => t.prefix && isLatinTerm(t.term)).map((t) => t.term);
  if (prefixes.length === 0) return void 0;
  const holders = new Map(prefixes.map((p) => [p, termHolder(ms, p)]));
  const planned = new Set(plan.terms.map((t) => t.term));
  return (id, term) => {
    if (planned.has(term)) return 1;
    for (const p of prefixes) {
      if (term !== p && term.startsWith(p) && holders.get(p)(String(id))) return 0;
    }
    return 1;
  };
}
function allWordsMatched(plan, r) {
  const matched = matchedTerms(plan, r);
  return plan.words.every((w) => wordMatched(w, matched));
}
export {
  ANALYZER_VERSION,
  AnalyzerMismatchError,
  VERSION_KEY,
  checkAnalyzerVersion,
  createSearchClient,
  loadSearchIndex,
  searchIndex
};
//# sourceMappingURL=client.js.map
