// pipeline/feeds/atom.ts
import { newFeed, replaceOnce, xmlJsText } from "./feed-package.js";
import { historyNamespace, withHistory } from "./history.js";
import { escapeXml } from "./xml.js";
function atom(site, planned) {
  const { items } = planned;
  const feed = newFeed(site, planned, {
    id: planned.id,
    feedLinks: { atom: planned.self.atom },
    author: { name: xmlJsText(site.title), link: site.base }
  });
  for (const item of items) {
    feed.addItem({
      // Escaped here, so the CDATA section holds no `]]>` and becomes type="text" below.
      title: escapeXml(item.title),
      id: item.id,
      link: item.link,
      date: new Date(item.updated),
      published: new Date(item.published),
      content: item.html,
      ...item.byline ? { author: [{ name: xmlJsText(item.byline) }] } : {}
    });
  }
  let xml = replaceOnce(
    feed.atom1(),
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"${historyNamespace(planned.history)} xml:lang="${escapeXml(site.language)}">`
  );
  xml = withHistory(xml, planned.history, "atom", `<link rel="self" href="${planned.self.atom}"/>`, "    ");
  let titles = 0;
  xml = xml.replace(/<title type="html"><!\[CDATA\[([^]*?)\]\]><\/title>/g, (_m, text) => {
    titles++;
    return `<title type="text">${text}</title>`;
  });
  if (titles !== items.length) throw new Error(`feeds: expected ${items.length} Atom entry titles, found ${titles}`);
  let entries = 0;
  xml = xml.replace(/<entry>[^<]*<title type="text">[^<]*<\/title>[^<]*<id>[^<]*<\/id>/g, (head) => {
    const thumbnail = items[entries++]?.thumbnail;
    return thumbnail ? `${head}
        <media:thumbnail url="${escapeXml(thumbnail)}"/>` : head;
  });
  if (entries !== items.length) throw new Error(`feeds: expected ${items.length} Atom entries, found ${entries}`);
  return xml + "\n";
}
export {
  atom
};
//# sourceMappingURL=atom.js.map
