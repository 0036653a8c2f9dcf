// pipeline/steps/enrich.ts
import { buildDataset } from "../../src/dataset.js";
import { notePaperJson } from "../cache/paper-digest.js";
function enrichStep(ctx, entries) {
  const dataset = buildDataset(entries, (entry, reason, ruleId) => {
    ctx.file(entry.source.file).message(reason, {
      place: { line: entry.source.line, column: entry.source.column },
      ruleId,
      source: "pipeline:enrich"
    });
  });
  return { value: dataset, counts: { papers: dataset.papers.length, authors: dataset.authors.length } };
}
function datasetArtifacts(dataset) {
  return [
    { path: "papers.json", data: jsonRecords("papers", dataset.papers, notePaperJson) },
    { path: "authors.json", data: jsonRecords("authors", dataset.authors) }
  ];
}
function jsonRecords(key, records, note) {
  if (records.length === 0) return [Buffer.from(`{"${key}":[]}
`)];
  const parts = [Buffer.from(`{"${key}":[
`)];
  const BATCH = 512;
  for (let start = 0; start < records.length; start += BATCH) {
    const lines = [];
    for (let i = start; i < Math.min(records.length, start + BATCH); i++) {
      const line = JSON.stringify(records[i]);
      note?.(records[i], line);
      lines.push(line);
    }
    parts.push(Buffer.from((start === 0 ? "" : ",\n") + lines.join(",\n")));
  }
  parts.push(Buffer.from("\n]}\n"));
  return parts;
}
export {
  datasetArtifacts,
  enrichStep
};
//# sourceMappingURL=enrich.js.map
