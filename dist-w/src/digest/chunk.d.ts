import type { RootContent } from 'mdast';
/**
 * The top-level mdast nodes of `text`, in source order, with positions into `text`. With
 * `whole`, or when the text holds a construct that could span a heading line, the document is
 * parsed in one piece (same result, slower).
 */
export declare function parseBlocks(text: string, whole: boolean): RootContent[];
//# sourceMappingURL=chunk.d.ts.map