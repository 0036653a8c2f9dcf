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
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { SummaryItem } from '../../src/types.ts';
import { absoluteHttpUrl } from '../../src/url.ts';
import { isPlainParagraph } from './plain-markdown.ts';
import { xmlSafeLine, xmlSafeText } from './xml.ts';

/**
 * A link as it goes into a feed (a paper's links and thumbnail, every `href` and `src` of item
 * HTML): null when missing or empty, else cleaned like every feed text (xmlSafeLine) and
 * resolved by absoluteHttpUrl (src/url.ts): absolute http(s), relative ones against Hugging Face.
 */
export function feedUrl(raw: string | null | undefined): string | null {
  return raw ? absoluteHttpUrl(xmlSafeLine(raw)) : null;
}

/** A small hast element builder. */
export function h(tagName: string, properties: Element['properties'], children: (ElementContent | string | null | undefined | false)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties: properties ?? {},
    children: children
      .filter((child): child is ElementContent | string => child !== null && child !== undefined && child !== false)
      .map((child) => (typeof child === 'string' ? { type: 'text', value: xmlSafeText(child) } : child)),
  };
}

const markdownToMdast = unified().use(remarkParse);
const mdastToHast = unified().use(remarkRehype);

/** Sanitize schema: GitHub's default, no `user-content-` id clobbering issues for feeds (no ids kept). */
const schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id' && a !== 'name') },
};
const htmlProcessor = unified().use(rehypeSanitize, schema).use(rehypeStringify);

/**
 * Parses summary markdown; raw HTML nodes become text so that nothing in the input is interpreted
 * as HTML. Plain markdown (isPlainParagraph) is the tree the parser would give, built directly.
 */
function parseMarkdown(markdown: string): MdastRoot {
  const safe = xmlSafeText(markdown);
  if (isPlainParagraph(safe)) return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: safe }] }] };
  const tree = markdownToMdast.parse(safe);
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const text = { type: 'text', value: node.value } as const;
    // An html node at block level must be wrapped in a paragraph to stay phrasing content.
    if (parent.type === 'root' || parent.type === 'listItem' || parent.type === 'blockquote') {
      parent.children[index] = { type: 'paragraph', children: [text] } as MdastContent as never;
    } else {
      parent.children[index] = text as never;
    }
  });
  return tree;
}

/**
 * mdast -> hast children (not yet sanitized). One paragraph of one single-line text node is
 * converted directly, as mdast-util-to-hast converts it (a `p` element holding the text; its
 * line trimming only acts at line endings); every other tree goes through remark-rehype.
 */
function toHastChildren(tree: MdastRoot): ElementContent[] {
  const only = tree.children.length === 1 ? tree.children[0] : undefined;
  const text = only?.type === 'paragraph' && only.children.length === 1 ? only.children[0] : undefined;
  if (text?.type === 'text' && !/[\r\n]/.test(text.value)) {
    return [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text.value }] }];
  }
  const hast = mdastToHast.runSync(tree) as HastRoot;
  return hast.children.filter((c): c is ElementContent => c.type !== 'doctype');
}

/**
 * The body of one summary bullet without its label: the bullet's markdown may be
 * written with or without the list marker and with or without the bold label.
 */
export function bulletContent(item: SummaryItem): MdastRoot {
  let tree = parseMarkdown(item.markdown);
  // "- text" parses as a list with one item: unwrap it.
  const only = tree.children.length === 1 ? tree.children[0] : undefined;
  if (only && only.type === 'list' && only.children.length === 1 && only.children[0]) {
    tree = { type: 'root', children: only.children[0].children };
  }
  if (item.label !== null) stripLabel(tree, item.label);
  return tree;
}

/** Removes a leading `**Label**:` (any emphasis depth) when it repeats the item's label. */
function stripLabel(tree: MdastRoot, label: string): void {
  const first = tree.children[0];
  if (!first || first.type !== 'paragraph') return;
  const lead = first.children[0];
  if (!lead) return;
  const norm = (s: string) => s.replace(/[:：\s]+$/u, '').trim().toLowerCase();
  if ((lead.type === 'strong' || lead.type === 'emphasis') && norm(mdToString(lead)) === norm(label)) {
    first.children.shift();
    const next = first.children[0];
    if (next && next.type === 'text') {
      next.value = next.value.replace(/^\s*[:：]?\s*/u, '');
      if (next.value === '') first.children.shift();
    }
  } else if (lead.type === 'text') {
    const plain = lead.value;
    const prefix = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:：]\\s*`, 'iu');
    if (prefix.test(plain)) lead.value = plain.replace(prefix, '');
  }
}

/**
 * One summary bullet as the children of an `<li>`: its bold label (when present) inline at the
 * start of the first paragraph, then the rest, nested lists kept.
 */
export function bulletHast(item: SummaryItem): ElementContent[] {
  return labelledHast(item, bulletContent(item));
}

/** bulletHast of an item whose content (bulletContent) is already read. */
function labelledHast(item: SummaryItem, content: MdastRoot): ElementContent[] {
  const body = toHastChildren(content);
  const label = item.label === null ? null : xmlSafeLine(item.label);
  if (label) {
    // Put the label inline at the start of the first paragraph when there is one.
    const firstEl = body[0];
    const strong = h('strong', {}, [label]);
    if (firstEl && firstEl.type === 'element' && firstEl.tagName === 'p') {
      firstEl.children.unshift(strong, { type: 'text', value: ': ' });
    } else {
      body.unshift(h('p', {}, [strong]));
    }
  }
  return body;
}

/** The summary as a `<ul>`: one `<li>` per bullet (bulletHast), or null without bullets. */
export function summaryHast(summary: SummaryItem[]): Element | null {
  return summaryParts(summary).hast;
}

/**
 * A summary read once: its `<ul>` (summaryHast; null without bullets) and the plain text of its
 * first bullet (summaryText; '' without bullets). Each bullet's markdown is parsed one time.
 */
export function summaryParts(summary: readonly SummaryItem[]): { hast: Element | null; text: string } {
  if (summary.length === 0) return { hast: null, text: '' };
  let text = '';
  const items = summary.map((item, n) => {
    const content = bulletContent(item);
    // The text first: the hast conversion below must not see a tree it has already changed.
    if (n === 0) text = contentText(content);
    return h('li', {}, labelledHast(item, content));
  });
  return { hast: h('ul', {}, items), text };
}

/** Sanitizes and serializes hast content. The result never contains `]]>`, so it is safe inside CDATA. */
export function toHtml(children: (Element | null)[]): string {
  const root: HastRoot = { type: 'root', children: children.filter((c): c is Element => c !== null) };
  const sanitized = htmlProcessor.runSync(root) as HastRoot;
  // Every link absolute: relative links in summaries are Hugging Face paths (the digests' source).
  visit(sanitized, 'element', (node) => {
    for (const prop of ['href', 'src'] as const) {
      const value = node.properties[prop];
      if (value === undefined || value === null) continue;
      const abs = feedUrl(String(value));
      if (abs === null) delete node.properties[prop];
      else node.properties[prop] = abs;
    }
  });
  const html = htmlProcessor.stringify(sanitized);
  // `>` may be written as `&gt;` anywhere in HTML text and attribute values.
  return xmlSafeText(html).replace(/]]>/g, ']]&gt;');
}

/** mdast nodes whose children are blocks: their text is their blocks' texts, one per line. */
const CONTAINERS = new Set(['root', 'list', 'listItem', 'blockquote']);

/** The text of each block under `node` (paragraphs, headings, code…), one line each, empty ones left out. */
function blockLines(node: MdastRoot | MdastContent): string[] {
  if (CONTAINERS.has(node.type) && 'children' in node) return (node.children as MdastContent[]).flatMap(blockLines);
  const line = xmlSafeLine(mdToString(node));
  return line ? [line] : [];
}

/**
 * Plain text of a summary bullet (JSON Feed `summary`): its label left out, each block (its
 * paragraph, every nested item) on a line of its own, so nested items never run together.
 */
export function summaryText(item: SummaryItem): string {
  return contentText(bulletContent(item));
}

/** summaryText of a bullet's content (bulletContent). */
function contentText(content: MdastRoot): string {
  return blockLines(content).join('\n');
}
