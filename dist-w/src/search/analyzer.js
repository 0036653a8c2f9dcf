// src/search/analyzer.ts
import { authorKey } from "../authors.js";
var ANALYZER_VERSION = "ko-forms-2";
var MAX_QUERY_LENGTH = 512;
var MAX_QUERY_TOKENS = 32;
var MAX_TOKEN_LENGTH = 48;
var HANGUL = "\\p{Script=Hangul}";
var HANGUL_RUN = new RegExp(`^[${HANGUL}]+$`, "u");
var HAS_HANGUL = new RegExp(`[${HANGUL}]`, "u");
var HANGUL_BOUNDARY = new RegExp(`(?<=[${HANGUL}])(?=[^${HANGUL}])|(?<=[^${HANGUL}])(?=[${HANGUL}])`, "gu");
var NEW_ID_SHAPE = String.raw`\d{4}\.\d{4,5}`;
var OLD_ID_SHAPE = String.raw`[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?\/\d{7}`;
var NEW_ID = new RegExp(String.raw`(?<![\d.])(${NEW_ID_SHAPE})(?:v\d+)?(?![\d]|\.\d)`, "gu");
var OLD_ID = new RegExp(String.raw`(?<![\p{L}\p{N}])(${OLD_ID_SHAPE})(?:v\d+)?(?!\d)`, "giu");
var URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
var ARXIV_PREFIX = /\barxiv\s*:\s*/giu;
var ID_TOKEN = new RegExp(`^(?:${NEW_ID_SHAPE}|${OLD_ID_SHAPE})$`, "u");
var WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
var JOINER = /['’\-‐‑]/u;
var WHITESPACE_ONLY = /^[^\S\n]+$/u;
var NAME_TERM = /^[\p{L}\p{N}]+_[\p{L}\p{N}]+$/u;
var HAS_LETTER = new RegExp("\\p{L}", "u");
var LATIN_TERM = /^[a-z]+$/u;
var CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu;
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
var PARTICLES = [
  "\uC5D0\uC11C\uBD80\uD130",
  "\uC73C\uB85C\uBD80\uD130",
  "\uC73C\uB85C\uC11C\uC758",
  "\uC73C\uB85C\uC368\uC758",
  "\uC5D0\uC11C\uB294",
  "\uC5D0\uC11C\uB3C4",
  "\uC5D0\uC11C\uC758",
  "\uC5D0\uAC8C\uC11C",
  "\uC73C\uB85C\uC11C",
  "\uC73C\uB85C\uC368",
  "\uC73C\uB85C\uB294",
  "\uC73C\uB85C\uB3C4",
  "\uC73C\uB85C\uC758",
  "\uC774\uB77C\uB294",
  "\uC774\uB77C\uACE0",
  "\uC774\uB77C\uBA74",
  "\uC774\uC9C0\uB9CC",
  "\uC774\uBBC0\uB85C",
  "\uAE4C\uC9C0\uC758",
  "\uBD80\uD130\uC758",
  "\uBCF4\uB2E4\uB294",
  "\uCC98\uB7FC\uC758",
  "\uC5D0\uAC8C\uB294",
  "\uC5D0\uC11C",
  "\uC5D0\uAC8C",
  "\uC5D0\uB294",
  "\uC5D0\uB3C4",
  "\uC5D0\uC758",
  "\uC73C\uB85C",
  "\uB85C\uC11C",
  "\uB85C\uC368",
  "\uB85C\uB294",
  "\uB85C\uB3C4",
  "\uB85C\uC758",
  "\uC640\uC758",
  "\uACFC\uC758",
  "\uC640\uB294",
  "\uACFC\uB294",
  "\uAE4C\uC9C0",
  "\uBD80\uD130",
  "\uBCF4\uB2E4",
  "\uCC98\uB7FC",
  "\uB9CC\uD07C",
  "\uB9C8\uB2E4",
  "\uC870\uCC28",
  "\uC774\uB098",
  "\uC774\uBA70",
  "\uC774\uACE0",
  "\uC774\uB2E4",
  "\uC774\uB780",
  "\uB77C\uB294",
  "\uB77C\uACE0",
  "\uC774\uB4E0",
  "\uC5D0\uB9CC",
  "\uB9CC\uC758",
  "\uB9CC\uC744",
  "\uB4E4\uC758",
  "\uB4E4\uC740",
  "\uB4E4\uC774",
  "\uB4E4\uC744",
  "\uB4E4\uC5D0",
  "\uB4E4\uACFC",
  "\uB4E4\uB85C",
  "\uB4E4\uB3C4",
  "\uC740",
  "\uB294",
  "\uC774",
  "\uAC00",
  "\uC744",
  "\uB97C",
  "\uC758",
  "\uC5D0",
  "\uC640",
  "\uACFC",
  "\uB3C4",
  "\uB9CC",
  "\uB85C",
  "\uB4E4"
];
var PARTICLE_SET = new Set(PARTICLES);
var MAX_PARTICLE = Math.max(...PARTICLES.map((p) => p.length));
var LATIN_FOLD = {
  \u0142: "l",
  \u00F8: "o",
  \u0111: "d",
  \u00F0: "d",
  \u00DF: "ss",
  \u00E6: "ae",
  \u0153: "oe",
  \u0131: "i",
  \u00FE: "th",
  \u0127: "h"
};
var LATIN_FOLD_RE = /[łøđðßæœıþħ]/gu;
var MAY_HAVE_SURROGATE = /[\ud800-\udfff]/u;
var MAY_HAVE_URL = /https?:\/\/|www\./iu;
var MAY_HAVE_ARXIV = /arxiv/iu;
var MAY_HAVE_NEW_ID = /\d{4}\.\d{4}/u;
function cleanText(text) {
  if (typeof text !== "string") return "";
  return (MAY_HAVE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, " ") : text).replace(CONTROL, " ");
}
function extractArxivIds(text) {
  const clean = cleanText(text);
  const found = [];
  for (const m of clean.matchAll(NEW_ID)) found.push({ at: m.index, id: m[1] });
  for (const m of clean.matchAll(OLD_ID)) found.push({ at: m.index, id: m[1].toLowerCase() });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.id))];
}
function stripParticle(word) {
  return stripLongest(word, PARTICLE_SET, MAX_PARTICLE);
}
function stripLongest(word, set, longest) {
  const max = Math.min(longest, word.length - 2);
  for (let n = max; n >= 1; n--) {
    if (set.has(word.slice(-n))) return word.slice(0, -n);
  }
  return word;
}
var ENDINGS = [
  "\uD588\uC2B5\uB2C8\uB2E4",
  "\uC5C8\uC2B5\uB2C8\uB2E4",
  "\uC600\uC2B5\uB2C8\uB2E4",
  "\uD558\uC600\uC73C\uBA70",
  "\uB418\uC5C8\uC73C\uBA70",
  "\uC2DC\uD0B5\uB2C8\uB2E4",
  "\uCF30\uC2B5\uB2C8\uB2E4",
  "\uB0C8\uC2B5\uB2C8\uB2E4",
  "\uB0AC\uC2B5\uB2C8\uB2E4",
  "\uC84C\uC2B5\uB2C8\uB2E4",
  "\uC8FC\uC5C8\uC73C\uBA70",
  "\uC5B4\uC9D1\uB2C8\uB2E4",
  "\uC2DC\uCF30\uC73C\uBA70",
  "\uC2DC\uD0A4\uBA74\uC11C",
  "\uD558\uC600\uC73C\uB098",
  "\uB418\uC5C8\uC73C\uB098",
  "\uC2DC\uD0A4\uACE0\uC790",
  "\uC5B4\uC84C\uC73C\uBA70",
  "\uD569\uB2C8\uB2E4",
  "\uC2B5\uB2C8\uB2E4",
  "\uC785\uB2C8\uB2E4",
  "\uC90D\uB2C8\uB2E4",
  "\uB429\uB2C8\uB2E4",
  "\uD0B5\uB2C8\uB2E4",
  "\uB0C5\uB2C8\uB2E4",
  "\uC9D1\uB2C8\uB2E4",
  "\uD558\uBA74\uC11C",
  "\uC5C8\uC73C\uBA70",
  "\uC600\uC73C\uBA70",
  "\uD588\uC73C\uBA70",
  "\uD558\uB3C4\uB85D",
  "\uC2DC\uD0A4\uAE30",
  "\uD558\uAC70\uB098",
  "\uD558\uB294\uB370",
  "\uD558\uACE0\uC790",
  "\uC2DC\uD0A4\uACE0",
  "\uD558\uB294\uC9C0",
  "\uD558\uC600\uACE0",
  "\uD558\uC600\uB2E4",
  "\uC2DC\uD0A4\uBA70",
  "\uB418\uC5C8\uB2E4",
  "\uC2DC\uD0A8\uB2E4",
  "\uCF30\uC73C\uBA70",
  "\uC2A4\uB7EC\uC6B4",
  "\uC2A4\uB7FD\uAC8C",
  "\uC2DC\uD0A4\uB294",
  "\uC2DC\uCF1C\uC11C",
  "\uD558\uC600\uC73C\uBA70",
  "\uB418\uC5C8\uACE0",
  "\uB418\uC5B4\uC57C",
  "\uB2C8\uB2E4",
  "\uD558\uC5EC",
  "\uD558\uACE0",
  "\uC801\uC778",
  "\uD558\uBA70",
  "\uD558\uAE30",
  "\uC73C\uBA70",
  "\uD558\uAC8C",
  "\uBA74\uC11C",
  "\uD55C\uB2E4",
  "\uB418\uC5B4",
  "\uD558\uC9C0",
  "\uB3C4\uB85D",
  "\uC2DC\uD0A4",
  "\uC2DC\uCF1C",
  "\uC2DC\uD0A8",
  "\uC2DC\uD0AC",
  "\uB418\uBA70",
  "\uAC70\uB098",
  "\uC8FC\uBA70",
  "\uB418\uC9C0",
  "\uACE0\uC790",
  "\uB418\uACE0",
  "\uB294\uB370",
  "\uB294\uC9C0",
  "\uC73C\uB098",
  "\uD588\uB2E4",
  "\uB41C\uB2E4",
  "\uB418\uB294",
  "\uD558\uB294",
  "\uD574\uC11C",
  "\uD558\uBA74",
  "\uD588\uACE0",
  "\uD558\uC600",
  "\uB418\uC5C8",
  "\uD588\uC73C",
  "\uC2DC\uCF30",
  "\uC801\uC774",
  "\uC801\uC744",
  "\uC801\uC73C",
  "\uD558\uB824",
  "\uB418\uAE30",
  "\uB418\uAC8C",
  "\uD574\uC57C",
  "\uD558\uB358",
  "\uD588\uB358",
  "\uB418\uB358",
  "\uD55C",
  "\uB41C",
  "\uD560",
  "\uD568",
  "\uB428",
  "\uC801",
  "\uBA70",
  "\uD558",
  "\uB418",
  "\uD574",
  "\uD588",
  "\uB3FC",
  "\uB410"
];
var ENDING_SET = new Set(ENDINGS);
var MAX_ENDING = Math.max(...ENDINGS.map((e) => e.length));
var KO_STOP = /* @__PURE__ */ new Set([
  "\uC218",
  "\uBC0F",
  "\uB4F1",
  "\uAC83",
  "\uB354",
  "\uB610",
  "\uADF8",
  "\uC774",
  "\uAC01",
  "\uBCF8",
  "\uB450",
  "\uC911",
  "\uC704",
  "\uD1B5\uD574",
  "\uB610\uD55C",
  "\uD2B9\uD788",
  "\uC774\uB294",
  "\uC774\uB97C",
  "\uC704\uD574",
  "\uC704\uD55C",
  "\uAC19\uC740",
  "\uB300\uD55C",
  "\uB300\uD574",
  "\uC758\uD574",
  "\uC774\uB7EC\uD55C",
  "\uC774\uB7EC",
  "\uC788\uB294",
  "\uC788\uB2E4",
  "\uC788\uC73C\uBA70",
  "\uC788\uC2B5\uB2C8\uB2E4",
  "\uC788",
  "\uADF8\uB9AC\uACE0",
  "\uD558\uC9C0\uB9CC",
  "\uADF8\uB7EC\uB098",
  "\uB530\uB77C\uC11C",
  "\uB610\uB294",
  "\uC774\uC640",
  "\uC774\uC5D0",
  "\uC788\uC5B4",
  "\uC5C6\uB294",
  "\uC704\uD558\uC5EC",
  "\uC774\uBC88",
  "\uC6B0\uB9AC",
  "\uC774\uAC83"
]);
var MODIFIERS = /* @__PURE__ */ new Set([
  "\uC0C8\uB85C\uC6B4",
  "\uB192\uC740",
  "\uB6F0\uC5B4\uB09C",
  "\uB2E4\uB978",
  "\uBAA8\uB4E0",
  "\uB098\uC740",
  "\uB9CE\uC740",
  "\uC5EC\uB7EC",
  "\uAC00\uC7A5",
  "\uB9E4\uC6B0",
  "\uB354\uC6B1",
  "\uC88B\uC740",
  "\uB0AE\uC740",
  "\uC791\uC740",
  "\uD070"
]);
var EN_STOP = /* @__PURE__ */ new Set([
  "a",
  "an",
  "the",
  "of",
  "for",
  "and",
  "in",
  "on",
  "to",
  "with",
  "via",
  "by",
  "from",
  "is",
  "are",
  "as",
  "at",
  "or"
]);
function koreanStem(word) {
  let stem = stripParticle(word);
  for (let i = 0; i < 2; i++) {
    const next = stripLongest(stem, ENDING_SET, MAX_ENDING);
    if (next === stem) break;
    stem = next;
  }
  return stem;
}
function hangulBigrams(stem) {
  if (stem.length <= 2) return [stem];
  const terms = [];
  for (let i = 0; i + 2 <= stem.length; i++) terms.push(stem.slice(i, i + 2));
  return terms;
}
function hangulWord(word, sink) {
  if (PARTICLE_SET.has(word)) return null;
  const stem = koreanStem(word);
  if (KO_STOP.has(stem) || KO_STOP.has(word)) return null;
  sink.hangul(word, stem, hangulBigrams(stem));
  return stem;
}
var COMMON_FORM_SHARE = 8e-3;
var COMMON_FORM_MIN = 20;
var NAME_MAX_LEFT_OUT = 2;
function isLeftOut(term, postings, documentCount) {
  if (term.includes("_") && NAME_TERM.test(term)) return postings <= NAME_MAX_LEFT_OUT;
  if (postings <= 1) return false;
  return postings > COMMON_FORM_MIN && postings > documentCount * COMMON_FORM_SHARE && term.length >= 3 && HANGUL_RUN.test(term);
}
function authorNames(text, sink) {
  for (const line of text.split("\n")) {
    const words = line.split(/[.,\s]+/u).filter((w) => w !== "" && w !== "-");
    if (words.length >= 3) sink.term(words.slice(0, -1).join("").replace(/[-'’]/gu, ""));
    const name = nameTerm(line);
    if (name) sink.term(name);
  }
}
function nameTerm(name) {
  const key = authorKey(name);
  const space = key.indexOf(" ");
  if (space < 0) return null;
  const part = (s) => s.replace(/[^\p{L}\p{N}]+/gu, "");
  const term = `${part(key.slice(0, space))}_${part(key.slice(space + 1))}`;
  return NAME_TERM.test(term) && term.length <= MAX_TOKEN_LENGTH && HAS_LETTER.test(term) ? term : null;
}
function scan(text, fieldName, sink) {
  let rest = cleanText(text);
  if (rest === "") return;
  if (fieldName === "id") {
    const id = rest.trim().toLowerCase();
    if (id !== "") sink.term(id);
    return;
  }
  rest = rest.normalize("NFKC");
  if (fieldName === "authors") authorNames(rest, sink);
  if (MAY_HAVE_URL.test(rest)) rest = rest.replace(URL_RE, (url) => ` ${extractArxivIds(url).join(" ")} `);
  if (MAY_HAVE_ARXIV.test(rest)) rest = rest.replace(ARXIV_PREFIX, " ");
  if (MAY_HAVE_NEW_ID.test(rest)) {
    rest = rest.replace(NEW_ID, (_m, id) => {
      sink.term(id);
      return " ";
    });
  }
  if (rest.includes("/")) {
    rest = rest.replace(OLD_ID, (_m, id) => {
      sink.term(id.toLowerCase());
      return " ";
    });
  }
  if (HAS_HANGUL.test(rest)) rest = rest.replace(HANGUL_BOUNDARY, " ");
  let prevStem = null;
  let prevEnd = -1;
  for (const m of rest.matchAll(WORD)) {
    const word = m[0];
    if (HANGUL_RUN.test(word)) {
      const adjacent = prevStem !== null && WHITESPACE_ONLY.test(rest.slice(prevEnd, m.index));
      const stem = hangulWord(word, sink);
      const noun = stem !== null && stem.length >= 2 && stripParticle(word) === stem;
      if (noun && adjacent) sink.junction(prevStem.slice(-1) + stem[0]);
      prevStem = noun && stem === word && !MODIFIERS.has(word) ? stem : null;
      prevEnd = m.index + word.length;
      continue;
    }
    prevStem = null;
    if (!JOINER.test(word)) {
      sink.term(word);
      continue;
    }
    if (HAS_HANGUL.test(word)) {
      for (const part of word.split(JOINER)) {
        if (HANGUL_RUN.test(part)) hangulWord(part, sink);
        else if (part) sink.term(part);
      }
      continue;
    }
    const parts = word.split(JOINER).filter((p) => p !== "");
    sink.joined(parts, parts.length > 1 && parts.some((p) => HAS_LETTER.test(p)) ? parts.join("") : null);
  }
}
function tokenize(text, fieldName) {
  const out = [];
  scan(text, fieldName, {
    term: (t) => out.push(t),
    joined: (parts, joined) => {
      out.push(...parts);
      if (joined) out.push(joined);
    },
    hangul: (surface, stem, terms) => {
      if (surface !== stem) out.push(surface);
      out.push(...terms);
    },
    junction: (t) => out.push(t)
  });
  return out;
}
var QUOTE = /["“”„]/u;
function analyzeQuery(query) {
  const words = [];
  const proc = (ts) => ts.map((t) => processTerm(t)).filter((t) => !!t);
  const segments = cutQuery(query).split(QUOTE);
  segments.forEach((segment, i) => {
    const phrase = i % 2 === 1 && i < segments.length - 1 ? (i - 1) / 2 : -1;
    let last = null;
    scan(segment, void 0, {
      term: (t) => {
        const terms = proc([t]);
        if (terms.length) words.push(last = { kind: "term", terms, raw: t, phrase });
      },
      joined: (parts, joined) => {
        const ps = proc(parts);
        const j = joined ? processTerm(joined) : null;
        const raw = parts.join("-");
        if (j && ps.length === parts.length) words.push(last = { kind: "joined", terms: [...ps, j], raw, phrase });
        else if (ps.length) words.push(last = { kind: "term", terms: ps, raw, phrase });
      },
      hangul: (surface, stem, terms) => {
        words.push(last = { kind: "hangul", terms, raw: surface, surface, stem, phrase });
      },
      junction: (t) => {
        if (last) last.junction = t;
      }
    });
  });
  const kept = [];
  let n = 0;
  for (const w of words) {
    n += w.terms.length + (w.kind === "hangul" ? 2 : 0);
    if (n > MAX_QUERY_TOKENS) break;
    kept.push(w);
  }
  return kept;
}
function cutQuery(query) {
  const q = cleanText(query);
  return q.length > MAX_QUERY_LENGTH ? q.slice(0, MAX_QUERY_LENGTH) : q;
}
function processTerm(term, _fieldName) {
  if (typeof term !== "string" || term === "" || term.length > MAX_TOKEN_LENGTH) return null;
  let t = term.toLowerCase();
  if (ID_TOKEN.test(t) || HAS_HANGUL.test(t) || NAME_TERM.test(t)) return t;
  if (/[^\u0000-\u007f]/u.test(t)) {
    t = t.normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").replace(LATIN_FOLD_RE, (c) => LATIN_FOLD[c] ?? c);
  }
  t = t.replace(/[^\p{L}\p{N}]+/gu, "");
  return t === "" || EN_STOP.has(t) ? null : t;
}
function queryTerms(query) {
  const tokens = tokenizeQuery(query);
  const terms = [];
  for (const token of tokens) {
    const t = processTerm(token);
    if (t) terms.push(t);
  }
  return terms;
}
function tokenizeQuery(query) {
  return [...new Set(tokenize(cutQuery(query)))].slice(0, MAX_QUERY_TOKENS);
}
function isLatinTerm(term) {
  return LATIN_TERM.test(term);
}
function isHangulTerm(term) {
  return HAS_HANGUL.test(term);
}
export {
  ANALYZER_VERSION,
  COMMON_FORM_MIN,
  COMMON_FORM_SHARE,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TOKENS,
  NAME_MAX_LEFT_OUT,
  analyzeQuery,
  cleanText,
  extractArxivIds,
  hangulBigrams,
  isHangulTerm,
  isLatinTerm,
  isLeftOut,
  koreanStem,
  nameTerm,
  processTerm,
  queryTerms,
  stripParticle,
  tokenize,
  tokenizeQuery
};
//# sourceMappingURL=analyzer.js.map
