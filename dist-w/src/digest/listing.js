// src/digest/listing.ts
import { toString } from "mdast-util-to-string";
import { parseAuthors } from "../authors.js";
import { absoluteHttpUrl } from "../url.js";
import { visibleText } from "../text.js";
import { parseBlocks } from "./chunk.js";
import { warn } from "./messages.js";
import { blockText, collapse, sourceOf, startOf } from "./nodes.js";
import { appendToSummary, readList } from "./summary.js";
var VOTE_LINE = /^Vote:\s*(.*?)\s*$/;
var AUTHORS_LINE = /^Authors:\s*(.*?)\s*$/;
var DEST = String.raw`(?:<([^<>\n]*)>|((?:[^\s()<>]|\([^\s()<>]*\))+))`;
var IMAGE_LINE = new RegExp(String.raw`^!\[[^\]]*\]\(\s*${DEST}(?:\s+"[^"]*")?\s*\)$`);
var WATCH_LINE = new RegExp(String.raw`^\[Watch Video\]\s*\(?\s*${DEST}\s*\)?$`, "i");
var VIDEO_SRC = /<(?:video|source)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^"'\s>]+))/gi;
var VIDEO_LINE = /^\s*(?:<\/?(?:div|video|source|p)\b[^>]*>\s*)+$/i;
function headingLink(heading) {
  return heading.children.find((c) => c.type === "link");
}
function plainText(node) {
  return visibleText(toString(node));
}
function inlinePlain(raw) {
  const [node] = parseBlocks(`# ${raw.replace(/\n/g, " ")} #`, true);
  return node?.type === "heading" ? plainText(node) : visibleText(raw);
}
function linkDestination(dest) {
  const [node] = parseBlocks(`[x](${dest.replace(/\n/g, " ")})`, true);
  const link = node?.type === "paragraph" ? node.children[0] : void 0;
  return link?.type === "link" && node?.type === "paragraph" && node.children.length === 1 ? link.url : null;
}
function readPaperHeading(doc, heading) {
  const kids = heading.children;
  const first = kids[0];
  const lastNode = kids[kids.length - 1];
  const from = first?.position?.start.offset;
  const to = lastNode?.position?.end.offset;
  const last = [...kids].reverse().find((c) => c.type === "link");
  if (from !== void 0 && to !== void 0) {
    const content = doc.text.slice(from, to);
    const atEnd = last !== void 0 && last.position?.end.offset === to;
    if (atEnd && last.position?.start.offset === from) return { title: plainText(last), url: last.url.trim(), recovered: false };
    if (content.startsWith("[") && content.endsWith(")")) {
      if (atEnd) {
        const labelEnd = last.children[last.children.length - 1]?.position?.end.offset ?? (last.position?.start.offset ?? from) + 1;
        return { title: inlinePlain(doc.text.slice(from + 1, labelEnd)), url: last.url.trim(), recovered: true };
      }
      const close = content.lastIndexOf("](");
      const url = close > 0 ? linkDestination(content.slice(close + 2, -1)) : null;
      if (url !== null) return { title: inlinePlain(content.slice(1, close)), url: url.trim(), recovered: true };
    }
  }
  const link = headingLink(heading);
  return link ? { title: plainText(link), url: link.url.trim(), recovered: false } : null;
}
function openPaper(doc, heading, date, rank) {
  const place = startOf(heading);
  const read = readPaperHeading(doc, heading);
  if (!read) {
    warn(
      doc.file,
      `Paper heading without a link: \`${collapse(sourceOf(doc, heading))}\`; expected \`### [Title](https://arxiv.org/abs/ID)\`; the paper is skipped`,
      place,
      "heading-without-link"
    );
    return null;
  }
  if (read.recovered) {
    warn(
      doc.file,
      `Paper title with unbalanced brackets: CommonMark does not read \`${collapse(sourceOf(doc, heading))}\` as one link; the title is read from the line as \`${read.title}\` (escape a lone bracket as \`\\[\` or \`\\]\`)`,
      place,
      "title-brackets"
    );
  }
  if (read.title === "") warn(doc.file, "Paper heading has an empty title", place, "empty-title");
  if (read.url === "") warn(doc.file, "Paper heading has an empty link", place, "empty-link");
  return newEntry({ date, rank, title: read.title, url: read.url, source: { file: doc.file.path ?? "", line: place.line, column: place.column } });
}
function newEntry(heading) {
  const { date, rank, title, url, source } = heading;
  return { date, rank, title, url, thumbnail: null, votes: null, authors: [], authorsTruncated: false, summary: [], media: [], source };
}
function publishedUrl(doc, raw, what, place) {
  const url = absoluteHttpUrl(raw);
  if (url === null) warn(doc.file, `${what} URL is not an http(s) link: \`${collapse(raw)}\`; it is dropped`, place, "url-not-http");
  return url;
}
function addMedia(doc, entry, raw, place) {
  const u = publishedUrl(doc, raw, "Media", place);
  if (u !== null && !entry.media.includes(u)) entry.media.push(u);
}
function readFieldLine(doc, entry, node, rawLine, index) {
  const line = rawLine.trim();
  const start = startOf(node);
  const indent = rawLine.length - rawLine.trimStart().length;
  const place = { line: start.line + index, column: (index === 0 ? start.column : 1) + indent };
  let m;
  if (m = VOTE_LINE.exec(line)) {
    const v = m[1] ?? "";
    if (v === "-") entry.votes = null;
    else if (/^\d+$/.test(v)) entry.votes = Number(v);
    else {
      entry.votes = null;
      warn(doc.file, `Vote is neither a number nor \`-\`: \`${v}\`; votes left unknown`, start, "vote-invalid");
    }
  } else if (m = AUTHORS_LINE.exec(line)) {
    const parsed = parseAuthors(m[1] ?? "");
    entry.authors = parsed.names;
    entry.authorsTruncated = parsed.truncated;
    entry.authorsAt = place;
    if (parsed.notNames.length > 0) {
      const items = parsed.notNames.map((n) => `\`${n}\``).join(", ");
      warn(doc.file, `Author list item without a letter: ${items}; it names no one and is dropped`, place, "author-not-a-name");
    }
  } else if ((m = IMAGE_LINE.exec(line)) && entry.summary.length === 0 && entry.thumbnail === null) {
    entry.thumbnail = publishedUrl(doc, m[1] ?? m[2] ?? "", "Thumbnail", place);
  } else if (m = WATCH_LINE.exec(line)) {
    addMedia(doc, entry, m[1] ?? m[2] ?? "", place);
  } else if (VIDEO_LINE.test(line) && /<(?:video|source)\b/i.test(line)) {
    for (const v of line.matchAll(VIDEO_SRC)) addMedia(doc, entry, v[1] ?? v[2] ?? v[3] ?? "", place);
  } else {
    return false;
  }
  return true;
}
function readParagraph(doc, entry, node) {
  const raw = sourceOf(doc, node);
  const prose = [];
  let fields = 0;
  for (const [index, rawLine] of raw.split("\n").entries()) {
    if (readFieldLine(doc, entry, node, rawLine, index)) fields++;
    else prose.push(rawLine);
  }
  if (prose.length === 0) return;
  const markdown = fields === 0 ? raw : prose.join("\n");
  const plain = fields === 0 ? collapse(toString(node)) : collapse(prose.join(" "));
  appendToSummary(entry, markdown, plain, "\n\n");
}
function readPaperBlock(doc, entry, node) {
  switch (node.type) {
    case "paragraph":
      readParagraph(doc, entry, node);
      break;
    case "list":
      readList(doc, entry, node);
      break;
    case "html":
      for (const v of node.value.matchAll(VIDEO_SRC)) addMedia(doc, entry, v[1] ?? v[2] ?? v[3] ?? "", startOf(node));
      break;
    case "definition":
      break;
    default: {
      const md = sourceOf(doc, node);
      if (md.trim() !== "") appendToSummary(entry, md, blockText(node), "\n\n");
    }
  }
}
export {
  headingLink,
  newEntry,
  openPaper,
  readPaperBlock,
  readPaperHeading
};
//# sourceMappingURL=listing.js.map
