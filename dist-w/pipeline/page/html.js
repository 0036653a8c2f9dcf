// pipeline/page/html.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
import { escapeHtml as escapeText } from "../../src/escape.js";
import { OPML_PATH } from "../feeds/opml.js";
import { listFeeds } from "../feeds/plan.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { messagesFor } from "../../src/page/i18n.js";
var TEMPLATE = path.join(PACKAGE_ROOT, "src/page/index.html");
var CSP = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' https: data:; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; manifest-src 'self'";
var escapeHtml = (text) => escapeText(text, { apostrophe: true });
var FORMAT_NAMES = {
  "application/rss+xml": "RSS",
  "application/atom+xml": "Atom",
  "application/feed+json": "JSON Feed"
};
function groupFeeds(links) {
  const groups = [];
  for (const link of links) {
    const name = FORMAT_NAMES[link.type];
    const suffix = ` (${name})`;
    const title = link.title.endsWith(suffix) ? link.title.slice(0, -suffix.length) : link.title;
    const last = groups[groups.length - 1];
    const format = { name, path: link.path, type: link.type };
    if (last && last.title === title) last.formats.push(format);
    else groups.push({ title, formats: [format] });
  }
  return groups;
}
function feedListHtml(groups, t) {
  const items = groups.map((g) => {
    const formats = g.formats.map((f) => `<a href="${escapeHtml(f.path)}" type="${escapeHtml(f.type)}">${escapeHtml(f.name)}</a>`);
    return `<li><span class="feed-title">${escapeHtml(g.title)}</span> <span class="formats">${formats.join(" \xB7 ")}</span></li>`;
  });
  items.push(`<li><a href="${OPML_PATH}" type="text/x-opml">${escapeHtml(t.opml)}</a></li>`);
  return items.join("");
}
function textVars(t) {
  const vars = {};
  for (const [k, v] of Object.entries(t)) if (typeof v === "string") vars[`t.${k}`] = escapeHtml(v);
  return vars;
}
async function renderIndexHtml(config, paperCount, assets) {
  const feeds = listFeeds(config);
  const template = await readFile(TEMPLATE, "utf8");
  const site = config.site;
  const t = messagesFor(site.language);
  const vars = {
    ...textVars(t),
    lang: escapeHtml(site.language),
    title: escapeHtml(site.title),
    description: escapeHtml(site.description),
    csp: escapeHtml(CSP),
    script: escapeHtml(assets.js.path),
    worker: escapeHtml(assets.worker.path),
    style: escapeHtml(assets.css.path),
    math: escapeHtml(assets.math?.js.path ?? ""),
    mathStyle: escapeHtml(assets.math?.css.path ?? ""),
    count: escapeHtml(t.papers(paperCount)),
    feeds: feeds.map((f) => `<link rel="alternate" type="${escapeHtml(f.type)}" title="${escapeHtml(f.title)}" href="${escapeHtml(f.path)}">`).join("\n    "),
    feedList: feedListHtml(groupFeeds(feeds), t)
  };
  return { path: "index.html", data: template.replace(/\{\{([\w.]+)\}\}/g, (m, k) => vars[k] ?? m) };
}
export {
  groupFeeds,
  renderIndexHtml
};
//# sourceMappingURL=html.js.map
