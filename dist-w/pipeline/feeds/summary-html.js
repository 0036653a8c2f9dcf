// pipeline/feeds/summary-html.ts
import { toString as mdToString } from "mdast-util-to-string";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { absoluteHttpUrl } from "../../src/url.js";
import { isPlainParagraph } from "./plain-markdown.js";
import { xmlSafeLine, xmlSafeText } from "./xml.js";
function feedUrl(raw) {
  return raw ? absoluteHttpUrl(xmlSafeLine(raw)) : null;
}
function h(tagName, properties, children = []) {
  return {
    type: "element",
    tagName,
    properties: properties ?? {},
    children: children.filter((child) => child !== null && child !== void 0 && child !== false).map((child) => typeof child === "string" ? { type: "text", value: xmlSafeText(child) } : child)
  };
}
var markdownToMdast = unified().use(remarkParse);
var mdastToHast = unified().use(remarkRehype);
var schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, "*": (defaultSchema.attributes?.["*"] ?? []).filter((a) => a !== "id" && a !== "name") }
};
var htmlProcessor = unified().use(rehypeSanitize, schema).use(rehypeStringify);
function parseMarkdown(markdown) {
  const safe = xmlSafeText(markdown);
  if (isPlainParagraph(safe)) return { type: "root", children: [{ type: "paragraph", children: [{ type: "text", value: safe }] }] };
  const tree = markdownToMdast.parse(safe);
  visit(tree, "html", (node, index, parent) => {
    if (!parent || index === void 0) return;
    const text = { type: "text", value: node.value };
    if (parent.type === "root" || parent.type === "listItem" || parent.type === "blockquote") {
      parent.children[index] = { type: "paragraph", children: [text] };
    } else {
      parent.children[index] = text;
    }
  });
  return tree;
}
function toHastChildren(tree) {
  const only = tree.children.length === 1 ? tree.children[0] : void 0;
  const text = only?.type === "paragraph" && only.children.length === 1 ? only.children[0] : void 0;
  if (text?.type === "text" && !/[\r\n]/.test(text.value)) {
    return [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: text.value }] }];
  }
  const hast = mdastToHast.runSync(tree);
  return hast.children.filter((c) => c.type !== "doctype");
}
function bulletContent(item) {
  let tree = parseMarkdown(item.markdown);
  const only = tree.children.length === 1 ? tree.children[0] : void 0;
  if (only && only.type === "list" && only.children.length === 1 && only.children[0]) {
    tree = { type: "root", children: only.children[0].children };
  }
  if (item.label !== null) stripLabel(tree, item.label);
  return tree;
}
function stripLabel(tree, label) {
  const first = tree.children[0];
  if (!first || first.type !== "paragraph") return;
  const lead = first.children[0];
  if (!lead) return;
  const norm = (s) => s.replace(/[:：\s]+$/u, "").trim().toLowerCase();
  if ((lead.type === "strong" || lead.type === "emphasis") && norm(mdToString(lead)) === norm(label)) {
    first.children.shift();
    const next = first.children[0];
    if (next && next.type === "text") {
      next.value = next.value.replace(/^\s*[:：]?\s*/u, "");
      if (next.value === "") first.children.shift();
    }
  } else if (lead.type === "text") {
    const plain = lead.value;
    const prefix = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*[:\uFF1A]\\s*`, "iu");
    if (prefix.test(plain)) lead.value = plain.replace(prefix, "");
  }
}
function bulletHast(item) {
  return labelledHast(item, bulletContent(item));
}
function labelledHast(item, content) {
  const body = toHastChildren(content);
  const label = item.label === null ? null : xmlSafeLine(item.label);
  if (label) {
    const firstEl = body[0];
    const strong = h("strong", {}, [label]);
    if (firstEl && firstEl.type === "element" && firstEl.tagName === "p") {
      firstEl.children.unshift(strong, { type: "text", value: ": " });
    } else {
      body.unshift(h("p", {}, [strong]));
    }
  }
  return body;
}
function summaryHast(summary) {
  return summaryParts(summary).hast;
}
function summaryParts(summary) {
  if (summary.length === 0) return { hast: null, text: "" };
  let text = "";
  const items = summary.map((item, n) => {
    const content = bulletContent(item);
    if (n === 0) text = contentText(content);
    return h("li", {}, labelledHast(item, content));
  });
  return { hast: h("ul", {}, items), text };
}
function toHtml(children) {
  const root = { type: "root", children: children.filter((c) => c !== null) };
  const sanitized = htmlProcessor.runSync(root);
  visit(sanitized, "element", (node) => {
    for (const prop of ["href", "src"]) {
      const value = node.properties[prop];
      if (value === void 0 || value === null) continue;
      const abs = feedUrl(String(value));
      if (abs === null) delete node.properties[prop];
      else node.properties[prop] = abs;
    }
  });
  const html = htmlProcessor.stringify(sanitized);
  return xmlSafeText(html).replace(/]]>/g, "]]&gt;");
}
var CONTAINERS = /* @__PURE__ */ new Set(["root", "list", "listItem", "blockquote"]);
function blockLines(node) {
  if (CONTAINERS.has(node.type) && "children" in node) return node.children.flatMap(blockLines);
  const line = xmlSafeLine(mdToString(node));
  return line ? [line] : [];
}
function summaryText(item) {
  return contentText(bulletContent(item));
}
function contentText(content) {
  return blockLines(content).join("\n");
}
export {
  bulletContent,
  bulletHast,
  feedUrl,
  h,
  summaryHast,
  summaryParts,
  summaryText,
  toHtml
};
//# sourceMappingURL=summary-html.js.map
