// pipeline/feeds/plan.ts
import { resolveAuthorNames } from "../../src/authors.js";
import { asFirstListed } from "../../src/papers.js";
import { feedWords } from "../../src/feed-words.js";
import { archiveFiles, monthArchives } from "./archive.js";
import { dayItem, paperItem, weekItem } from "./items.js";
import { timePapers, zonedClock } from "./time.js";
import { weekDigests } from "./weekly.js";
var buildItems = { paper: paperItem, day: dayItem, week: weekItem };
function filesOf(stem) {
  return { rss: `${stem}.xml`, atom: `${stem}.atom.xml`, json: `${stem}.json` };
}
function feedSpecs(site, extra) {
  const words = feedWords(site.language);
  const main = { files: { rss: "feed.xml", atom: "atom.xml", json: "feed.json" }, title: site.title, description: site.description };
  const daily = { files: filesOf("daily"), ...words.dailyFeed(site.title, site.description) };
  const weekly = { files: filesOf("weekly"), ...words.weeklyFeed(site.title, site.description) };
  const extras = extra.map((e) => ({
    files: filesOf(e.name),
    title: e.title,
    description: e.description ?? words.filter(e.filter) ?? site.description
  }));
  const seen = /* @__PURE__ */ new Map();
  for (const spec of [main, daily, weekly, ...extras]) {
    for (const path of [spec.files.rss, spec.files.atom, spec.files.json]) {
      const other = seen.get(path);
      if (other !== void 0) {
        throw new Error(`feeds: "${spec.title}" and "${other}" would both write ${path}; rename the extra feed in pipeline.config.ts`);
      }
      seen.set(path, spec.title);
    }
  }
  return { main, daily, weekly, extra: extras };
}
function feedList(config) {
  const { main, daily, weekly, extra } = feedSpecs(config.site, config.feeds.extra);
  return [main, daily, weekly, ...extra];
}
function listFeeds(config) {
  return feedList(config).flatMap((spec) => [
    { title: `${spec.title} (RSS)`, path: spec.files.rss, type: "application/rss+xml" },
    { title: `${spec.title} (Atom)`, path: spec.files.atom, type: "application/atom+xml" },
    { title: `${spec.title} (JSON Feed)`, path: spec.files.json, type: "application/feed+json" }
  ]);
}
function matches(filter, authorKeys, search) {
  const authors = authorKeys !== null ? new Set(authorKeys) : null;
  const hits = filter.query !== void 0 ? new Set(search(filter.query)) : null;
  return (paper) => (filter.minVotes === void 0 || paper.votes !== null && paper.votes >= filter.minVotes) && (authors === null || paper.authors.some((a) => authors.has(a.key))) && (hits === null || hits.has(paper.id));
}
function planFeeds(site, settings, dataset, search, source = buildItems) {
  const { extraFeeds, ...base } = planBaseFeeds(site, settings, dataset, source);
  return { ...base, ...extraFeeds(search) };
}
function planBaseFeeds(site, settings, dataset, source = buildItems) {
  const specs = feedSpecs(site, settings.extra);
  const clock = zonedClock(settings.timezone);
  const { timed, days, invalid } = timePapers(dataset.papers, clock, settings.time);
  const newest = timed.length ? Math.max(...timed.map((t) => t.updated)) : 0;
  const urls = (files) => ({
    rss: new URL(files.rss, site.base).href,
    atom: new URL(files.atom, site.base).href,
    json: new URL(files.json, site.base).href
  });
  const mainUrls = urls(specs.main.files);
  const feed = (spec, items2, history = null) => {
    const self = urls(spec.files);
    return {
      ...spec,
      self,
      id: history ? mainUrls.atom : self.atom,
      updated: items2.length ? Math.max(...items2.map((i) => i.updated)) : newest,
      items: items2,
      history
    };
  };
  const items = /* @__PURE__ */ new Map();
  const itemOf = (t) => {
    let item = items.get(t.paper);
    if (!item) items.set(t.paper, item = source.paper(site, t.paper, t.published, t.updated));
    return item;
  };
  const months = monthArchives(timed, days);
  const monthUrls = months.map((m) => urls(archiveFiles(m.month)));
  const archives = months.map(
    (m, n) => feed(
      { files: archiveFiles(m.month), ...feedWords(site.language).archiveFeed(site.title, m.month, m.complete) },
      m.papers.map((t) => source.paper(site, asFirstListed(t.paper), t.published, t.published)),
      { archive: m.complete, current: mainUrls, prev: monthUrls[n - 1] ?? null, next: monthUrls[n + 1] ?? null }
    )
  );
  const main = feed(specs.main, timed.slice(0, settings.limit).map(itemOf), {
    archive: false,
    current: null,
    prev: monthUrls[monthUrls.length - 1] ?? null,
    next: null
  });
  const daily = feed(specs.daily, days.slice(0, settings.dailyLimit).map((d) => source.day(site, d)));
  const weeks = weekDigests(timed, days, settings.weeklyTop);
  const weekly = feed(specs.weekly, weeks.slice(0, settings.weeklyLimit).map((w) => source.week(site, w)));
  const extraFeeds = (search) => {
    const known = new Set(dataset.authors.map((a) => a.key));
    const unknownAuthors = [];
    const extra = settings.extra.map((e, n) => {
      let keys = null;
      if (e.filter.authors?.length) {
        const resolved = resolveAuthorNames(e.filter.authors, known);
        keys = resolved.keys;
        for (const index of resolved.unknown) unknownAuthors.push({ feed: n, index, name: e.filter.authors[index] });
      }
      const keep = matches(e.filter, keys, search);
      return feed(specs.extra[n], timed.filter((t) => keep(t.paper)).slice(0, settings.limit).map(itemOf));
    });
    return { extra, unknownAuthors };
  };
  return { main, daily, weekly, archives, invalidDates: invalid, extraFeeds };
}
export {
  buildItems,
  feedList,
  listFeeds,
  planBaseFeeds,
  planFeeds
};
//# sourceMappingURL=plan.js.map
