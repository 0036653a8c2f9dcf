// pipeline/feeds/history.ts
import { replaceOnce } from "./feed-package.js";
import { escapeXml } from "./xml.js";
var FH_NAMESPACE = "http://purl.org/syndication/history/1.0";
var RELATIONS = [
  ["current", "current"],
  ["prev", "prev-archive"],
  ["next", "next-archive"]
];
function historyNamespace(history) {
  return history?.archive ? ` xmlns:fh="${FH_NAMESPACE}"` : "";
}
function withHistory(xml, history, format, selfLink, indent) {
  if (history === null) return xml;
  const type = format === "rss" ? "application/rss+xml" : "application/atom+xml";
  const element = format === "rss" ? "atom:link" : "link";
  const lines = [];
  for (const [key, rel] of RELATIONS) {
    const target = history[key];
    if (target) lines.push(`<${element} href="${escapeXml(target[format])}" rel="${rel}" type="${type}"/>`);
  }
  if (history.archive) lines.push("<fh:archive/>");
  return replaceOnce(xml, selfLink, [selfLink, ...lines].join(`
${indent}`));
}
export {
  FH_NAMESPACE,
  historyNamespace,
  withHistory
};
//# sourceMappingURL=history.js.map
