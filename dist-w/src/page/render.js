// src/page/render.ts
import { processTerm, tokenize } from "../search/analyzer.js";
var WORD_CACHE_MAX = 2e4;
var wordTerms = /* @__PURE__ */ new Map();
function analyzedWord(w) {
  let t = wordTerms.get(w);
  if (!t) {
    t = tokenize(w).flatMap((x) => processTerm(x) ?? []);
    if (wordTerms.size > WORD_CACHE_MAX) wordTerms.clear();
    wordTerms.set(w, t);
  }
  return t;
}
var WORD = /[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*/gu;
function markRuns(text, terms) {
  if (terms.size === 0) return [{ text, marked: false }];
  const runs = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!analyzedWord(m[0]).some((t) => terms.has(t))) continue;
    if (m.index > last) runs.push({ text: text.slice(last, m.index), marked: false });
    runs.push({ text: m[0], marked: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), marked: false });
  return runs;
}
function mathRuns(text) {
  const runs = [];
  const MATH = /\$\$([^$]+?)\$\$|(?<!\\)\$(?! )((?:\\\$|[^$])+?)(?<![ \\])\$/g;
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    const tex = m[1] ?? m[2] ?? "";
    if (tex.trim() === "") continue;
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    runs.push({ text: m[0], tex, display: m[1] !== void 0 });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}
function mathAsText(text) {
  return mathRuns(text).map(
    (r) => r.tex === void 0 ? r.text : r.tex.replace(/\\([a-zA-Z]+)\s*(?=\{)/g, "").replace(/\\([a-zA-Z]+)/g, "$1").replace(/\\(.)/g, "$1").replace(/[{}^_]/g, "").trim()
  ).join("");
}
function hasMath(text) {
  return mathRuns(text).some((r) => r.tex !== void 0);
}
function appendText(parent, text, terms = /* @__PURE__ */ new Set()) {
  for (const part of mathRuns(text)) {
    if (part.tex !== void 0) {
      const span = document.createElement("span");
      span.className = part.display ? "math display" : "math";
      span.dataset.tex = part.tex;
      span.textContent = part.text;
      parent.append(span);
      continue;
    }
    for (const run of markRuns(part.text, terms)) {
      if (!run.marked) {
        parent.append(run.text);
        continue;
      }
      const mark = document.createElement("mark");
      mark.textContent = run.text;
      parent.append(mark);
    }
  }
}
function safeUrl(u, base) {
  if (!u) return null;
  try {
    const url = new URL(u, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
function externalLink(href, text, cls) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  a.className = cls;
  a.rel = "noopener noreferrer";
  return a;
}
function paperHref(id) {
  return `?${new URLSearchParams({ id })}`;
}
function authorHref(key) {
  return `?${new URLSearchParams({ author: key })}`;
}
function paperLinks(m, t) {
  const base = location.href;
  const links = document.createElement("p");
  links.className = "links";
  const abs = safeUrl(m.abs, base);
  const pdf = safeUrl(m.pdf, base);
  const hf = safeUrl(m.huggingface, base);
  if (abs) links.append(externalLink(abs, abs.includes("arxiv.org") ? "arXiv" : t.source, "abs"));
  if (pdf) links.append(externalLink(pdf, "PDF", "pdf"));
  if (hf) links.append(externalLink(hf, "Hugging Face", "hf"));
  return links;
}
function authorLinks(parent, names, keys, more, t, terms = /* @__PURE__ */ new Set()) {
  names.forEach((name, i) => {
    if (i > 0) parent.append(", ");
    const key = keys[i];
    if (!key) {
      appendText(parent, name, terms);
      return;
    }
    const a = document.createElement("a");
    a.className = "author";
    a.href = authorHref(key);
    a.dataset.key = key;
    a.title = t.filterByAuthor(name);
    appendText(a, name, terms);
    parent.append(a);
  });
  if (more) parent.append(t.etAl);
}
function infoLine(m, t) {
  const info = document.createElement("p");
  info.className = "info";
  const time = document.createElement("time");
  time.dateTime = m.date;
  time.textContent = m.date;
  const votes = document.createElement("span");
  votes.className = "votes";
  votes.textContent = t.votes(m.votes);
  const id = document.createElement("span");
  id.className = "id";
  id.textContent = m.id;
  info.append(time, " \xB7 ", votes, " \xB7 ", id);
  return info;
}
function renderHit(m, terms, t) {
  const li = document.createElement("li");
  li.className = "hit";
  const thumb = safeUrl(m.thumbnail, location.href);
  if (thumb) {
    const img = document.createElement("img");
    img.loading = "lazy";
    img.decoding = "async";
    img.alt = "";
    img.width = 160;
    img.height = 90;
    img.referrerPolicy = "no-referrer";
    img.src = thumb;
    img.addEventListener("error", () => img.remove());
    li.append(img);
  }
  const body = document.createElement("div");
  body.className = "body";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = paperHref(m.id);
  a.className = "title";
  a.dataset.id = m.id;
  appendText(a, m.title, terms);
  h.append(a);
  const authors = document.createElement("p");
  authors.className = "authors";
  authorLinks(authors, m.authors, m.authorKeys ?? [], m.authorsMore, t, terms);
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  appendText(excerpt, m.excerpt, terms);
  body.append(h, infoLine(m, t), authors, excerpt, paperLinks(m, t));
  li.append(body);
  return li;
}
function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}
function renderProgress(bar, box, text, p, t) {
  bar.max = Math.max(1, p.requested);
  bar.value = p.done;
  box.hidden = p.done >= p.requested;
  text.textContent = p.done < p.requested ? t.loadingParts(p.done, p.requested) : "";
}
function limitDates(fields, dates) {
  for (const el of fields) {
    if (dates.min) el.min = dates.min;
    if (dates.max) el.max = dates.max;
  }
}
export {
  appendText,
  authorHref,
  authorLinks,
  errorText,
  externalLink,
  hasMath,
  infoLine,
  limitDates,
  markRuns,
  mathAsText,
  mathRuns,
  paperHref,
  paperLinks,
  renderHit,
  renderProgress,
  safeUrl
};
//# sourceMappingURL=render.js.map
