// src/arxiv.ts
var NEW_ID = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(v\d+)?$/;
var OLD_ID = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(v\d+)?$/;
var ARXIV_HOST = /^(?:www\.|export\.)?arxiv\.org$/i;
var HF_HOST = /^(?:www\.)?huggingface\.co$/i;
function fromId(raw) {
  const s = raw.trim();
  const m = NEW_ID.exec(s) ?? OLD_ID.exec(s);
  if (!m || m[1] === void 0) return null;
  const id = m[1];
  const version = m[2] ?? null;
  const isNew = NEW_ID.test(id);
  if (isNew && Number(id.slice(0, 2)) >= 15 !== (id.length === 10)) return null;
  return {
    id,
    version,
    links: {
      abs: `https://arxiv.org/abs/${id}`,
      pdf: `https://arxiv.org/pdf/${id}`,
      // Hugging Face paper pages exist for new-style ids only.
      huggingface: isNew ? `https://huggingface.co/papers/${id}` : null
    }
  };
}
function parseArxiv(ref) {
  const s = ref.trim();
  if (s === "") return null;
  const prefixed = /^arxiv:\s*(.+)$/i.exec(s);
  if (prefixed?.[1] !== void 0) return fromId(prefixed[1]);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    const bare = fromId(s);
    if (bare) return bare;
    if (/^(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co)\//i.test(s)) return parseArxiv(`https://${s}`);
    return null;
  }
  let url;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  path = path.replace(/\/+$/, "");
  if (ARXIV_HOST.test(url.hostname)) {
    const m = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?$/i.exec(path);
    return m?.[1] !== void 0 ? fromId(m[1]) : null;
  }
  if (HF_HOST.test(url.hostname)) {
    const m = /^\/papers\/([^/]+)$/.exec(path);
    return m?.[1] !== void 0 ? fromId(m[1]) : null;
  }
  return null;
}
function normalizeUrl(raw) {
  const s = raw.trim();
  try {
    const u = new URL(s);
    const host = u.host.toLowerCase().replace(/^www\./, "");
    const path = u.pathname.replace(/\/+$/, "");
    return `${host}${path}${u.search}`;
  } catch {
    return s.replace(/\s+/g, " ");
  }
}
function urlPaperId(raw) {
  return `url:${normalizeUrl(raw)}`;
}
export {
  normalizeUrl,
  parseArxiv,
  urlPaperId
};
//# sourceMappingURL=arxiv.js.map
