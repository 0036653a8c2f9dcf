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
    links: {
        abs: string;
        pdf: string;
        huggingface: string | null;
    };
}
/**
 * Parse an arXiv reference (URL, `arXiv:` id or bare id). Returns null for anything that is not one.
 */
export declare function parseArxiv(ref: string): ArxivRef | null;
/**
 * Normalize a URL for use in an id: lower-case host without `www.`, no scheme, no default port,
 * no fragment, no trailing slash; path and query kept as written. Unparseable input is trimmed
 * and whitespace-collapsed instead.
 */
export declare function normalizeUrl(raw: string): string;
/**
 * The stable id of a paper whose link is not arXiv: `url:` + the normalized URL
 * (`https://www.OpenReview.net/forum?id=abc#x` -> `url:openreview.net/forum?id=abc`).
 * It never collides with an arXiv id (those never contain a colon) and stays the same across runs.
 */
export declare function urlPaperId(raw: string): string;
//# sourceMappingURL=arxiv.d.ts.map