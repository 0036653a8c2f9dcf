// src/dataset.ts
import { mergeEntries } from "./papers.js";
import { buildAuthorRecords, dedupeNames } from "./authors.js";
function normalizeEntryAuthors(entry) {
  const { unique, duplicates } = dedupeNames(entry.authors.map((n) => n.normalize("NFC")));
  return { entry: duplicates.length === 0 && unique.length === entry.authors.length ? entry : { ...entry, authors: unique }, duplicates };
}
function buildDataset(entries, warn) {
  const papers = mergeEntries(entries, warn);
  const authors = buildAuthorRecords(
    papers,
    entries.map((e) => e.authors)
  );
  return { papers, authors };
}
export {
  buildDataset,
  normalizeEntryAuthors
};
//# sourceMappingURL=dataset.js.map
