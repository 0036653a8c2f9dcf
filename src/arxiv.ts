/**
 * arXiv references: turn a link or an id as written in a digest (or typed into the search box)
 * into a canonical id, a version and the abs / pdf / Hugging Face links.
 *
 * Accepted forms (case-insensitive scheme and host, optional `www.` / `export.`):
 * - `https://arxiv.org/abs/2404.03715`, `.../abs/2404.03715v2`
 * - `https://arxiv.org/pdf/2404.03715`, `.../pdf/2404.03715v2`, `.../pdf/2404.03715v2.pdf`
 * - `https://arxiv.org/html/2404.03715v1`
 * - `arXiv:2404.03715`, `arxiv:2404.03715v3`, bare `2404.03715`
 * - old-style ids: `hep-th/9901001`, `math.GT/0309136v2`, `arXiv:hep-th/9901001`, `https://arxiv.org/abs/hep-th/9901001`
 * - `https://huggingface.co/papers/2404.03715`
 *
 * Anything else is not arXiv: `parseArxiv` returns null and the caller uses `urlPaperId` (below),
 * a stable id derived from the URL.
 *
 * Pure and browser-safe (only the global `URL`).
 */

export interface ArxivRef {
  /** Canonical id without version: "2404.03715" or "hep-th/9901001". */
  id: string;
  /** "v2", or null when the reference carried no version. */
  version: string | null;
  links: { abs: string; pdf: string; huggingface: string | null };
}

// New-style: YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015-), month 01-12.
const NEW_ID = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(v\d+)?$/;
// Old-style: archive(.SUBJECT-CLASS)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
const OLD_ID = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(v\d+)?$/;

const ARXIV_HOST = /^(?:www\.|export\.)?arxiv\.org$/i;
const HF_HOST = /^(?:www\.)?huggingface\.co$/i;

function fromId(raw: string): ArxivRef | null {
  const s = raw.trim();
  const m = NEW_ID.exec(s) ?? OLD_ID.exec(s);
  if (!m || m[1] === undefined) return null;
  const id = m[1];
  const version = m[2] ?? null;
  const isNew = NEW_ID.test(id);
  // 4-digit numbers were used from 0704 to 1412, 5-digit ones since 1501.
  if (isNew && (Number(id.slice(0, 2)) >= 15) !== (id.length === 10)) return null;
  return {
    id,
    version,
    links: {
      abs: `https://arxiv.org/abs/${id}`,
      pdf: `https://arxiv.org/pdf/${id}`,
      // Hugging Face paper pages exist for new-style ids only.
      huggingface: isNew ? `https://huggingface.co/papers/${id}` : null,
    },
  };
}

/**
 * Parse an arXiv reference (URL, `arXiv:` id or bare id). Returns null for anything that is not one.
 */
export function parseArxiv(ref: string): ArxivRef | null {
  const s = ref.trim();
  if (s === '') return null;
  const prefixed = /^arxiv:\s*(.+)$/i.exec(s);
  if (prefixed?.[1] !== undefined) return fromId(prefixed[1]);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    // Bare id, or a scheme-less URL such as "arxiv.org/abs/...".
    const bare = fromId(s);
    if (bare) return bare;
    if (/^(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co)\//i.test(s)) return parseArxiv(`https://${s}`);
    return null;
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  path = path.replace(/\/+$/, '');
  if (ARXIV_HOST.test(url.hostname)) {
    const m = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?$/i.exec(path);
    return m?.[1] !== undefined ? fromId(m[1]) : null;
  }
  if (HF_HOST.test(url.hostname)) {
    const m = /^\/papers\/([^/]+)$/.exec(path);
    return m?.[1] !== undefined ? fromId(m[1]) : null;
  }
  return null;
}

/**
 * Normalize a URL for use in an id: lower-case host without `www.`, no scheme, no default port,
 * no fragment, no trailing slash; path and query kept as written. Unparseable input is trimmed
 * and whitespace-collapsed instead.
 */
export function normalizeUrl(raw: string): string {
  const s = raw.trim();
  try {
    const u = new URL(s);
    const host = u.host.toLowerCase().replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    return `${host}${path}${u.search}`;
  } catch {
    return s.replace(/\s+/g, ' ');
  }
}

/**
 * The stable id of a paper whose link is not arXiv: `url:` + the normalized URL
 * (`https://www.OpenReview.net/forum?id=abc#x` -> `url:openreview.net/forum?id=abc`).
 * It never collides with an arXiv id (those never contain a colon) and stays the same across runs.
 */
export function urlPaperId(raw: string): string {
  return `url:${normalizeUrl(raw)}`;
}
