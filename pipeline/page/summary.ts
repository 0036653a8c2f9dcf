/**
 * A paper's summary for its page: each bullet as a section (label and content), the content a
 * small tree (src/page/format.ts `SummaryNode`) that the page builds with DOM calls, so nothing
 * from the input is ever parsed as HTML in the browser.
 *
 * A bullet whose markdown reads as its plain text (most of them) is that text; the others go
 * through the feeds' markdown reading (pipeline/feeds/summary-html.ts `bulletContent`: label
 * removed, raw HTML kept as text), and the tree keeps paragraphs, nested and numbered lists,
 * emphasis, code and links. Anything else becomes its text.
 */
import type { RootContent as MdastContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { SummaryNode, SummarySection } from '../../src/page/format.ts';
import type { SummaryItem } from '../../src/types.ts';
import { bulletContent, feedUrl } from '../feeds/summary-html.ts';

/** The page's tree of one mdast node (flattened: a node may give several or none). */
function toNodes(node: MdastContent): SummaryNode[] {
  const kids = (): SummaryNode[] => ('children' in node ? (node.children as MdastContent[]).flatMap(toNodes) : []);
  switch (node.type) {
    case 'text':
      return node.value ? [node.value] : [];
    case 'paragraph':
    case 'heading':
      return [{ k: 'p', c: kids() }];
    case 'list':
      return node.ordered
        ? [{ k: 'ol', c: kids(), ...(node.start != null && node.start !== 1 ? { start: node.start } : {}) }]
        : [{ k: 'ul', c: kids() }];
    case 'listItem': {
      // A tight list's paragraphs are its items' lines: no paragraph around them.
      const c = node.spread ? kids() : node.children.flatMap((n) => (n.type === 'paragraph' ? n.children.flatMap(toNodes) : toNodes(n)));
      return [{ k: 'li', c }];
    }
    case 'strong':
      return [{ k: 'b', c: kids() }];
    case 'emphasis':
      return [{ k: 'i', c: kids() }];
    case 'inlineCode':
      return [{ k: 'code', c: [node.value] }];
    case 'code':
      return [{ k: 'pre', c: [node.value] }];
    case 'blockquote':
      return [{ k: 'quote', c: kids() }];
    case 'break':
      return [{ k: 'br' }];
    case 'link': {
      const href = feedUrl(node.url);
      return href ? [{ k: 'a', href, c: kids() }] : kids();
    }
    case 'thematicBreak':
      return [];
    default: {
      const text = mdToString(node);
      return text ? [text] : [];
    }
  }
}

/** One bullet's section: its text when the markdown is plain, else its markdown as a tree. */
export function summarySection(item: SummaryItem): SummarySection {
  if (item.markdown === item.text) return { label: item.label, body: item.text ? [item.text] : [] };
  const tree = bulletContent(item);
  return { label: item.label, body: tree.children.flatMap(toNodes) };
}

/** Every bullet of a summary, in order. */
export function summarySections(summary: readonly SummaryItem[]): SummarySection[] {
  return summary.map(summarySection);
}
