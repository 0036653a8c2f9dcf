/** The `version` of package.json ("0.0.0" when it has none), read on first use. */
export declare function packageVersion(): string;
/**
 * sha256 (12 hex) over a module and every local module it imports, plus package-lock.json:
 * the parse cache depends on the parser's code only, not on the rest of the pipeline.
 */
export declare function moduleFingerprint(entry: string): string;
/** The version the parse cache is keyed by: package version + parser code fingerprint. */
export declare function parserVersion(): string;
/**
 * The versions the feed cache (feed-cache.ts) is keyed by: the item builders' fingerprint
 * (pipeline/feeds/items.ts and its imports), and the serializers' (rss.ts, atom.ts, json-feed.ts).
 */
export declare function feedCacheVersions(): {
    items: string;
    documents: string;
};
/** sha256 (12 hex) over the sorted source files of src/ and pipeline/ (computed once per process). */
export declare function codeFingerprint(): string;
/** "0.1.0+1a2b3c4d5e6f". */
export declare function pipelineVersion(): string;
//# sourceMappingURL=version.d.ts.map