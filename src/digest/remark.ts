/**
 * remark-parse, the one CommonMark reader of src/digest/: the top-level mdast blocks of a
 * markdown text, positions counted from its start. The fast path (src/digest/fast-blocks.ts)
 * builds the same blocks itself where it can and asks this for the rest. Pure and browser-safe.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';

const processor = unified().use(remarkParse);

/** The top-level blocks remark-parse reads from `text` (the root's children). */
export function remarkBlocks(text: string): RootContent[] {
  return (processor.parse(text) as Root).children;
}
