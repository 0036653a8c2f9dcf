/**
 * Escaping text for HTML: the one escaper for HTML the pipeline writes as a string (Atom
 * `type="html"` titles, index.html). XML serialization of feeds has its own rules
 * (pipeline/feeds/). Pure and browser-safe.
 */
/**
 * `&`, `<`, `>` and `"` as character references (and `'` as `&#39;` with `apostrophe: true`, for
 * text that may end up in a single-quoted context); every other character is unchanged.
 */
export declare function escapeHtml(text: string, options?: {
    apostrophe?: boolean;
}): string;
//# sourceMappingURL=escape.d.ts.map