/**
 * The feed plan: which feeds exist (main, daily digest, weekly, the extra feeds of the config,
 * the main feed's monthly archives), which items each one holds, in which order, its dates and
 * its RFC 5005 links. Plain data: the serializers (rss.ts, atom.ts, json-feed.ts) write it, the
 * step (pipeline/steps/feeds.ts) reports its problems.
 *
 * Decisions:
 * - main and extra feeds: papers newest first by publication time (time.ts), at most
 *   `feeds.limit`; an extra feed keeps the papers that pass every condition of its filter.
 * - the main feed is the subscription document of an archived feed (RFC 5005 section 4): its
 *   `prev-archive` is the newest month's archive document (archive.ts), and every archive
 *   document links the month before it and `current`. Archives share the main feed's Atom id.
 * - an archive document shows each paper as first listed (`asFirstListed`, src/papers.ts), with
 *   `updated` = `published`: nothing in a month's entries depends on later digests, so a
 *   complete month keeps its bytes; the other feeds show the merged, latest paper.
 * - daily digest: one item per listing date, at most `feeds.dailyLimit`, newest first.
 * - weekly: one item per ISO week, its `feeds.weeklyTop` papers by votes, at most
 *   `feeds.weeklyLimit` weeks, newest first (weekly.ts).
 * - feed `updated`: the newest item `updated`; a feed without items uses the dataset's newest,
 *   or 1970-01-01 for an empty dataset. Never the clock.
 */
import { resolveAuthorNames } from '../../src/authors.ts';
import { asFirstListed } from '../../src/papers.ts';
import { feedWords } from '../../src/feed-words.ts';
import type { Config, ExtraFeed, FeedFilter } from '../../src/config.ts';
import type { Dataset, Paper } from '../../src/types.ts';
import { archiveFiles, monthArchives } from './archive.ts';
import { dayItem, paperItem, weekItem } from './items.ts';
import type { FeedItem, WeekDigest } from './items.ts';
import type { FeedSite } from './site.ts';
import { timePapers, zonedClock } from './time.ts';
import type { ListingDay, TimedPaper } from './time.ts';
import { weekDigests } from './weekly.ts';

/** The three files of one feed, by format. */
export interface FeedFiles {
  rss: string;
  atom: string;
  json: string;
}

export interface FeedLink {
  title: string;
  /** Relative to the output folder. */
  path: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

export interface FeedSpec {
  /** File names, relative to the output folder. */
  files: FeedFiles;
  title: string;
  description: string;
}

/**
 * RFC 5005 section 4 (archived feeds; Appendix B for RSS 2.0) links of a document, each as the
 * absolute URLs of the three formats (JSON Feed has only `next_url`, written for `prev`).
 */
export interface FeedHistory {
  /** `fh:archive`: a complete archive document, whose entries never change. */
  archive: boolean;
  /** `current`: the subscription document. */
  current: FeedFiles | null;
  /** `prev-archive`: the archive document before this one. */
  prev: FeedFiles | null;
  /** `next-archive`: the archive document after this one. */
  next: FeedFiles | null;
}

export interface PlannedFeed extends FeedSpec {
  /** Absolute URLs of `files` (each format's self link). */
  self: FeedFiles;
  /** Atom feed id: its own Atom URL; an archive document shares the subscription document's. */
  id: string;
  /** Epoch ms: the newest item `updated`, or the fallback of a feed without items. */
  updated: number;
  items: FeedItem[];
  /** Archive links: the main feed and its archive documents only. */
  history: FeedHistory | null;
}

export interface FeedPlan {
  main: PlannedFeed;
  daily: PlannedFeed;
  weekly: PlannedFeed;
  /** In config order. */
  extra: PlannedFeed[];
  /** The main feed's monthly archive documents, oldest first. */
  archives: PlannedFeed[];
  /** Papers left out of every feed because their first date is not a calendar date. */
  invalidDates: Paper[];
  /** Author filter entries (`feeds.extra[feed].filter.authors[index]`) that name no author of the dataset. */
  unknownAuthors: { feed: number; index: number; name: string }[];
}

type FeedSettings = Config['feeds'];

/**
 * Where the plan gets its items: the builders of items.ts (`buildItems`), or the same behind a
 * cache (pipeline/steps/feeds.ts). Each must return what the builder of the same name returns.
 */
export interface ItemSource {
  paper(site: FeedSite, paper: Paper, published: number, updated: number): FeedItem;
  day(site: FeedSite, day: ListingDay): FeedItem;
  week(site: FeedSite, week: WeekDigest): FeedItem;
}

/** The item builders of items.ts, uncached. */
export const buildItems: ItemSource = { paper: paperItem, day: dayItem, week: weekItem };

/** `<stem>.xml`, `<stem>.atom.xml`, `<stem>.json`. */
function filesOf(stem: string): FeedFiles {
  return { rss: `${stem}.xml`, atom: `${stem}.atom.xml`, json: `${stem}.json` };
}

interface FeedSpecs {
  main: FeedSpec;
  daily: FeedSpec;
  weekly: FeedSpec;
  extra: FeedSpec[];
}

/**
 * Main, daily, weekly and extra feed specs. Throws when two feeds would write the same file (an
 * extra feed named `daily`, `feed`…, which the config schema already refuses):
 * `feeds: "<title>" and "<title>" would both write <path>; …`.
 */
function feedSpecs(site: Pick<FeedSite, 'title' | 'description' | 'language'>, extra: readonly ExtraFeed[]): FeedSpecs {
  const words = feedWords(site.language);
  const main: FeedSpec = { files: { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }, title: site.title, description: site.description };
  const daily: FeedSpec = { files: filesOf('daily'), ...words.dailyFeed(site.title, site.description) };
  const weekly: FeedSpec = { files: filesOf('weekly'), ...words.weeklyFeed(site.title, site.description) };
  const extras = extra.map((e) => ({
    files: filesOf(e.name),
    title: e.title,
    description: e.description ?? words.filter(e.filter) ?? site.description,
  }));
  const seen = new Map<string, string>();
  for (const spec of [main, daily, weekly, ...extras]) {
    for (const path of [spec.files.rss, spec.files.atom, spec.files.json]) {
      const other = seen.get(path);
      if (other !== undefined) {
        throw new Error(`feeds: "${spec.title}" and "${other}" would both write ${path}; rename the extra feed in pipeline.config.ts`);
      }
      seen.set(path, spec.title);
    }
  }
  return { main, daily, weekly, extra: extras };
}

/**
 * Every subscribable feed, in a stable order: main, daily, weekly, then the extra feeds as
 * configured (the OPML list). Throws like the plan when two feeds would write the same file.
 */
export function feedList(config: Pick<Config, 'site' | 'feeds'>): FeedSpec[] {
  const { main, daily, weekly, extra } = feedSpecs(config.site, config.feeds.extra);
  return [main, daily, weekly, ...extra];
}

/**
 * Every subscribable feed file, in feedList order, each feed as RSS, Atom, JSON Feed (the
 * page's autodiscovery links). The archive documents are reached from the main feed's links.
 */
export function listFeeds(config: Pick<Config, 'site' | 'feeds'>): FeedLink[] {
  return feedList(config).flatMap((spec) => [
    { title: `${spec.title} (RSS)`, path: spec.files.rss, type: 'application/rss+xml' as const },
    { title: `${spec.title} (Atom)`, path: spec.files.atom, type: 'application/atom+xml' as const },
    { title: `${spec.title} (JSON Feed)`, path: spec.files.json, type: 'application/feed+json' as const },
  ]);
}

/** Papers selected by an extra feed's filter (all conditions must hold); `authors` are resolved keys. */
function matches(filter: FeedFilter, authorKeys: readonly string[] | null, search: (q: string) => string[]): (paper: Paper) => boolean {
  const authors = authorKeys !== null ? new Set(authorKeys) : null;
  const hits = filter.query !== undefined ? new Set(search(filter.query)) : null;
  return (paper) =>
    (filter.minVotes === undefined || (paper.votes !== null && paper.votes >= filter.minVotes)) &&
    (authors === null || paper.authors.some((a) => authors.has(a.key))) &&
    (hits === null || hits.has(paper.id));
}

/**
 * The plan of every feed for a dataset. `search` runs an extra feed's saved query and returns
 * paper ids (the search index's); `source` builds the items (default `buildItems`). Throws for an
 * unknown `feeds.timezone` (time.ts) and for two feeds writing one file (listFeeds).
 */
export function planFeeds(
  site: FeedSite,
  settings: FeedSettings,
  dataset: Pick<Dataset, 'papers'>,
  search: (q: string) => string[],
  source: ItemSource = buildItems,
): FeedPlan {
  const { extraFeeds, ...base } = planBaseFeeds(site, settings, dataset, source);
  return { ...base, ...extraFeeds(search) };
}

/** A feed plan whose extra feeds are planned later, once their saved queries can be run. */
export interface BasePlan extends Omit<FeedPlan, 'extra' | 'unknownAuthors'> {
  /**
   * The extra feeds (config order) and their unknown author names, `search` running the saved
   * queries; their items are those of the main feed where both show a paper. Call once.
   */
  extraFeeds(search: (q: string) => string[]): Pick<FeedPlan, 'extra' | 'unknownAuthors'>;
}

/**
 * `planFeeds` without the extra feeds, which need the search index: main, daily, weekly and the
 * archives now, the extra feeds from `extraFeeds` (the same plan `planFeeds` makes, in two
 * parts, so that a thread can render the rest while the index is built). Throws as planFeeds.
 */
export function planBaseFeeds(site: FeedSite, settings: FeedSettings, dataset: Pick<Dataset, 'papers'>, source: ItemSource = buildItems): BasePlan {
  const specs = feedSpecs(site, settings.extra);
  const clock = zonedClock(settings.timezone);
  const { timed, days, invalid } = timePapers(dataset.papers, clock, settings.time);
  // Feeds without items still need a date: the newest paper of the dataset, else the epoch. Never the clock.
  const newest = timed.length ? Math.max(...timed.map((t) => t.updated)) : 0;
  const urls = (files: FeedFiles): FeedFiles => ({
    rss: new URL(files.rss, site.base).href,
    atom: new URL(files.atom, site.base).href,
    json: new URL(files.json, site.base).href,
  });
  const mainUrls = urls(specs.main.files);
  const feed = (spec: FeedSpec, items: FeedItem[], history: FeedHistory | null = null): PlannedFeed => {
    const self = urls(spec.files);
    return {
      ...spec,
      self,
      id: history ? mainUrls.atom : self.atom,
      updated: items.length ? Math.max(...items.map((i) => i.updated)) : newest,
      items,
      history,
    };
  };
  // A paper is in the main feed and extra feeds: its item (HTML included) is built once per run.
  // Archive items are built apart: they show the paper as first listed.
  const items = new Map<Paper, FeedItem>();
  const itemOf = (t: TimedPaper) => {
    let item = items.get(t.paper);
    if (!item) items.set(t.paper, (item = source.paper(site, t.paper, t.published, t.updated)));
    return item;
  };

  const months = monthArchives(timed, days);
  const monthUrls = months.map((m) => urls(archiveFiles(m.month)));
  // An archive's items (every paper of the month, 5,500 on the real archive) are built when the
  // archive is rendered, not here: on the feeds thread the related papers, which the page waits
  // for, then run between two renders instead of after all of these. An item's `updated` is its
  // `published` here, so the archive's `updated` is known without them.
  const archives = months.map((m, n): PlannedFeed => {
    let items: FeedItem[] | null = null;
    const spec: FeedSpec = { files: archiveFiles(m.month), ...feedWords(site.language).archiveFeed(site.title, m.month, m.complete) };
    return {
      ...spec,
      self: monthUrls[n]!,
      id: mainUrls.atom,
      updated: m.papers.length ? Math.max(...m.papers.map((t) => t.published)) : newest,
      get items(): FeedItem[] {
        return (items ??= m.papers.map((t) => source.paper(site, asFirstListed(t.paper), t.published, t.published)));
      },
      history: { archive: m.complete, current: mainUrls, prev: monthUrls[n - 1] ?? null, next: monthUrls[n + 1] ?? null },
    };
  });
  const main = feed(specs.main, timed.slice(0, settings.limit).map(itemOf), {
    archive: false,
    current: null,
    prev: monthUrls[monthUrls.length - 1] ?? null,
    next: null,
  });
  const daily = feed(specs.daily, days.slice(0, settings.dailyLimit).map((d) => source.day(site, d)));
  const weeks = weekDigests(timed, days, settings.weeklyTop);
  const weekly = feed(specs.weekly, weeks.slice(0, settings.weeklyLimit).map((w) => source.week(site, w)));

  const extraFeeds = (search: (q: string) => string[]): Pick<FeedPlan, 'extra' | 'unknownAuthors'> => {
    // Every author key of the dataset: the keys of authors.json's records, which are built from the papers' authors.
    let known: Set<string> | null = null;
    const unknownAuthors: FeedPlan['unknownAuthors'] = [];
    const extra = settings.extra.map((e, n) => {
      let keys: string[] | null = null;
      let spec = specs.extra[n]!;
      if (e.filter.authors?.length) {
        known ??= new Set(dataset.papers.flatMap((p) => p.authors.map((a) => a.key)));
        const resolved = resolveAuthorNames(e.filter.authors, known);
        keys = resolved.keys;
        for (const index of resolved.unknown) unknownAuthors.push({ feed: n, index, name: e.filter.authors[index]! });
        // A description made from the filter names only the authors it found (all of them, as
        // typed, when it found none: the feed is then empty and the warning says why).
        const found = e.filter.authors.filter((_name, index) => !resolved.unknown.includes(index));
        if (e.description === undefined && found.length > 0 && found.length < e.filter.authors.length) {
          spec = { ...spec, description: feedWords(site.language).filter({ ...e.filter, authors: found }) ?? spec.description };
        }
      }
      const keep = matches(e.filter, keys, search);
      return feed(spec, timed.filter((t) => keep(t.paper)).slice(0, settings.limit).map(itemOf));
    });
    return { extra, unknownAuthors };
  };
  return { main, daily, weekly, archives, invalidDates: invalid, extraFeeds };
}
