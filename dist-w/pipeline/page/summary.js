// pipeline/page/summary.ts
import { toString as mdToString } from "mdast-util-to-string";
import { bulletContent, feedUrl } from "../feeds/summary-html.js";
function toNodes(node) {
  const kids = () => "children" in node ? node.children.flatMap(toNodes) : [];
  switch (node.type) {
    case "text":
      return node.value ? [node.value] : [];
    case "paragraph":
    case "heading":
      return [{ k: "p", c: kids() }];
    case "list":
      return node.ordered ? [{ k: "ol", c: kids(), ...node.start != null && node.start !== 1 ? { start: node.start } : {} }] : [{ k: "ul", c: kids() }];
    case "listItem": {
      const c = node.spread ? kids() : node.children.flatMap((n) => n.type === "paragraph" ? n.children.flatMap(toNodes) : toNodes(n));
      return [{ k: "li", c }];
    }
    case "strong":
      return [{ k: "b", c: kids() }];
    case "emphasis":
      return [{ k: "i", c: kids() }];
    case "inlineCode":
      return [{ k: "code", c: [node.value] }];
    case "code":
      return [{ k: "pre", c: [node.value] }];
    case "blockquote":
      return [{ k: "quote", c: kids() }];
    case "break":
      return [{ k: "br" }];
    case "link": {
      const href = feedUrl(node.url);
      return href ? [{ k: "a", href, c: kids() }] : kids();
    }
    case "thematicBreak":
      return [];
    default: {
      const text = mdToString(node);
      return text ? [text] : [];
    }
  }
}
function summarySection(item) {
  if (item.markdown === item.text) return { label: item.label, body: item.text ? [item.text] : [] };
  const tree = bulletContent(item);
  return { label: item.label, body: tree.children.flatMap(toNodes) };
}
function summarySections(summary) {
  return summary.map(summarySection);
}
export {
  summarySection,
  summarySections
};
//# sourceMappingURL=summary.js.map
