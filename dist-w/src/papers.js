// src/papers.ts
import { compareStrings } from "./compare.js";
import { parseArxiv, urlPaperId } from "./arxiv.js";
import { authorKey } from "./authors.js";
import { absoluteHttpUrl } from "./url.js";
function identify(url) {
  const abs = absoluteHttpUrl(url.trim());
  const ref = parseArxiv(url) ?? (abs === null ? null : parseArxiv(abs));
  if (ref) return { id: ref.id, version: ref.version, links: ref.links, arxiv: true };
  return { id: urlPaperId(abs ?? url), version: null, links: { abs, pdf: null, huggingface: null }, arxiv: false };
}
function compareListings(a, b) {
  return compareStrings(a.date, b.date) || compareStrings(a.source.file, b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column;
}
var versionNumber = (v) => v === null ? -1 : Number(v.slice(1));
function where(e) {
  return `${e.source.file}:${e.source.line}:${e.source.column}`;
}
function authorRefs(names) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const name of names) {
    const key = authorKey(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, key });
  }
  return out;
}
function summaryKey(items) {
  return JSON.stringify(items.map((s) => [s.label, s.text]));
}
function firstListing(first, firstVersion, merged) {
  const out = {};
  if (first.votes !== merged.votes) out.votes = first.votes;
  if (firstVersion !== merged.version) out.version = firstVersion;
  if (first.thumbnail !== merged.thumbnail) out.thumbnail = first.thumbnail;
  if (first.media.length !== merged.media.length) out.media = [...first.media];
  const authorCount = authorRefs(first.authors).length;
  if (authorCount !== merged.authors.length) out.authorCount = authorCount;
  if (first.authorsTruncated !== merged.authorsTruncated) out.authorsTruncated = first.authorsTruncated;
  return Object.keys(out).length > 0 ? out : null;
}
function asFirstListed(paper) {
  if (paper.first === void 0 && paper.listings === void 0 && paper.dates.length <= 1) return paper;
  const f = paper.first ?? {};
  const shown = {
    ...paper,
    dates: [paper.date],
    votes: f.votes !== void 0 ? f.votes : paper.votes,
    version: f.version !== void 0 ? f.version : paper.version,
    thumbnail: f.thumbnail !== void 0 ? f.thumbnail : paper.thumbnail,
    media: f.media ?? paper.media,
    authors: f.authorCount !== void 0 ? paper.authors.slice(0, f.authorCount) : paper.authors,
    authorsTruncated: f.authorsTruncated ?? paper.authorsTruncated
  };
  delete shown.listings;
  delete shown.first;
  return shown;
}
function comparePapers(a, b) {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const va = a.votes ?? -1;
  const vb = b.votes ?? -1;
  if (va !== vb) return vb - va;
  return compareStrings(a.id, b.id);
}
function mergeEntries(entries, warn = () => {
}) {
  const sorted = [...entries].sort(compareListings);
  const dateFile = /* @__PURE__ */ new Map();
  const reportedDateFile = /* @__PURE__ */ new Set();
  for (const e of sorted) {
    const first = dateFile.get(e.date);
    if (!first) dateFile.set(e.date, e);
    else if (first.source.file !== e.source.file && !reportedDateFile.has(`${e.date}\0${e.source.file}`)) {
      reportedDateFile.add(`${e.date}\0${e.source.file}`);
      warn(
        e,
        `Digest ${e.date} also appears in ${first.source.file}; the listings of both files are merged`,
        "duplicate-digest-date"
      );
    }
  }
  const groups = /* @__PURE__ */ new Map();
  for (const e of sorted) {
    const ident = identify(e.url);
    if (!ident.arxiv && ident.links.abs === null) {
      warn(
        e,
        `Link is neither an arXiv paper nor an http(s) URL: \`${e.url}\`; the link is dropped and the paper is kept with the id \`${ident.id}\``,
        "link-not-http"
      );
    } else if (!ident.arxiv) {
      warn(
        e,
        `Link is not an arXiv paper: \`${e.url}\`; the paper is kept with the id \`${ident.id}\``,
        "non-arxiv-link"
      );
    }
    let g = groups.get(ident.id);
    if (!g) {
      g = { ident: [], entries: [] };
      groups.set(ident.id, g);
    }
    const twin = g.entries.find((x) => x.date === e.date);
    if (twin) {
      warn(
        e,
        `Paper \`${ident.id}\` is listed twice in digest ${e.date} (first at ${where(twin)}); the listings are merged`,
        "duplicate-paper"
      );
    }
    g.ident.push(ident);
    g.entries.push(e);
  }
  const papers = [];
  for (const [id, g] of groups) {
    const first = g.entries[0];
    const firstIdent = g.ident[0];
    let version = null;
    for (const i of g.ident) if (versionNumber(i.version) > versionNumber(version)) version = i.version;
    const dates = [...new Set(g.entries.map((e) => e.date))].sort(compareStrings);
    let votes = null;
    for (const e of g.entries) if (e.votes !== null && (votes === null || e.votes > votes)) votes = e.votes;
    const authors = authorRefs(first.authors);
    const keys = new Set(authors.map((a) => a.key));
    for (const e of g.entries.slice(1)) {
      for (const a of authorRefs(e.authors)) {
        if (!keys.has(a.key)) {
          keys.add(a.key);
          authors.push(a);
        }
      }
    }
    const authorsTruncated = g.entries.every((e) => e.authorsTruncated);
    const summary = first.summary.map((s) => ({ ...s }));
    const listings = [];
    const seenSummaries = /* @__PURE__ */ new Set([summaryKey(summary)]);
    for (const e of g.entries.slice(1)) {
      const key = summaryKey(e.summary);
      if (e.summary.length === 0 || seenSummaries.has(key)) continue;
      seenSummaries.add(key);
      listings.push({ date: e.date, summary: e.summary.map((s) => ({ ...s })) });
    }
    const media = [];
    for (const e of g.entries) for (const m of e.media) if (!media.includes(m)) media.push(m);
    let thumbnail = null;
    for (const e of g.entries) {
      if (e.thumbnail !== null) {
        thumbnail = e.thumbnail;
        break;
      }
    }
    const firstSaid = firstListing(first, firstIdent.version, { votes, version, thumbnail, media, authors, authorsTruncated });
    papers.push({
      id,
      version,
      title: first.title,
      date: dates[0],
      dates,
      votes,
      authors,
      authorsTruncated,
      summary,
      ...listings.length > 0 ? { listings } : {},
      ...firstSaid !== null ? { first: firstSaid } : {},
      thumbnail,
      media,
      links: firstIdent.links,
      source: { file: first.source.file, line: first.source.line }
    });
  }
  return papers.sort(comparePapers);
}
export {
  asFirstListed,
  authorRefs,
  compareListings,
  comparePapers,
  identify,
  mergeEntries
};
//# sourceMappingURL=papers.js.map
