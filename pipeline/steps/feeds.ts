/**
 * The feeds step: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the latest papers,
 * one entry per digest day, and every extra feed declared in the config.
 *
 * RSS and Atom are generated with the `feed` package (6.x), one Feed object per
 * format, with its pitfalls worked around:
 * - feed dates default to the clock: `updated` is always the newest item date;
 * - `json1()` writes JSON Feed 1.0: JSON Feed 1.1 is built here as a plain object;
 * - xml-js escapes attributes only for `"` and splits only the first `]]>` of a
 *   CDATA section: every string is cleaned and escaped before it is handed over,
 *   HTML never contains `]]>` (see feed-render.ts), RSS titles are written as
 *   escaped text instead of CDATA;
 * - Atom titles are declared `type="html"` in CDATA: the title is escaped and
 *   rewritten to `type="text"`;
 * - RSS `<author>` must be an e-mail: authors go into one `dc:creator` each;
 * - enclosures get `length="0"` and a MIME type guessed from the extension: no
 *   enclosures are emitted, thumbnails with a known image type become
 *   `media:thumbnail` (and an `<img>` in the content), others are omitted;
 * - no `xml:lang`, no `media:` or `dc:` namespaces: added to the root element
 *   after generation (exact-match replacement, checked);
 * - RSS guids are always `isPermaLink="false"`: the guid is written as an extension;
 * - one `feed`/`feedLinks` self link serves every format: each format gets its own
 *   Feed object whose self link is built from `site.url`;
 * - Atom ids must parse as URLs: ids are arXiv/source URLs or `urn:uuid:` URNs;
 * - Atom categories need `term`: no categories are emitted.
 *
 * Decisions:
 * - id/guid: `https://arxiv.org/abs/<id>` (isPermaLink true); a non-arXiv paper uses
 *   its absolute source URL (isPermaLink true), or `urn:uuid:` + UUIDv5 of its id
 *   when the source URL is unusable (isPermaLink false). Daily items use the day's
 *   Hugging Face page `https://huggingface.co/papers/date/<date>`.
 * - published: the first digest date at `feeds.time` in `feeds.timezone`, minus one
 *   second per rank in that digest (source file, then line). Offsets come from Intl
 *   with an explicit zone, never from the process TZ.
 * - updated: the same time on the last digest date that listed the paper (a later
 *   listing is what changes votes, version or summary); equal to published otherwise.
 * - feed updated/lastBuildDate: the newest item `updated`; a feed without items uses
 *   the dataset's newest, or 1970-01-01 for an empty dataset. Never the clock.
 */
import { createHash } from 'node:crypto';
import { compareStrings } from '../../src/compare.ts';
import type { Element } from 'hast';
import { Feed } from 'feed';
import type { Extension, Item } from 'feed';
import type { Config, ExtraFeed, FeedFilter } from '../../src/config.ts';
import type { Dataset, Paper } from '../../src/types.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
import { escapeHtml } from '../../src/escape.ts';
import { absoluteUrl, cleanLine, cleanText, h, summaryHast, summaryText, toHtml } from '../feeds/summary-html.ts';

export interface FeedLink {
  title: string;
  /** Relative to the output folder. */
  path: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

const GENERATOR = 'daily-papers-feeds';
const HF = 'https://huggingface.co/';
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

// ---------------------------------------------------------------------------
// Feed list (also used by the page for autodiscovery links)

interface FeedSpec {
  /** File-name stems. */
  rss: string;
  atom: string;
  json: string;
  title: string;
  description: string;
}

function feedSpecs(config: Config): { main: FeedSpec; daily: FeedSpec; extra: (FeedSpec & { extra: ExtraFeed })[] } {
  const site = config.site;
  const main: FeedSpec = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json', title: site.title, description: site.description };
  const daily: FeedSpec = {
    rss: 'daily.xml',
    atom: 'daily.atom.xml',
    json: 'daily.json',
    title: `${site.title}: daily digest`,
    description: `${site.description} One entry per day.`.trim(),
  };
  const extra = config.feeds.extra.map((e) => ({
    rss: `${e.name}.xml`,
    atom: `${e.name}.atom.xml`,
    json: `${e.name}.json`,
    title: e.title,
    description: e.description ?? describeFilter(e.filter, site.description),
    extra: e,
  }));
  const seen = new Map<string, string>();
  for (const spec of [main, daily, ...extra]) {
    for (const path of [spec.rss, spec.atom, spec.json]) {
      const other = seen.get(path);
      if (other !== undefined) {
        throw new Error(`feeds: "${spec.title}" and "${other}" would both write ${path}; rename the extra feed in pipeline.config.ts`);
      }
      seen.set(path, spec.title);
    }
  }
  return { main, daily, extra };
}

function describeFilter(filter: FeedFilter, fallback: string): string {
  const parts: string[] = [];
  if (filter.minVotes !== undefined) parts.push(`at least ${filter.minVotes} votes`);
  if (filter.authors?.length) parts.push(`by ${filter.authors.join(', ')}`);
  if (filter.query !== undefined) parts.push(`matching "${filter.query}"`);
  return parts.length ? `Papers ${parts.join(', ')}.` : fallback;
}

/** Every feed the step writes, in a stable order: main, daily, then the extra feeds as configured. */
export function listFeeds(config: Config): FeedLink[] {
  const { main, daily, extra } = feedSpecs(config);
  return [main, daily, ...extra].flatMap((spec) => [
    { title: `${spec.title} (RSS)`, path: spec.rss, type: 'application/rss+xml' as const },
    { title: `${spec.title} (Atom)`, path: spec.atom, type: 'application/atom+xml' as const },
    { title: `${spec.title} (JSON Feed)`, path: spec.json, type: 'application/feed+json' as const },
  ]);
}

// ---------------------------------------------------------------------------
// Dates: wall-clock time in an IANA zone -> instant, without the process TZ

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new Error(`feeds.timezone: "${timeZone}" is not an IANA time zone this Node.js knows`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(timeZone: string, utcMs: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** `YYYY-MM-DD` at `HH:MM` local time in `timeZone`, as epoch ms (null for an invalid date). */
const zonedCache = new Map<string, number | null>();

export function zonedTime(date: string, time: string, timeZone: string): number | null {
  const key = `${date} ${time} ${timeZone}`;
  let value = zonedCache.get(key);
  if (value === undefined) zonedCache.set(key, (value = computeZonedTime(date, time, timeZone)));
  return value;
}

function computeZonedTime(date: string, time: string, timeZone: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const check = new Date(wall);
  if (check.getUTCFullYear() !== Number(d[1]) || check.getUTCMonth() !== Number(d[2]) - 1 || check.getUTCDate() !== Number(d[3])) return null;
  // Two passes settle DST transitions (a gap resolves forward, an overlap to the earlier offset).
  let utc = wall - offsetAt(timeZone, wall);
  const second = wall - offsetAt(timeZone, utc);
  if (second !== utc) utc = second;
  return utc;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------------------------------------------------------------------------
// Items

interface FeedItem {
  id: string;
  /** RSS isPermaLink: the id is a URL that shows the item. */
  permalink: boolean;
  link: string;
  title: string;
  published: number;
  updated: number;
  html: string;
  /** Plain text for JSON Feed `summary`. */
  summary: string;
  authors: string[];
  thumbnail: string | null;
  externalUrl: string | null;
}

interface FeedMeta {
  title: string;
  description: string;
  home: string;
  self: { rss: string; atom: string; json: string };
  language: string;
  /** Newest item date; the fallback when the feed has no items. */
  updated: number;
  siteTitle: string;
}

/** An absolute http(s) URL, resolving relative ones against Hugging Face (where the digests link). */
const absUrl = absoluteUrl;

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** A thumbnail URL whose image type is known from its path, or null (videos, unknown types). */
export function imageThumbnail(url: string | null): string | null {
  const abs = absUrl(url);
  if (!abs) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(abs).pathname)?.[1]?.toLowerCase();
  return ext !== undefined && IMAGE_TYPES[ext] ? abs : null;
}

/** RFC 4122 version 5 UUID (SHA-1, URL namespace) of a name. */
function uuidV5(name: string): string {
  const ns = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The stable id of a paper: `https://arxiv.org/abs/<id>` for arXiv papers; for
 * others the absolute source URL the id was derived from (a permalink), or, when
 * there is none, `urn:uuid:` + UUIDv5 of the paper id (not a permalink).
 */
export function paperGuid(paper: Paper): { id: string; permalink: boolean } {
  if (ARXIV_ID.test(paper.id)) return { id: `https://arxiv.org/abs/${paper.id}`, permalink: true };
  const abs = absUrl(paper.links.abs);
  if (abs) return { id: abs, permalink: true };
  return { id: `urn:uuid:${uuidV5(`daily-papers-feeds:paper:${paper.id}`)}`, permalink: false };
}

function paperLinks(paper: Paper): { abs: string | null; pdf: string | null; hf: string | null } {
  const arxiv = ARXIV_ID.test(paper.id);
  return {
    abs: absUrl(paper.links.abs) ?? (arxiv ? `https://arxiv.org/abs/${paper.id}` : null),
    pdf: absUrl(paper.links.pdf),
    hf: absUrl(paper.links.huggingface) ?? (arxiv ? `${HF}papers/${paper.id}` : null),
  };
}

interface TimedPaper {
  paper: Paper;
  published: number;
  updated: number;
}

/**
 * Publication times: the first digest date at the configured time of day in the
 * configured zone, minus one second per rank within that day (rank = digest order,
 * i.e. source file then line), so that items of one day have distinct times and
 * the day's first paper is the newest. `updated` is the same time on the last
 * digest date that listed the paper: a paper's data (votes, version, summary) only
 * changes when a later digest lists it again.
 */
function timePapers(ctx: StepContext, papers: Paper[]): TimedPaper[] {
  const { timezone, time } = ctx.config.feeds;
  const byDate = new Map<string, Paper[]>();
  for (const p of papers) {
    const list = byDate.get(p.date);
    if (list) list.push(p);
    else byDate.set(p.date, [p]);
  }
  const out: TimedPaper[] = [];
  for (const [date, list] of byDate) {
    list.sort((a, b) => compareStrings(a.source.file, b.source.file) || a.source.line - b.source.line || compareStrings(a.id, b.id));
    const base = zonedTime(date, time, timezone);
    list.forEach((paper, rank) => {
      const last = paper.dates.length ? paper.dates[paper.dates.length - 1]! : date;
      const lastBase = zonedTime(last, time, timezone);
      if (base === null) {
        ctx.file(paper.source.file).message(`paper ${paper.id} has an invalid date "${date}"; it is left out of the feeds`, {
          place: { line: paper.source.line, column: 1 },
          ruleId: 'feed-invalid-date',
          source: 'pipeline:feeds',
        });
        return;
      }
      const published = base - rank * 1000;
      const updated = Math.max(published, (lastBase ?? base) - rank * 1000);
      out.push({ paper, published, updated });
    });
  }
  // Newest first; ties cannot happen within a day, across days the id decides.
  return out.sort((a, b) => b.published - a.published || compareStrings(a.paper.id, b.paper.id));
}

function authorNames(paper: Paper): string[] {
  return paper.authors.map((a) => cleanLine(a.name)).filter((n) => n !== '');
}

function paperTitle(paper: Paper): string {
  return cleanLine(paper.title) || paper.id;
}

function linkList(links: { abs: string | null; pdf: string | null; hf: string | null }): Element | null {
  const parts: [string, string | null][] = [
    [links.abs && new URL(links.abs).hostname.endsWith('arxiv.org') ? 'arXiv' : 'Source', links.abs],
    ['PDF', links.pdf],
    ['Hugging Face', links.hf],
  ];
  const anchors = parts.filter((p): p is [string, string] => p[1] !== null).map(([label, href]) => h('a', { href }, [label]));
  if (!anchors.length) return null;
  return h('p', {}, anchors.flatMap((a, i) => (i ? [' · ', a] : [a])));
}

function paperItem(config: Config, site: string, t: TimedPaper): FeedItem {
  const { paper } = t;
  const guid = paperGuid(paper);
  const links = paperLinks(paper);
  const title = paperTitle(paper);
  const authors = authorNames(paper);
  const thumbnail = imageThumbnail(paper.thumbnail);
  const preferred = config.feeds.link === 'arxiv' ? (links.abs ?? links.hf) : (links.hf ?? links.abs);
  const link = preferred ?? (guid.permalink ? guid.id : site);
  const html = toHtml([
    thumbnail ? h('p', {}, [h('img', { src: thumbnail, alt: '' })]) : null,
    authors.length ? h('p', {}, [h('strong', {}, ['Authors']), ': ', authors.join(', ') + (paper.authorsTruncated ? ', …' : '')]) : null,
    paper.votes !== null ? h('p', {}, [h('strong', {}, ['Votes']), `: ${paper.votes}`]) : null,
    summaryHast(paper.summary),
    linkList(links),
  ]);
  const first = paper.summary[0];
  return {
    id: guid.id,
    permalink: guid.permalink,
    link,
    title,
    published: t.published,
    updated: t.updated,
    html,
    summary: first ? summaryText(first) : '',
    authors,
    thumbnail,
    externalUrl: links.abs && links.abs !== link ? links.abs : null,
  };
}

interface Day {
  date: string;
  published: number;
  papers: Paper[];
}

/**
 * One item per digest day: the papers whose `dates` include the day, those first
 * listed that day in digest order, then those listed again. Id and link are the
 * day's Hugging Face page (the digest's source). A day's digest does not change
 * once published, so `updated` equals `published`.
 */
function dayItem(config: Config, day: Day): FeedItem {
  const link = `${HF}papers/date/${day.date}`;
  const entries = day.papers.map((paper) => {
    const links = paperLinks(paper);
    const target = config.feeds.link === 'arxiv' ? (links.abs ?? links.hf) : (links.hf ?? links.abs);
    const title = paperTitle(paper);
    const authors = authorNames(paper);
    const first = paper.summary[0];
    return h('li', {}, [
      target ? h('a', { href: target }, [title]) : title,
      authors.length ? h('br', {}) : null,
      authors.length ? h('em', {}, [authors.slice(0, 5).join(', ') + (authors.length > 5 || paper.authorsTruncated ? ', …' : '')]) : null,
      first ? h('p', {}, [summaryText(first)]) : null,
    ]);
  });
  return {
    id: link,
    permalink: true,
    link,
    title: `Daily Papers ${day.date} (${day.papers.length})`,
    published: day.published,
    updated: day.published,
    html: toHtml([h('ol', {}, entries)]),
    summary: day.papers.map(paperTitle).slice(0, 10).join(' · '),
    // The day's authors are listed in the content; the entry itself has the feed's author.
    authors: [],
    thumbnail: null,
    externalUrl: null,
  };
}

// ---------------------------------------------------------------------------
// Serializers

/** Text for an xml-js `_text` or element string: xml-js un-escapes `&amp;` then escapes `& < >`. */
function xt(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;');
}

/** An attribute value for xml-js, which only escapes `"`. */
function xa(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function replaceOnce(xml: string, search: string, replacement: string): string {
  const at = xml.indexOf(search);
  if (at < 0) throw new Error(`feeds: unexpected output from the feed package (missing ${search})`);
  return xml.slice(0, at) + replacement + xml.slice(at + search.length);
}

function rss(meta: FeedMeta, items: FeedItem[]): string {
  const feed = new Feed({
    title: xt(meta.title),
    description: xt(meta.description),
    link: meta.home,
    language: xt(meta.language),
    updated: new Date(meta.updated),
    generator: GENERATOR,
    feedLinks: { rss: meta.self.rss },
  });
  for (const item of items) {
    const extensions: Extension[] = [
      // Written as escaped text: the package's CDATA splits only the first `]]>`.
      { name: 'title', objects: { _text: xt(item.title) } },
      { name: 'guid', objects: { _text: xt(item.id), _attributes: { isPermaLink: String(item.permalink) } } },
    ];
    if (item.authors.length) extensions.push({ name: 'dc:creator', objects: item.authors.map((a) => ({ _text: xt(a) })) as never });
    if (item.thumbnail) extensions.push({ name: 'media:thumbnail', objects: { _attributes: { url: xa(item.thumbnail) } } });
    const entry: Item = {
      title: '',
      link: item.link,
      guid: item.id,
      date: new Date(item.published),
      description: item.html,
      extensions,
    };
    feed.addItem(entry);
  }
  const xml = feed.rss2();
  return (
    replaceOnce(
      xml,
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    ) + '\n'
  );
}

function atom(meta: FeedMeta, items: FeedItem[]): string {
  const feed = new Feed({
    id: meta.self.atom,
    title: xt(meta.title),
    description: xt(meta.description),
    link: meta.home,
    updated: new Date(meta.updated),
    generator: GENERATOR,
    feedLinks: { atom: meta.self.atom },
    // Atom requires an author on every entry unless the feed has one; papers without authors exist.
    author: { name: xt(meta.siteTitle), link: meta.home },
  });
  for (const item of items) {
    feed.addItem({
      // Escaped here, so the CDATA section holds no `]]>` and becomes type="text" below.
      title: escapeHtml(item.title),
      id: item.id,
      link: item.link,
      date: new Date(item.updated),
      published: new Date(item.published),
      content: item.html,
      ...(item.authors.length ? { author: item.authors.map((name) => ({ name: xt(name) })) } : {}),
    });
  }
  let xml = feed.atom1();
  xml = replaceOnce(
    xml,
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${xa(meta.language)}">`,
  );
  // The package declares entry titles type="html" inside CDATA. The CDATA holds the
  // XML-escaped title (no `]]>` can occur), so unwrapping it gives a plain type="text" title.
  let titles = 0;
  xml = xml.replace(/<title type="html"><!\[CDATA\[([^]*?)\]\]><\/title>/g, (_m, text: string) => {
    titles++;
    return `<title type="text">${text}</title>`;
  });
  if (titles !== items.length) throw new Error(`feeds: expected ${items.length} Atom entry titles, found ${titles}`);
  // media:thumbnail right after each entry's unique <id> (the package writes new URL(id).toString(), text-escaped).
  const thumbs = new Map<string, string>();
  for (const item of items) if (item.thumbnail) thumbs.set(escText(new URL(item.id).toString()), item.thumbnail);
  let inserted = 0;
  xml = xml.replace(/<id>([^<]*)<\/id>/g, (element, id: string) => {
    const thumb = thumbs.get(id);
    if (thumb === undefined) return element;
    inserted++;
    return `${element}\n        <media:thumbnail url="${escXml(cleanText(thumb))}"/>`;
  });
  if (inserted !== thumbs.size) throw new Error(`feeds: expected ${thumbs.size} Atom thumbnails, inserted ${inserted}`);
  return xml + '\n';
}

function jsonFeed(meta: FeedMeta, items: FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: cleanLine(meta.title),
    home_page_url: meta.home,
    feed_url: meta.self.json,
    description: cleanText(meta.description),
    language: meta.language,
    authors: [{ name: cleanLine(meta.siteTitle), url: meta.home }],
    items: items.map((item) => ({
      id: item.id,
      url: item.link,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: item.title,
      content_html: item.html,
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.thumbnail ? { image: item.thumbnail } : {}),
      date_published: isoSeconds(item.published),
      date_modified: isoSeconds(item.updated),
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
    })),
  };
  return JSON.stringify(feed, null, 2) + '\n';
}

// ---------------------------------------------------------------------------
// The step

function siteBase(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.search = '';
  u.hash = '';
  return u.href;
}

function meta(config: Config, spec: FeedSpec, updated: number): FeedMeta {
  const base = siteBase(config.site.url);
  return {
    title: spec.title,
    description: spec.description,
    home: base,
    self: { rss: new URL(spec.rss, base).href, atom: new URL(spec.atom, base).href, json: new URL(spec.json, base).href },
    language: config.site.language,
    updated,
    siteTitle: config.site.title,
  };
}

function render(config: Config, spec: FeedSpec, items: FeedItem[], fallbackUpdated: number): Artifact[] {
  const updated = items.length ? Math.max(...items.map((i) => i.updated)) : fallbackUpdated;
  const m = meta(config, spec, updated);
  return [
    { path: spec.rss, data: rss(m, items) },
    { path: spec.atom, data: atom(m, items) },
    { path: spec.json, data: jsonFeed(m, items) },
  ];
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

/** Every feed of the dataset; `search` gives the paper ids of a saved query (the index step's). Count: `artifacts`. */
export async function feedsStep(
  ctx: StepContext,
  { dataset, search }: { dataset: Dataset; search: (q: string) => string[] },
): Promise<StepResult<Artifact[]>> {
  const config = ctx.config;
  const specs = feedSpecs(config);
  const site = siteBase(config.site.url);
  const timed = timePapers(ctx, dataset.papers);
  // Feeds without items still need a date: the newest paper of the dataset, else the epoch. Never the clock.
  const newest = timed.length ? Math.max(...timed.map((t) => t.updated)) : 0;
  const items = new Map<Paper, FeedItem>();
  const itemOf = (t: TimedPaper) => {
    let item = items.get(t.paper);
    if (!item) items.set(t.paper, (item = paperItem(config, site, t)));
    return item;
  };

  const artifacts: Artifact[] = [];
  const limit = config.feeds.limit;
  artifacts.push(...render(config, specs.main, timed.slice(0, limit).map(itemOf), newest));

  // Daily digest: group by every listing date.
  const days = new Map<string, { first: TimedPaper[]; again: TimedPaper[] }>();
  for (const t of timed) {
    for (const date of new Set(t.paper.dates.length ? t.paper.dates : [t.paper.date])) {
      let day = days.get(date);
      if (!day) days.set(date, (day = { first: [], again: [] }));
      (date === t.paper.date ? day.first : day.again).push(t);
    }
  }
  const dayList: Day[] = [];
  for (const [date, { first, again }] of days) {
    const published = zonedTime(date, config.feeds.time, config.feeds.timezone);
    if (published === null) continue; // reported per paper by timePapers
    const order = (a: TimedPaper, b: TimedPaper) => b.published - a.published || compareStrings(a.paper.id, b.paper.id);
    dayList.push({ date, published, papers: [...first.sort(order), ...again.sort(order)].map((t) => t.paper) });
  }
  dayList.sort((a, b) => b.published - a.published);
  const dailyItems = dayList.slice(0, config.feeds.dailyLimit).map((d) => dayItem(config, d));
  artifacts.push(...render(config, specs.daily, dailyItems, newest));

  const known = new Set(dataset.authors.map((a) => a.key));
  for (const spec of specs.extra) {
    const filter = spec.extra.filter;
    for (const key of filter.authors ?? []) {
      if (!known.has(key)) ctx.logger.info(`feeds: extra feed "${spec.extra.name}" names author key "${key}", which no paper has`);
    }
    const keep = matches(filter, search);
    const selected = timed.filter((t) => keep(t.paper));
    artifacts.push(...render(config, spec, selected.slice(0, limit).map(itemOf), newest));
  }
  ctx.logger.info(`feeds: ${artifacts.length} files, ${Math.min(limit, timed.length)} papers in the main feed, ${dailyItems.length} days`);
  return { value: artifacts, counts: { artifacts: artifacts.length } };
}
