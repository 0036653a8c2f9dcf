/**
 * Links as the digests write them: Hugging Face Daily Papers pages link with paths relative to
 * https://huggingface.co/. Pure and browser-safe (only the global `URL`).
 */
/** The base every relative link of a digest resolves against. */
export declare const HUGGING_FACE = "https://huggingface.co/";
/**
 * An absolute http(s) URL (`URL.href`, normalized by the WHATWG URL parser) for a link:
 * relative links (`/papers/2404.03715`, `papers/x`, `//host/x`) resolve against
 * https://huggingface.co/, and the empty string, a reference to the base itself, gives
 * https://huggingface.co/. Returns null for text the URL parser rejects and for every other
 * scheme (`javascript:`, `data:`, `mailto:`…).
 *
 * The text is taken as given: the parser itself drops leading and trailing C0 controls and
 * spaces and every tab and newline; callers with other cleaning rules apply them first.
 */
export declare function absoluteHttpUrl(url: string): string | null;
//# sourceMappingURL=url.d.ts.map