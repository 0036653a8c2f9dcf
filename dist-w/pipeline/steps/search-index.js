// pipeline/steps/search-index.ts
import { toSearchDocument } from "../../src/search/options.js";
import { createSearchClient } from "../../src/search/client.js";
import { IndexBuilder } from "../../src/search/index-builder.js";
import { indexJsonBytes, postingsText } from "../../src/search/index-json.js";
import { loadMiniSearchParts } from "../../src/search/load.js";
import { planQuery, textMatches } from "../../src/search/query.js";
import { docKey } from "../parse/vectors.js";
var SEARCH_INDEX_PATH = "search-index.json";
function buildIndexOf(dataset, vectors = null) {
  const builder = new IndexBuilder();
  let analyzed = 0;
  let analyzedWhileParsing = 0;
  let analyzedInWorkers = 0;
  let reused = 0;
  for (const paper of dataset.papers) {
    const doc = toSearchDocument(paper);
    const key = vectors ? docKey(doc) : "";
    const found = vectors?.lookup(key);
    let vector = found?.vector;
    if (found?.cached) reused++;
    else if (found) {
      analyzed++;
      analyzedWhileParsing++;
      if (found.inWorker) analyzedInWorkers++;
    } else {
      analyzed++;
    }
    builder.add(doc, vector, key);
  }
  const table = vectors ? builder.exportTable() : null;
  const index = builder.finish();
  return { index, table, stats: { documents: index.head.documentCount, analyzed, analyzedWhileParsing, analyzedInWorkers, reused, terms: index.terms.length } };
}
function indexStep(ctx, dataset) {
  const { index, stats, table } = buildIndexOf(dataset, ctx.caches.vectors);
  const duplicates = dataset.papers.length - index.head.documentCount;
  if (duplicates > 0) ctx.logger.info(`index: ${duplicates} duplicate paper id(s) indexed once`);
  ctx.logger.progress("index", index.head.documentCount, dataset.papers.length);
  let client = null;
  let papers = null;
  const value = {
    artifacts: [{ path: SEARCH_INDEX_PATH, data: indexJsonBytes(index) }],
    index,
    stats,
    vectorTable: table,
    search: (query) => {
      client ??= createSearchClient(loadMiniSearchParts(index.head, index.terms, (i) => postingsText(index, i)));
      papers ??= new Map(dataset.papers.map((p) => [p.id, p]));
      const plan = planQuery(query);
      return client.search(query, { match: "all", limit: Infinity }).filter((hit) => {
        const paper = papers.get(hit.id);
        const doc = paper && toSearchDocument(paper);
        return !!doc && textMatches(plan, `${doc.title}
${doc.summary}
${doc.authors}`);
      }).map((hit) => hit.id);
    }
  };
  return { value, counts: { ...stats, artifacts: value.artifacts.length } };
}
export {
  SEARCH_INDEX_PATH,
  buildIndexOf,
  indexStep
};
//# sourceMappingURL=search-index.js.map
