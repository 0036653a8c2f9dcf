// src/digest/chunk.ts
import { unified } from "unified";
import remarkParse from "remark-parse";
import { fastBlocks } from "./fast-blocks.js";
var processor = unified().use(remarkParse);
var CROSSES_HEADINGS = /^ {0,3}(?:```|~~~|<(?:!--|pre|script|style|textarea|\?|!\[CDATA\[|![A-Za-z])|<[^\n]*\n#|\[[^\]\n]+\]:)/im;
var BEFORE_HEADING = /\n(?=#{1,6}(?:[ \t]|\n|$))/g;
function shift(node, line, offset) {
  const p = node.position;
  if (p) {
    p.start.line += line;
    p.end.line += line;
    if (p.start.offset !== void 0) p.start.offset += offset;
    if (p.end.offset !== void 0) p.end.offset += offset;
  }
  if ("children" in node) for (const c of node.children) shift(c, line, offset);
}
function lineBreaks(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
function parseBlocks(text, whole) {
  if (whole || CROSSES_HEADINGS.test(text)) return processor.parse(text).children;
  const out = [];
  let start = 0;
  let line = 0;
  const ends = [];
  for (const m of text.matchAll(BEFORE_HEADING)) ends.push(m.index + 1);
  ends.push(text.length);
  for (const end of ends) {
    const chunk = text.slice(start, end);
    const nodes = (chunk.startsWith("### ") ? fastBlocks(chunk) : null) ?? processor.parse(chunk).children;
    for (const node of nodes) {
      if (line !== 0 || start !== 0) shift(node, line, start);
      out.push(node);
    }
    line += lineBreaks(chunk);
    start = end;
  }
  return out;
}
export {
  parseBlocks
};
//# sourceMappingURL=chunk.js.map
