// src/authors.ts
import { compareStrings } from "./compare.js";
import { visibleText } from "./text.js";
var EDGE_JUNK = /^[\s'"`‘’“”[\]()]+|[\s'"`‘’“”[\]()]+$/gu;
var FOLD_MARK = /^\+$/u;
var TRAILING_MARK = /\s+\+$/u;
var LETTER = new RegExp("\\p{L}", "u");
function cleanName(raw) {
  return visibleText(raw.normalize("NFC")).replace(EDGE_JUNK, "").trim();
}
function splitPythonList(body) {
  const items = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    while (i < n && /[\s,]/u.test(body[i])) i++;
    if (i >= n) break;
    const q = body[i];
    if (q === "'" || q === '"') {
      let j = i + 1;
      let out = "";
      while (j < n && body[j] !== q) {
        if (body[j] === "\\" && j + 1 < n) {
          out += body[j + 1];
          j += 2;
        } else {
          out += body[j];
          j++;
        }
      }
      items.push(out);
      i = j + 1;
      const k = body.indexOf(",", i);
      const rest = (k === -1 ? body.slice(i) : body.slice(i, k)).trim();
      if (rest !== "") items[items.length - 1] += rest;
      i = k === -1 ? n : k + 1;
    } else {
      const k = body.indexOf(",", i);
      items.push(k === -1 ? body.slice(i) : body.slice(i, k));
      i = k === -1 ? n : k + 1;
    }
  }
  return items;
}
function parseAuthors(value) {
  const s = value.normalize("NFC").replace(/\s+/gu, " ").trim();
  let truncated = false;
  let items;
  const list = /^\[(.*?)\]?$/u.exec(s);
  if (list && s.startsWith("[")) {
    items = splitPythonList(list[1] ?? "");
  } else {
    items = s.split(",");
  }
  const names = [];
  const stray = [];
  const notNames = [];
  for (let k = 0; k < items.length; k++) {
    let item = items[k].trim();
    if (FOLD_MARK.test(visibleText(item))) {
      truncated = true;
      continue;
    }
    if (k === items.length - 1 && TRAILING_MARK.test(item)) {
      truncated = true;
      item = item.replace(TRAILING_MARK, "");
    }
    const name = cleanName(item);
    if (name === "") continue;
    if (!LETTER.test(name)) {
      notNames.push(item);
      continue;
    }
    if (name !== visibleText(item) || /["“”`[\]]/u.test(name)) stray.push(item);
    names.push(name);
  }
  return { names, truncated, stray, notNames };
}
var SPECIAL = {
  \u0142: "l",
  \u00F8: "o",
  \u0131: "i",
  \u00DF: "ss",
  \u00E6: "ae",
  \u0153: "oe",
  \u0111: "d",
  \u00F0: "d",
  \u00FE: "th",
  \u0127: "h",
  \u0167: "t",
  \u014B: "n"
};
var SPECIAL_RE = /[łøıßæœđðþħŧŋ]/gu;
var keyCache = /* @__PURE__ */ new Map();
function authorKey(name) {
  let key = keyCache.get(name);
  if (key === void 0) {
    if (keyCache.size >= 2e5) keyCache.clear();
    key = computeKey(name);
    keyCache.set(name, key);
  }
  return key;
}
function computeKey(name) {
  const folded = visibleText(name).normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").toLowerCase().replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c).replace(/['"`‘’“”[\](){}]/gu, "").replace(/[.,\s]+/gu, " ").trim();
  const words = folded.split(" ").map((w) => w.replace(/[-\u2010-\u2015]/gu, "")).filter((w) => w !== "");
  if (words.length <= 1) return (words[0] ?? "").normalize("NFC");
  const family = words[words.length - 1];
  const given = words.slice(0, -1).join("");
  return `${given} ${family}`.normalize("NFC");
}
function resolveAuthorNames(names, known) {
  const keys = [];
  const unknown = [];
  names.forEach((name, index) => {
    if (known.has(name)) keys.push(name);
    else if (known.has(authorKey(name))) keys.push(authorKey(name));
    else unknown.push(index);
  });
  return { keys, unknown };
}
function dedupeNames(names) {
  const seen = /* @__PURE__ */ new Set();
  const unique = [];
  const duplicates = [];
  for (const name of names) {
    const key = authorKey(name);
    if (key === "") continue;
    if (seen.has(key)) duplicates.push(name);
    else {
      seen.add(key);
      unique.push(name);
    }
  }
  return { unique, duplicates };
}
function nonAscii(s) {
  let n = 0;
  for (const ch of s) if (ch.codePointAt(0) > 127) n++;
  return n;
}
function buildAuthorRecords(papers, listings) {
  const byKey = /* @__PURE__ */ new Map();
  for (const paper of papers) {
    for (const a of paper.authors) {
      let r = byKey.get(a.key);
      if (!r) {
        r = { spellings: /* @__PURE__ */ new Map(), papers: [] };
        byKey.set(a.key, r);
      }
      if (listings === void 0) r.spellings.set(a.name, (r.spellings.get(a.name) ?? 0) + 1);
      if (r.papers[r.papers.length - 1] !== paper.id) r.papers.push(paper.id);
    }
  }
  if (listings !== void 0) {
    for (const names of listings) {
      const seen = /* @__PURE__ */ new Set();
      for (const name of names) {
        const key = authorKey(name);
        const r = byKey.get(key);
        if (!r || seen.has(key)) continue;
        seen.add(key);
        r.spellings.set(name, (r.spellings.get(name) ?? 0) + 1);
      }
    }
  }
  const out = [];
  for (const [key, r] of byKey) {
    const spellings = [...r.spellings.keys()].sort(compareStrings);
    const name = [...r.spellings.entries()].sort(
      (x, y) => y[1] - x[1] || nonAscii(y[0]) - nonAscii(x[0]) || compareStrings(x[0], y[0])
    )[0][0];
    out.push({ key, name, spellings, papers: r.papers, count: r.papers.length });
  }
  return out.sort((a, b) => compareStrings(a.key, b.key));
}
export {
  authorKey,
  buildAuthorRecords,
  cleanName,
  dedupeNames,
  parseAuthors,
  resolveAuthorNames
};
//# sourceMappingURL=authors.js.map
