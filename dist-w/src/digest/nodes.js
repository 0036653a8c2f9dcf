// src/digest/nodes.ts
import { toString } from "mdast-util-to-string";
function collapse(s) {
  return s.replace(/\s+/g, " ").trim();
}
function startOf(node) {
  const p = node.position?.start;
  return { line: p?.line ?? 1, column: p?.column ?? 1 };
}
function sourceOf(doc, node) {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === void 0 || e === void 0 ? "" : doc.text.slice(s, e);
}
function sourceSpan(doc, first, last) {
  if (!first?.position || !last?.position) return "";
  return doc.text.slice(first.position.start.offset, last.position.end.offset);
}
function blockText(node) {
  switch (node.type) {
    case "list":
    case "listItem":
    case "blockquote":
      return node.children.map(blockText).filter(Boolean).join("\n");
    case "code":
      return node.value;
    case "html":
      return "";
    default:
      return collapse(toString(node));
  }
}
export {
  blockText,
  collapse,
  sourceOf,
  sourceSpan,
  startOf
};
//# sourceMappingURL=nodes.js.map
