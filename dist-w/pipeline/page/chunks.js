// pipeline/page/chunks.ts
import { createHash } from "node:crypto";
import { ANALYZER_VERSION } from "../../src/search/options.js";
import { authorShard, PAGE_FORMAT } from "../../src/page/format.js";
import { entriesBytes, entryLength } from "../../src/search/index-json.js";
import { paperDigest } from "../cache/paper-digest.js";
import { relatedPapers } from "./related.js";
import { summarySections } from "./summary.js";
var TERM_CHUNK_BYTES = 48 * 1024;
var DOC_BLOCK = 1024;
var META_BLOCK = 8;
var PAPER_BLOCK = 16;
var AUTHORS_PER_SHARD = 512;
var EXCERPT_CHARS = 320;
var MAX_AUTHORS = 12;
function metaRecord(p, related) {
  let excerpt = "";
  for (const s of p.summary) {
    const line = s.label ? `${s.label}: ${s.text}` : s.text;
    excerpt += (excerpt ? "\n" : "") + line;
    if (excerpt.length >= EXCERPT_CHARS) break;
  }
  if (excerpt.length > EXCERPT_CHARS) excerpt = `${excerpt.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/u, "")}\u2026`;
  return {
    id: p.id,
    title: p.title,
    date: p.date,
    votes: p.votes,
    authors: p.authors.slice(0, MAX_AUTHORS).map((a) => a.name),
    authorKeys: p.authors.slice(0, MAX_AUTHORS).map((a) => a.key),
    authorsMore: p.authorsTruncated || p.authors.length > MAX_AUTHORS,
    excerpt,
    thumbnail: p.thumbnail,
    abs: p.links.abs,
    pdf: p.links.pdf,
    huggingface: p.links.huggingface,
    related
  };
}
function authorShards(byShort, authors) {
  const names = new Map(authors.map((a) => [a.key, a.name]));
  const entries = /* @__PURE__ */ new Map();
  byShort.forEach((p, s) => {
    for (const a of p?.authors ?? []) {
      let e = entries.get(a.key);
      if (!e) entries.set(a.key, e = { name: names.get(a.key) ?? a.name, papers: [] });
      if (e.papers[e.papers.length - 1] !== s) e.papers.push(s);
    }
  });
  const count = Math.max(1, Math.ceil(entries.size / AUTHORS_PER_SHARD));
  const shards = Array.from({ length: count }, () => ({}));
  for (const key of [...entries.keys()].sort()) shards[authorShard(key, count)][key] = entries.get(key);
  return shards;
}
function chunkSearchData(papers, index, {
  prefix = "search/",
  termChunkBytes = TERM_CHUNK_BYTES,
  authors = [],
  related = relatedPapers(index),
  records
} = {}) {
  const chunks = [];
  const encoder = new TextEncoder();
  const emit = (dir, n, value) => {
    const file = `${dir}/${n}.json`;
    chunks.push({ file, data: encoder.encode(JSON.stringify(value)) });
    return file;
  };
  const js = index.head;
  const byId = /* @__PURE__ */ new Map();
  for (const p of papers) if (!byId.has(p.id)) byId.set(p.id, p);
  const ids = js.documentIds;
  const byShort = Array.from({ length: js.nextId }, (_, s) => {
    const id = ids[String(s)];
    return id === void 0 ? null : byId.get(String(id)) ?? null;
  });
  const first = [];
  const termFiles = [];
  let from = 0;
  let size = 0;
  const flush = (to) => {
    if (to === from) return;
    first.push(index.terms[from]);
    const file = `t/${termFiles.length}.json`;
    chunks.push({ file, data: entriesBytes(index, from, to) });
    termFiles.push(file);
    from = to;
    size = 0;
  };
  for (let i = 0; i < index.terms.length; i++) {
    const n = entryLength(index, i) + 1;
    if (size > 0 && size + n > termChunkBytes) flush(i);
    size += n;
  }
  flush(index.terms.length);
  if (first.length === 0) {
    first.push("");
    termFiles.push(emit("t", 0, []));
  }
  first[0] = "";
  const fieldCount = Object.keys(js.fieldIds).length;
  const docFiles = [];
  for (let start = 0, n = 0; start < byShort.length || n === 0; start += DOC_BLOCK, n++) {
    const slice = byShort.slice(start, start + DOC_BLOCK);
    const doc = {
      start,
      ids: slice.map((p) => p?.id ?? ""),
      fieldLength: slice.map((_, i) => {
        const fl = js.fieldLength[String(start + i)] ?? [];
        return Array.from({ length: fieldCount }, (_2, f) => fl[f] ?? 0);
      }),
      date: slice.map((p) => p?.date ?? ""),
      votes: slice.map((p) => p?.votes ?? null)
    };
    docFiles.push(emit("d", n, doc));
  }
  const comma = encoder.encode(",");
  const nothing = encoder.encode("null");
  const close = encoder.encode("}");
  const cached = (p, kind, build) => records ? records.record(`${paperDigest(p)}${kind}`, build) : build();
  const metaHead = (p) => {
    const json = JSON.stringify(metaRecord(p, []));
    if (!json.endsWith('"related":[]}')) throw new Error("chunks: a meta record must end with its related papers");
    return encoder.encode(json.slice(0, -3));
  };
  const joinedChunks = (kind, block, parts) => {
    const files = [];
    for (let start = 0, n = 0; start < byShort.length || n === 0; start += block, n++) {
      const chunk = [encoder.encode(`{"start":${start},"docs":[`)];
      byShort.slice(start, start + block).forEach((p, i) => {
        if (i > 0) chunk.push(comma);
        if (p === null) chunk.push(nothing);
        else chunk.push(...parts(p, start + i));
      });
      chunk.push(encoder.encode("]}"));
      const file = `${kind}/${n}.json`;
      chunks.push({ file, data: Buffer.concat(chunk) });
      files.push(file);
    }
    return files;
  };
  const metaFiles = joinedChunks("m", META_BLOCK, (p, short) => [
    cached(p, ":m", () => metaHead(p)),
    encoder.encode(JSON.stringify(related[short] ?? [])),
    close
  ]);
  const paperRecord = (p) => {
    const record = { dates: p.dates, authors: p.authors, authorsTruncated: p.authorsTruncated, summary: summarySections(p.summary) };
    return encoder.encode(JSON.stringify(record));
  };
  const paperFiles = joinedChunks("p", PAPER_BLOCK, (p) => [cached(p, "", () => paperRecord(p))]);
  const shards = authorShards(byShort, authors);
  shards.forEach((shard, n) => emit("a", n, shard));
  const dates = papers.map((p) => p.date).filter((d) => d !== "").sort();
  const manifest = {
    format: PAGE_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    documentCount: js.documentCount,
    nextId: js.nextId,
    fieldIds: js.fieldIds,
    averageFieldLength: js.averageFieldLength,
    serializationVersion: js.serializationVersion,
    dates: { min: dates[0] ?? "", max: dates[dates.length - 1] ?? "" },
    root: "",
    terms: { first, count: termFiles.length },
    docs: { block: DOC_BLOCK, count: docFiles.length },
    meta: { block: META_BLOCK, count: metaFiles.length },
    papers: { block: PAPER_BLOCK, count: paperFiles.length },
    authors: { count: shards.length }
  };
  const h = createHash("sha256");
  const known = chunks.map((c) => {
    const content = { sha256: createHash("sha256").update(c.data).digest("hex"), size: Buffer.byteLength(c.data) };
    h.update(c.file).update("\0").update(content.sha256).update("\0");
    return content;
  });
  manifest.root = `${h.digest("hex").slice(0, 12)}/`;
  const artifacts = chunks.map((c, i) => ({ path: `${prefix}${manifest.root}${c.file}`, data: c.data, known: known[i] }));
  artifacts.push({ path: `${prefix}manifest.json`, data: JSON.stringify(manifest) });
  return { manifest, artifacts };
}
export {
  DOC_BLOCK,
  META_BLOCK,
  PAPER_BLOCK,
  TERM_CHUNK_BYTES,
  chunkSearchData
};
//# sourceMappingURL=chunks.js.map
