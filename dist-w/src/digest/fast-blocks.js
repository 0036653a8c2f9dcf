// src/digest/fast-blocks.ts
var NOT_PLAIN = /[\\`*_<&\u0000-\u0009\u000b-\u001f\u007f]|\]\(|\]\[/;
var BLOCK_START = /^(?:[\s>#\-+*=[!|~<_]|\d{1,9}[.)])/;
var EDGE_SPACE = /^\s|\s$/;
var URL = String.raw`([^\s()<>\\&\u0000-\u001f\u007f]+)`;
var HEADING_LINE = new RegExp(String.raw`^### \[([^\]]+)\]\(${URL}\)$`);
var IMAGE_LINE = new RegExp(String.raw`^!\[\]\(${URL}\)$`);
var LINK_LINE = new RegExp(String.raw`^\[([^\]]+)\]\(${URL}\)$`);
var LABEL = /^(\*{1,3})([^\s*][^*]*?)\1(?=:)|^(\*{1,3})([^\s*][^*]*?:)\3(?= |$)/;
function isPlain(s) {
  return !NOT_PLAIN.test(s) && !EDGE_SPACE.test(s);
}
function isLabel(s) {
  return isPlain(s) && !s.includes("[");
}
function isPlainLine(s) {
  return s !== "" && isPlain(s) && !BLOCK_START.test(s);
}
function span(line, from, to) {
  return {
    start: { line: line.number, column: from + 1, offset: line.offset + from },
    end: { line: line.number, column: to + 1, offset: line.offset + to }
  };
}
function text(value, line, from, to) {
  return { type: "text", value, position: span(line, from, to) };
}
function linkAt(line, from, label, url) {
  return {
    type: "link",
    title: null,
    url,
    children: [text(label, line, from + 1, from + 1 + label.length)],
    position: span(line, from, from + label.length + url.length + 4)
  };
}
function inlineLine(line, from, label) {
  const s = line.text.slice(from);
  let m;
  if (m = IMAGE_LINE.exec(s)) {
    const image = { type: "image", title: null, url: m[1], alt: "", position: span(line, from, line.text.length) };
    return [image];
  }
  if (m = LINK_LINE.exec(s)) return isLabel(m[1]) ? [linkAt(line, from, m[1], m[2])] : null;
  if (label && (m = LABEL.exec(s))) {
    const marks = m[1] ?? m[3];
    const inner = m[2] ?? m[4];
    const rest = s.slice(m[0].length);
    if (!isPlain(inner) || rest !== "" && !isPlain(rest.replace(/^:? /, "x"))) return null;
    const n = marks.length;
    const end = from + m[0].length;
    const innerText = text(inner, line, from + n, end - n);
    let node = n === 1 ? { type: "emphasis", children: [innerText], position: span(line, from, end) } : { type: "strong", children: [innerText], position: span(line, from + n - 2, end - n + 2) };
    if (n === 3) node = { type: "emphasis", children: [node], position: span(line, from, end) };
    return rest === "" ? [node] : [node, text(rest, line, end, line.text.length)];
  }
  if (!isPlainLine(s)) return null;
  return [text(s, line, from, line.text.length)];
}
function joinLines(lines) {
  const out = [];
  const push = (node) => {
    const last = out[out.length - 1];
    if (last?.type === "text" && node.type === "text") {
      last.value += node.value;
      last.position.end = node.position.end;
    } else out.push(node);
  };
  lines.forEach((nodes, k) => {
    if (k > 0) {
      const prev = out[out.length - 1].position.end;
      const next = nodes[0].position.start;
      push({ type: "text", value: "\n", position: { start: { ...prev }, end: { ...next } } });
    }
    nodes.forEach(push);
  });
  return out;
}
function blockSpan(first, last) {
  return { start: { ...first.start }, end: { ...last.end } };
}
function fastBlocks(chunk) {
  const raw = chunk.split("\n");
  const lines = [];
  let offset = 0;
  for (let i = 0; i < raw.length; i++) {
    lines.push({ text: raw[i], number: i + 1, offset });
    offset += raw[i].length + 1;
  }
  const first = lines[0];
  const head = HEADING_LINE.exec(first.text);
  if (!head || !isLabel(head[1])) return null;
  const heading = { type: "heading", depth: 3, children: [linkAt(first, 4, head[1], head[2])], position: span(first, 0, first.text.length) };
  const out = [heading];
  let paragraph = null;
  let paragraphStart = null;
  let list = null;
  let lastLine = first;
  const close = () => {
    if (paragraph) {
      const node = { type: "paragraph", children: joinLines(paragraph), position: blockSpan(paragraphStart, span(lastLine, 0, lastLine.text.length)) };
      out.push(node);
    }
    if (list) {
      const node = { type: "list", ordered: false, start: null, spread: false, children: list, position: blockSpan(list[0].position, list[list.length - 1].position) };
      out.push(node);
    }
    paragraph = null;
    list = null;
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const s = line.text;
    if (s === "") {
      close();
      if (raw[i - 1].startsWith("- ") && raw.slice(i + 1).find((l) => l !== "")?.startsWith("- ")) return null;
      continue;
    }
    if (s.startsWith("- ")) {
      if (!list && paragraph) close();
      const content2 = inlineLine(line, 2, true);
      if (!content2) return null;
      const paragraphNode = { type: "paragraph", children: content2, position: span(line, 2, s.length) };
      const item = { type: "listItem", spread: false, checked: null, children: [paragraphNode], position: span(line, 0, s.length) };
      (list ??= []).push(item);
      lastLine = line;
      continue;
    }
    if (list) return null;
    const content = inlineLine(line, 0, false);
    if (!content) return null;
    if (!paragraph) {
      paragraph = [];
      paragraphStart = span(line, 0, 0);
    }
    paragraph.push(content);
    lastLine = line;
  }
  close();
  return out;
}
export {
  fastBlocks
};
//# sourceMappingURL=fast-blocks.js.map
