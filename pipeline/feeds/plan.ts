/**
 * The feed plan: which feeds exist (main, daily digest, the extra feeds of the config), which
 * items each one holds, in which order, and its dates. Plain data: the serializers (rss.ts,
 * atom.ts, json-feed.ts) write it, the step (pipeline/steps/feeds.ts) reports its problems.
 *
 * Decisions:
 * - main and extra feeds: papers newest first by publication time (time.ts), at most
 *   `feeds.limit`; an extra feed keeps the papers that pass every condition of its filter.
 * - daily digest: one item per listing date, at most `feeds.dailyLimit`, newest first.
 * - feed `updated`: the newest item `updated`; a feed without items uses the dataset's newest,
 *   or 1970-01-01 for an empty dataset. Never the clock.
 */
import { compareStrings } from '../../src/compare.ts';
import type { Config, ExtraFeed, FeedFilter } from '../../src/config.ts';
import type { Dataset, Paper } from '../../src/types.ts';
import { dayItem, paperItem } from './items.ts';
import type { DigestDay, FeedItem } from './items.ts';
import type { FeedSite } from './site.ts';
import { timePapers, zonedClock } from './time.ts';
import type { TimedPaper } from './time.ts';

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

interface FeedSpec {
  /** File names, relative to the output folder. */
  files: FeedFiles;
  title: string;
  description: string;
}

export interface PlannedFeed extends FeedSpec {
  /** Absolute URLs of `files` (each format's self link). */
  self: FeedFiles;
  /** Epoch ms: the newest item `updated`, or the fallback of a feed without items. */
  updated: number;
  items: FeedItem[];
}

export interface FeedPlan {
  main: PlannedFeed;
  daily: PlannedFeed;
  /** In config order. */
  extra: PlannedFeed[];
  /** Papers left out of every feed because their first date is not a calendar date. */
  invalidDates: Paper[];
  /** Author keys an extra feed names that no paper has (its feed may stay empty). */
  unknownAuthors: { feed: string; key: string }[];
}

type FeedSettings = Config['feeds'];

/** `<stem>.xml`, `<stem>.atom.xml`, `<stem>.json`. */
function filesOf(stem: string): FeedFiles {
  return { rss: `${stem}.xml`, atom: `${stem}.atom.xml`, json: `${stem}.json` };
}

/**
 * Main, daily and extra feed specs. Throws when two feeds would write the same file (an extra
 * feed named `daily`, `feed`…): `feeds: "<title>" and "<title>" would both write <path>; …`.
 */
function feedSpecs(site: Pick<FeedSite, 'title' | 'description'>, extra: readonly ExtraFeed[]): { main: FeedSpec; daily: FeedSpec; extra: FeedSpec[] } {
  const main: FeedSpec = { files: { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }, title: site.title, description: site.description };
  const daily: FeedSpec = {
    files: filesOf('daily'),
    title: `${site.title}: daily digest`,
    description: `${site.description} One entry per day.`.trim(),
  };
  const extras = extra.map((e) => ({
    files: filesOf(e.name),
    title: e.title,
    description: e.description ?? describeFilter(e.filter, site.description),
  }));
  const seen = new Map<string, string>();
  for (const spec of [main, daily, ...extras]) {
    for (const path of [spec.files.rss, spec.files.atom, spec.files.json]) {
      const other = seen.get(path);
      if (other !== undefined) {
        throw new Error(`feeds: "${spec.title}" and "${other}" would both write ${path}; rename the extra feed in pipeline.config.ts`);
      }
      seen.set(path, spec.title);
    }
  }
  return { main, daily, extra: extras };
}

function describeFilter(filter: FeedFilter, fallback: string): string {
  const parts: string[] = [];
  if (filter.minVotes !== undefined) parts.push(`at least ${filter.minVotes} votes`);
  if (filter.authors?.length) parts.push(`by ${filter.authors.join(', ')}`);
  if (filter.query !== undefined) parts.push(`matching "${filter.query}"`);
  return parts.length ? `Papers ${parts.join(', ')}.` : fallback;
}

/**
 * Every file the feeds step writes, in a stable order: main, daily, then the extra feeds as
 * configured, each as RSS, Atom, JSON Feed (also the page's autodiscovery links). Throws like
 * the plan when two feeds would write the same file.
 */
export function listFeeds(config: Pick<Config, 'site' | 'feeds'>): FeedLink[] {
  const { main, daily, extra } = feedSpecs(config.site, config.feeds.extra);
  return [main, daily, ...extra].flatMap((spec) => [
    { title: `${spec.title} (RSS)`, path: spec.files.rss, type: 'application/rss+xml' as const },
    { title: `${spec.title} (Atom)`, path: spec.files.atom, type: 'application/atom+xml' as const },
    { title: `${spec.title} (JSON Feed)`, path: spec.files.json, type: 'application/feed+json' as const },
  ]);
}

/** Papers selected by an extra feed's filter (all conditions must hold). */
function matches(filter: FeedFilter, search: (q: string) => string[]): (paper: Paper) => boolean {
  const authors = filter.authors?.length ? new Set(filter.authors) : null;
  const hits = filter.query !== undefined ? new Set(search(filter.query)) : null;
  return (paper) =>
    (filter.minVotes === undefined || (paper.votes !== null && paper.votes >= filter.minVotes)) &&
    (authors === null || paper.authors.some((a) => authors.has(a.key))) &&
    (hits === null || hits.has(paper.id));
}

/**
 * Digest days, newest first: every date a timed paper is listed on (its `dates`, or its `date`
 * when it has none), with the papers first listed that day, then those listed again, each group
 * newest first. Days whose date is not a calendar date are left out (their papers are reported
 * by timePapers).
 */
function digestDays(timed: readonly TimedPaper[], dayTime: (date: string) => number | null): DigestDay[] {
  const days = new Map<string, { first: TimedPaper[]; again: TimedPaper[] }>();
  for (const t of timed) {
    for (const date of new Set(t.paper.dates.length ? t.paper.dates : [t.paper.date])) {
      let day = days.get(date);
      if (!day) days.set(date, (day = { first: [], again: [] }));
      (date === t.paper.date ? day.first : day.again).push(t);
    }
  }
  const list: DigestDay[] = [];
  for (const [date, { first, again }] of days) {
    const published = dayTime(date);
    if (published === null) continue;
    const order = (a: TimedPaper, b: TimedPaper) => b.published - a.published || compareStrings(a.paper.id, b.paper.id);
    list.push({ date, published, papers: [...first.sort(order), ...again.sort(order)].map((t) => t.paper) });
  }
  return list.sort((a, b) => b.published - a.published);
}

/**
 * The plan of every feed for a dataset. `search` runs an extra feed's saved query and returns
 * paper ids (the search index's). Throws for an unknown `feeds.timezone` (time.ts) and for two
 * feeds writing one file (listFeeds).
 */
export function planFeeds(site: FeedSite, settings: FeedSettings, dataset: Dataset, search: (q: string) => string[]): FeedPlan {
  const specs = feedSpecs(site, settings.extra);
  const clock = zonedClock(settings.timezone);
  const { timed, invalid } = timePapers(dataset.papers, clock, settings.time);
  // Feeds without items still need a date: the newest paper of the dataset, else the epoch. Never the clock.
  const newest = timed.length ? Math.max(...timed.map((t) => t.updated)) : 0;
  const feed = (spec: FeedSpec, items: FeedItem[]): PlannedFeed => ({
    ...spec,
    self: { rss: new URL(spec.files.rss, site.base).href, atom: new URL(spec.files.atom, site.base).href, json: new URL(spec.files.json, site.base).href },
    updated: items.length ? Math.max(...items.map((i) => i.updated)) : newest,
    items,
  });
  // A paper is in several feeds: its item (HTML included) is built once per run.
  const items = new Map<Paper, FeedItem>();
  const itemOf = (t: TimedPaper) => {
    let item = items.get(t.paper);
    if (!item) items.set(t.paper, (item = paperItem(site, t.paper, t.published, t.updated)));
    return item;
  };

  const main = feed(specs.main, timed.slice(0, settings.limit).map(itemOf));
  const days = digestDays(timed, (date) => clock(date, settings.time));
  const daily = feed(specs.daily, days.slice(0, settings.dailyLimit).map((d) => dayItem(site, d)));

  const known = new Set(dataset.authors.map((a) => a.key));
  const unknownAuthors: FeedPlan['unknownAuthors'] = [];
  const extra = settings.extra.map((e, n) => {
    for (const key of e.filter.authors ?? []) if (!known.has(key)) unknownAuthors.push({ feed: e.name, key });
    const keep = matches(e.filter, search);
    return feed(specs.extra[n]!, timed.filter((t) => keep(t.paper)).slice(0, settings.limit).map(itemOf));
  });
  return { main, daily, extra, invalidDates: invalid, unknownAuthors };
}
