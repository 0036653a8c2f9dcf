// src/page/sort.ts
var SORTS = ["relevance", "newest", "votes"];
function effectiveSort(asked, searching) {
  if (SORTS.includes(asked)) {
    return !searching && asked === "relevance" ? "newest" : asked;
  }
  return searching ? "relevance" : "newest";
}
function sortHits(hits, sort) {
  const ranked = hits.map((h, rank) => ({ h, rank }));
  const part = (a, b) => Number(a.h.partial) - Number(b.h.partial);
  if (sort === "newest") ranked.sort((a, b) => part(a, b) || (a.h.date < b.h.date ? 1 : a.h.date > b.h.date ? -1 : a.rank - b.rank));
  else if (sort === "votes") ranked.sort((a, b) => part(a, b) || (b.h.votes ?? -1) - (a.h.votes ?? -1) || a.rank - b.rank);
  return ranked.map((r) => r.h);
}
function listHits(ranked, sort, limit, only) {
  return sortHits(only ? ranked.filter((h) => only.has(h.shortId)) : ranked, sort).slice(0, limit);
}
export {
  SORTS,
  effectiveSort,
  listHits,
  sortHits
};
//# sourceMappingURL=sort.js.map
