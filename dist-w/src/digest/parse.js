// src/digest/parse.ts
import { toString } from "mdast-util-to-string";
import { parseArxiv } from "../arxiv.js";
import { parseBlocks } from "./chunk.js";
import { warn } from "./messages.js";
import { collapse, startOf } from "./nodes.js";
import { headingLink, openPaper, readPaperBlock } from "./listing.js";
var DAILY = /^Daily Papers\s*\(([^)]*)\)\s*$/i;
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isValidDate(s) {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && y % 100 !== 0 || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}
function closePaper(r) {
  if (r.paper) r.entries.push(r.paper);
  r.paper = null;
}
function closeSection(r) {
  closePaper(r);
  if (r.date !== null && r.rank === 0) warn(r.doc.file, `Digest ${r.date} lists no papers`, r.sectionPlace, "empty-digest");
}
function openSection(r, heading) {
  closeSection(r);
  const m = heading.depth === 2 ? DAILY.exec(collapse(toString(heading))) : null;
  r.sectionPlace = startOf(heading);
  r.rank = 0;
  r.date = null;
  if (!m) {
    r.outside = "other-section";
    return;
  }
  r.sawDaily = true;
  const d = (m[1] ?? "").trim();
  if (isValidDate(d)) {
    r.date = d;
    return;
  }
  r.outside = "invalid-date";
  warn(
    r.doc.file,
    `Invalid digest date \`${d}\`: expected a real date as YYYY-MM-DD; the papers of this digest are skipped`,
    r.sectionPlace,
    "invalid-date"
  );
}
function openPaperHeading(r, heading) {
  closePaper(r);
  if (r.date !== null) {
    r.paper = openPaper(r.doc, heading, r.date, r.rank);
    if (r.paper) r.rank++;
    return;
  }
  const link = headingLink(heading);
  if (link === void 0 || r.outside !== "invalid-date" && parseArxiv(link.url) === null) return;
  const why = r.outside === "invalid-date" ? "its digest heading has an invalid date" : r.outside === "other-section" ? "it sits in a section that is not a `## Daily Papers (YYYY-MM-DD)` digest" : "it comes before any `## Daily Papers (YYYY-MM-DD)` heading";
  warn(r.doc.file, `Paper heading skipped: ${why}`, startOf(heading), "paper-outside-digest");
}
function parseDigest(text, file, options = {}) {
  const r = {
    doc: { text, file },
    entries: [],
    sawDaily: false,
    date: null,
    outside: "before",
    sectionPlace: { line: 1, column: 1 },
    rank: 0,
    paper: null
  };
  if (text.trim() === "") {
    warn(file, "Empty file: it holds no digest and no papers", { line: 1, column: 1 }, "empty-file");
    return r.entries;
  }
  for (const node of parseBlocks(text, options.whole === true)) {
    if (node.type === "heading" && node.depth <= 2) openSection(r, node);
    else if (node.type === "heading" && node.depth === 3) openPaperHeading(r, node);
    else if (r.paper) readPaperBlock(r.doc, r.paper, node);
  }
  closeSection(r);
  if (!r.sawDaily) {
    warn(
      file,
      "No `## Daily Papers (YYYY-MM-DD)` heading: this file holds no digest, so no papers are read from it",
      { line: 1, column: 1 },
      "no-digest-heading"
    );
  }
  return r.entries;
}
export {
  isValidDate,
  parseDigest
};
//# sourceMappingURL=parse.js.map
