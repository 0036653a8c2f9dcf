// src/digest/summary.ts
import { blockText, collapse, sourceOf, sourceSpan } from "./nodes.js";
var LABEL = /^([*_]{1,3})(?=\S)([^*_\n:]+?)(?::\s*[*_]{1,3}|\s*[*_]{1,3}\s*:)\s*/;
function appendToSummary(entry, markdown, plain, sep) {
  const last = entry.summary[entry.summary.length - 1];
  if (!last) {
    entry.summary.push({ label: null, text: plain, markdown });
    return;
  }
  last.markdown = `${last.markdown}${sep}${markdown}`;
  last.text = plain === "" ? last.text : last.text === "" ? plain : `${last.text}
${plain}`;
}
function itemMarkdown(doc, item) {
  const first = item.children[0];
  const raw = sourceSpan(doc, first, item.children[item.children.length - 1]);
  const indent = (first?.position?.start.column ?? 1) - 1;
  if (raw === "" || indent <= 0) return raw;
  const strip = new RegExp(`^ {0,${indent}}`);
  return raw.split("\n").map((line, k) => k === 0 ? line : line.replace(strip, "")).join("\n");
}
function bulletItem(doc, item) {
  let markdown = itemMarkdown(doc, item);
  let text = item.children.map(blockText).filter(Boolean).join("\n");
  const m = LABEL.exec(markdown);
  if (m?.[2] === void 0) return { label: null, text, markdown };
  const label = collapse(m[2]);
  markdown = markdown.slice(m[0].length);
  const at = text.indexOf(label);
  if (at !== -1 && at <= 3) text = text.slice(at + label.length).replace(/^[\s*_]*:?[\s*_]*/, "");
  return { label, text, markdown };
}
function readList(doc, entry, list) {
  if (list.ordered && entry.summary.length > 0) {
    appendToSummary(entry, sourceOf(doc, list), blockText(list), "\n");
    return;
  }
  for (const item of list.children) entry.summary.push(bulletItem(doc, item));
}
export {
  appendToSummary,
  readList
};
//# sourceMappingURL=summary.js.map
