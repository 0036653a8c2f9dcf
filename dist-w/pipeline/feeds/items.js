// pipeline/feeds/items.ts
import { createHash } from "node:crypto";
import { parseArxiv } from "../../src/arxiv.js";
import { feedWords } from "../../src/feed-words.js";
import { HUGGING_FACE } from "../../src/url.js";
import { bulletHast, feedUrl, h, summaryParts, toHtml } from "./summary-html.js";
import { xmlSafeLine } from "./xml.js";
var IMAGE_TYPES = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml"
};
function imageThumbnail(url) {
  const abs = feedUrl(url);
  if (!abs) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(abs).pathname)?.[1]?.toLowerCase();
  return ext !== void 0 && IMAGE_TYPES[ext] ? abs : null;
}
var BYLINE_NAMES = 3;
function bylineOf(authors, etAl = feedWords("en").etAl, truncated = false) {
  const shown = authors.slice(0, BYLINE_NAMES).join(", ");
  return shown !== "" && (authors.length > BYLINE_NAMES || truncated) ? `${shown}${etAl}` : shown;
}
function uuidV5(name) {
  const ns = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = hash[6] & 15 | 80;
  hash[8] = hash[8] & 63 | 128;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function arxivAbs(paper) {
  const ref = parseArxiv(paper.id);
  return ref !== null && ref.id === paper.id ? ref.links.abs : null;
}
function paperGuid(paper) {
  const arxiv = arxivAbs(paper);
  if (arxiv !== null) return { id: arxiv, permalink: true };
  const abs = feedUrl(paper.links.abs);
  if (abs) return { id: abs, permalink: true };
  return { id: `urn:uuid:${uuidV5(`daily-papers-feeds:paper:${paper.id}`)}`, permalink: false };
}
function paperLinks(paper) {
  const arxiv = arxivAbs(paper);
  return {
    abs: feedUrl(paper.links.abs) ?? arxiv,
    pdf: feedUrl(paper.links.pdf),
    hf: feedUrl(paper.links.huggingface) ?? (arxiv !== null ? `${HUGGING_FACE}papers/${paper.id}` : null)
  };
}
function preferredLink(site, links) {
  return site.link === "arxiv" ? links.abs ?? links.hf : links.hf ?? links.abs;
}
function authorNames(paper) {
  return paper.authors.map((a) => xmlSafeLine(a.name)).filter((n) => n !== "");
}
function paperTitle(paper) {
  return xmlSafeLine(paper.title) || paper.id;
}
function linkList(links, words) {
  const parts = [
    [links.abs && new URL(links.abs).hostname.endsWith("arxiv.org") ? "arXiv" : words.source, links.abs],
    ["PDF", links.pdf],
    ["Hugging Face", links.hf]
  ];
  const anchors = parts.filter((p) => p[1] !== null).map(([label, href]) => h("a", { href }, [label]));
  if (!anchors.length) return null;
  return h("p", {}, anchors.flatMap((a, i) => i ? [" \xB7 ", a] : [a]));
}
function paperItem(site, paper, published, updated) {
  const guid = paperGuid(paper);
  const links = paperLinks(paper);
  const title = paperTitle(paper);
  const authors = authorNames(paper);
  const thumbnail = imageThumbnail(paper.thumbnail);
  const link = preferredLink(site, links) ?? (guid.permalink ? guid.id : site.base);
  const summary = summaryParts(paper.summary);
  const words = feedWords(site.language);
  const html = toHtml([
    thumbnail ? h("p", {}, [h("img", { src: thumbnail, alt: "" })]) : null,
    authors.length ? h("p", {}, [h("strong", {}, [words.authors]), ": ", authors.join(", ") + (paper.authorsTruncated ? words.etAl : "")]) : null,
    paper.votes !== null ? h("p", {}, [h("strong", {}, [words.votes]), `: ${paper.votes}`]) : null,
    summary.hast,
    linkList(links, words)
  ]);
  return {
    id: guid.id,
    permalink: guid.permalink,
    link,
    title,
    published,
    updated,
    html,
    summary: summary.text,
    authors,
    byline: bylineOf(authors, words.etAl, paper.authorsTruncated),
    thumbnail,
    externalUrl: links.abs && links.abs !== link ? links.abs : null
  };
}
function paperList(site, papers, votes) {
  const words = feedWords(site.language);
  return h(
    "ol",
    {},
    papers.map((paper) => {
      const target = preferredLink(site, paperLinks(paper));
      const title = paperTitle(paper);
      const authors = authorNames(paper);
      const first = paper.summary[0];
      return h("li", {}, [
        target ? h("a", { href: target }, [title]) : title,
        votes && paper.votes !== null ? words.listVotes(paper.votes) : null,
        authors.length ? h("br", {}) : null,
        authors.length ? h("em", {}, [authors.slice(0, 5).join(", ") + (authors.length > 5 || paper.authorsTruncated ? words.etAl : "")]) : null,
        ...first ? bulletHast(first) : []
      ]);
    })
  );
}
function dayItem(site, day) {
  const link = `${HUGGING_FACE}papers/date/${day.date}`;
  return {
    id: link,
    permalink: true,
    link,
    title: feedWords(site.language).day(day.date, day.papers.length),
    published: day.published,
    updated: day.published,
    html: toHtml([paperList(site, day.papers, false)]),
    summary: day.papers.map(paperTitle).slice(0, 10).join(" \xB7 "),
    // The day's authors are listed in the content; the entry itself has the feed's author.
    authors: [],
    byline: "",
    thumbnail: null,
    externalUrl: null
  };
}
function weekItem(site, week) {
  const link = `${site.base}?from=${week.monday}&to=${week.sunday}`;
  return {
    id: link,
    permalink: true,
    link,
    title: feedWords(site.language).week({ ...week, top: week.top.length }),
    published: week.published,
    updated: week.updated,
    html: toHtml([paperList(site, week.top, true)]),
    summary: week.top.map(paperTitle).join(" \xB7 "),
    authors: [],
    byline: "",
    thumbnail: null,
    externalUrl: null
  };
}
export {
  bylineOf,
  dayItem,
  imageThumbnail,
  paperGuid,
  paperItem,
  weekItem
};
//# sourceMappingURL=items.js.map
