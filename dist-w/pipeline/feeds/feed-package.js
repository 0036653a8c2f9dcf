// pipeline/feeds/feed-package.ts
import { Feed } from "feed";
import { xmlSafeText } from "./xml.js";
var GENERATOR = "daily-papers-feeds";
function xmlJsText(text) {
  return xmlSafeText(text).replace(/&/g, "&amp;");
}
function newFeed(site, feed, options) {
  return new Feed({
    title: xmlJsText(feed.title),
    description: xmlJsText(feed.description),
    link: site.base,
    updated: new Date(feed.updated),
    generator: GENERATOR,
    ...options
  });
}
function replaceOnce(xml, search, replacement) {
  const at = xml.indexOf(search);
  if (at < 0) throw new Error(`feeds: unexpected output from the feed package (missing ${search})`);
  return xml.slice(0, at) + replacement + xml.slice(at + search.length);
}
export {
  newFeed,
  replaceOnce,
  xmlJsText
};
//# sourceMappingURL=feed-package.js.map
