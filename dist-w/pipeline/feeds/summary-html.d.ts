/**
 * HTML for feed items, and the links in it.
 *
 * Every piece of HTML that goes into a feed is built as a hast tree (summary
 * markdown through remark-parse + remark-rehype, the rest with `h`) and passes
 * through rehype-sanitize before rehype-stringify. Raw HTML in the input is never
 * interpreted: markdown `html` nodes become literal text. A bullet whose markdown can only read
 * as its own text (plain-markdown.ts) gets the same trees without the parser, and each bullet is
 * read once for its HTML and its plain text (`summaryParts`).
 */
import type { Element, ElementContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { SummaryItem } from '../../src/types.ts';
/**
 * A link as it goes into a feed (a paper's links and thumbnail, every `href` and `src` of item
 * HTML): null when missing or empty, else cleaned like every feed text (xmlSafeLine) and
 * resolved by absoluteHttpUrl (src/url.ts): absolute http(s), relative ones against Hugging Face.
 */
export declare function feedUrl(raw: string | null | undefined): string | null;
/** A small hast element builder. */
export declare function h(tagName: string, properties: Element['properties'], children?: (ElementContent | string | null | undefined | false)[]): Element;
/**
 * The body of one summary bullet without its label: the bullet's markdown may be
 * written with or without the list marker and with or without the bold label.
 */
export declare function bulletContent(item: SummaryItem): MdastRoot;
/**
 * One summary bullet as the children of an `<li>`: its bold label (when present) inline at the
 * start of the first paragraph, then the rest, nested lists kept.
 */
export declare function bulletHast(item: SummaryItem): ElementContent[];
/** The summary as a `<ul>`: one `<li>` per bullet (bulletHast), or null without bullets. */
export declare function summaryHast(summary: SummaryItem[]): Element | null;
/**
 * A summary read once: its `<ul>` (summaryHast; null without bullets) and the plain text of its
 * first bullet (summaryText; '' without bullets). Each bullet's markdown is parsed one time.
 */
export declare function summaryParts(summary: readonly SummaryItem[]): {
    hast: Element | null;
    text: string;
};
/** Sanitizes and serializes hast content. The result never contains `]]>`, so it is safe inside CDATA. */
export declare function toHtml(children: (Element | null)[]): string;
/**
 * Plain text of a summary bullet (JSON Feed `summary`): its label left out, each block (its
 * paragraph, every nested item) on a line of its own, so nested items never run together.
 */
export declare function summaryText(item: SummaryItem): string;
//# sourceMappingURL=summary-html.d.ts.map