// pipeline/feeds/site.ts
function feedSite(config) {
  const u = new URL(config.site.url);
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  u.search = "";
  u.hash = "";
  return { base: u.href, title: config.site.title, description: config.site.description, language: config.site.language, link: config.feeds.link };
}
export {
  feedSite
};
//# sourceMappingURL=site.js.map
