// src/search/options.ts
import { ANALYZER_VERSION, isHangulTerm, processTerm, tokenize, tokenizeQuery } from "./analyzer.js";
import { fuzzyLatin } from "./query.js";
var VERSION_KEY = "analyzerVersion";
var SEARCH_FIELDS = ["title", "summary", "authors", "id"];
var STORE_FIELDS = ["title", "date", "votes"];
function summaryLines(paper) {
  const lines = paper.summary.map((s) => s.text);
  const seen = new Set(lines);
  for (const listing of paper.listings ?? []) {
    for (const { text } of listing.summary) {
      if (seen.has(text)) continue;
      seen.add(text);
      lines.push(text);
    }
  }
  return lines;
}
function toSearchDocument(paper) {
  return {
    id: paper.id,
    title: paper.title,
    summary: summaryLines(paper).join("\n"),
    authors: paper.authors.map((a) => a.name).join("\n"),
    date: paper.date,
    votes: paper.votes
  };
}
var RESULT_LIMIT = 500;
var FIELD_BOOST = { title: 3, authors: 2, summary: 1, id: 1 };
function prefixLastTerm(term, i, terms) {
  if (i !== terms.length - 1) return false;
  if (isHangulTerm(term)) return true;
  return /^\d+$/u.test(term) ? term.length >= 4 : term.length >= 2;
}
var searchOptions = {
  boost: FIELD_BOOST,
  prefix: prefixLastTerm,
  fuzzy: fuzzyLatin,
  combineWith: "OR",
  tokenize: tokenizeQuery,
  processTerm: (term) => processTerm(term)
};
var indexOptions = {
  idField: "id",
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize,
  processTerm,
  searchOptions
};
export {
  ANALYZER_VERSION,
  FIELD_BOOST,
  RESULT_LIMIT,
  SEARCH_FIELDS,
  STORE_FIELDS,
  VERSION_KEY,
  fuzzyLatin,
  indexOptions,
  prefixLastTerm,
  searchOptions,
  toSearchDocument
};
//# sourceMappingURL=options.js.map
