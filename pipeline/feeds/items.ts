/**
 * Feed items: what one paper, or one digest day, becomes in every feed format — id, link,
 * title, times, HTML content, plain-text summary, authors, thumbnail. Format-neutral: the
 * serializers (rss.ts, atom.ts, json-feed.ts) only write these fields.
 *
 * Decisions:
 * - id: `https://arxiv.org/abs/<id>` (a permalink); a non-arXiv paper uses its absolute source
 *   URL (a permalink), or `urn:uuid:` + UUIDv5 of its id when the source URL is unusable (not a
 *   permalink). A day uses its Hugging Face page `https://huggingface.co/papers/date/<date>`.
 * - link: the paper's Hugging Face page or its arXiv/source page, as `site.link` says, the other
 *   one when that is missing.
 * - thumbnail: only an image type known from the URL's extension (feeds cannot say the type).
 */
import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { parseArxiv } from '../../src/arxiv.ts';
import type { Paper } from '../../src/types.ts';
import { feedWords, type FeedWords } from '../../src/feed-words.ts';
import { HUGGING_FACE } from '../../src/url.ts';
import type { FeedSite } from './site.ts';
import { bulletHast, feedUrl, h, summaryParts, toHtml } from './summary-html.ts';
import type { ListingDay } from './time.ts';
import { xmlSafeLine } from './xml.ts';

export interface FeedItem {
  /** Atom id, RSS guid, JSON Feed id: a URL or a `urn:uuid:` URN. */
  id: string;
  /** RSS isPermaLink: the id is a URL that shows the item. */
  permalink: boolean;
  /** Absolute http(s) URL. */
  link: string;
  /** Plain text, one line. */
  title: string;
  /** Epoch ms. */
  published: number;
  /** Epoch ms, never before `published`. */
  updated: number;
  /** Sanitized HTML; never contains `]]>`. */
  html: string;
  /** Plain text for JSON Feed `summary` (may be empty). */
  summary: string;
  /** Author names, one line each; empty when the item has none of its own. */
  authors: string[];
  /** The author line RSS and Atom readers show (bylineOf), or '' when the item has no authors. */
  byline: string;
  /** Absolute URL of an image with a known type, or null. */
  thumbnail: string | null;
  /** The arXiv/source page when it is not already `link` (JSON Feed `external_url`), or null. */
  externalUrl: string | null;
}

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
  const abs = feedUrl(url);
  if (!abs) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(abs).pathname)?.[1]?.toLowerCase();
  return ext !== undefined && IMAGE_TYPES[ext] ? abs : null;
}

/** Names a byline shows before `et al.` (`외` on a Korean site). */
const BYLINE_NAMES = 3;

/**
 * The authors as the one line a reader shows: up to three names, comma-separated, then `etAl`
 * (the site language's, src/feed-words.ts) when there are more, or when the digest's list was
 * itself cut short (`truncated`: a `+` in it). The item's HTML lists every name; JSON Feed keeps
 * each author.
 * Readers show one author per RSS item or Atom entry: newsboat keeps the last of several
 * `dc:creator`, feedparser falls back to the feed's author for an entry with several authors.
 */
export function bylineOf(authors: readonly string[], etAl = feedWords('en').etAl, truncated = false): string {
  const shown = authors.slice(0, BYLINE_NAMES).join(', ');
  return shown !== '' && (authors.length > BYLINE_NAMES || truncated) ? `${shown}${etAl}` : shown;
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

/** The arXiv abs page when the paper id is a canonical arXiv id (src/arxiv.ts), else null. */
function arxivAbs(paper: Paper): string | null {
  const ref = parseArxiv(paper.id);
  return ref !== null && ref.id === paper.id ? ref.links.abs : null;
}

/**
 * The stable id of a paper: `https://arxiv.org/abs/<id>` for arXiv papers; for
 * others the absolute source URL the id was derived from (a permalink), or, when
 * there is none, `urn:uuid:` + UUIDv5 of the paper id (not a permalink).
 */
export function paperGuid(paper: Paper): { id: string; permalink: boolean } {
  const arxiv = arxivAbs(paper);
  if (arxiv !== null) return { id: arxiv, permalink: true };
  const abs = feedUrl(paper.links.abs);
  if (abs) return { id: abs, permalink: true };
  return { id: `urn:uuid:${uuidV5(`daily-papers-feeds:paper:${paper.id}`)}`, permalink: false };
}

interface ItemLinks {
  abs: string | null;
  pdf: string | null;
  hf: string | null;
}

/** The paper's links as absolute http(s) URLs; an arXiv paper without links gets its arXiv and Hugging Face pages. */
function paperLinks(paper: Paper): ItemLinks {
  const arxiv = arxivAbs(paper);
  return {
    abs: feedUrl(paper.links.abs) ?? arxiv,
    pdf: feedUrl(paper.links.pdf),
    hf: feedUrl(paper.links.huggingface) ?? (arxiv !== null ? `${HUGGING_FACE}papers/${paper.id}` : null),
  };
}

/** The link `site.link` prefers, else the other one. */
function preferredLink(site: FeedSite, links: ItemLinks): string | null {
  return site.link === 'arxiv' ? (links.abs ?? links.hf) : (links.hf ?? links.abs);
}

function authorNames(paper: Paper): string[] {
  return paper.authors.map((a) => xmlSafeLine(a.name)).filter((n) => n !== '');
}

function paperTitle(paper: Paper): string {
  return xmlSafeLine(paper.title) || paper.id;
}

/** `[label, href]` pairs as one line of links separated by ` · `; null for none. */
function linkLine(links: readonly [string, string][]): Element | null {
  if (!links.length) return null;
  return h('p', {}, links.flatMap(([label, href], i) => (i ? [' · ', h('a', { href }, [label])] : [h('a', { href }, [label])])));
}

function linkList(links: ItemLinks, words: FeedWords): Element | null {
  const parts: [string, string | null][] = [
    [links.abs && new URL(links.abs).hostname.endsWith('arxiv.org') ? 'arXiv' : words.source, links.abs],
    ['PDF', links.pdf],
    ['Hugging Face', links.hf],
  ];
  return linkLine(parts.filter((p): p is [string, string] => p[1] !== null));
}

/**
 * A paper's media (the videos a digest links: `Paper.media`) as one line of links, numbered
 * when there are several; null for none. Each URL once, absolute http(s) only (`feedUrl`).
 */
function mediaLinks(paper: Paper, words: FeedWords): Element | null {
  const urls = [...new Set(paper.media.map((u) => feedUrl(u)).filter((u): u is string => u !== null))];
  return linkLine(urls.map((href, i): [string, string] => [urls.length > 1 ? `${words.video} ${i + 1}` : words.video, href]));
}

/**
 * One paper's item: thumbnail, authors, votes, video links, summary and links as HTML; the link
 * falls back to the id when it is a permalink, else to the site. `published`/`updated` in epoch ms.
 */
export function paperItem(site: FeedSite, paper: Paper, published: number, updated: number): FeedItem {
  const guid = paperGuid(paper);
  const links = paperLinks(paper);
  const title = paperTitle(paper);
  const authors = authorNames(paper);
  const thumbnail = imageThumbnail(paper.thumbnail);
  const link = preferredLink(site, links) ?? (guid.permalink ? guid.id : site.base);
  const summary = summaryParts(paper.summary);
  const words = feedWords(site.language);
  const html = toHtml([
    thumbnail ? h('p', {}, [h('img', { src: thumbnail, alt: '' })]) : null,
    authors.length ? h('p', {}, [h('strong', {}, [words.authors]), ': ', authors.join(', ') + (paper.authorsTruncated ? words.etAl : '')]) : null,
    paper.votes !== null ? h('p', {}, [h('strong', {}, [words.votes]), `: ${paper.votes}`]) : null,
    mediaLinks(paper, words),
    summary.hast,
    linkList(links, words),
  ]);
  return {
    id: guid.id,
    permalink: guid.permalink,
    link,
    title,
    published,
    updated,
    html,
    summary: summary.text,
    authors,
    byline: bylineOf(authors, words.etAl, paper.authorsTruncated),
    thumbnail,
    externalUrl: links.abs && links.abs !== link ? links.abs : null,
  };
}

/**
 * An ordered list of papers: title linked, votes when `votes`, up to five authors, the first
 * summary bullet rendered as the paper items render it (bulletHast: nested items kept apart).
 */
function paperList(site: FeedSite, papers: readonly Paper[], votes: boolean): Element {
  const words = feedWords(site.language);
  return h(
    'ol',
    {},
    papers.map((paper) => {
      const target = preferredLink(site, paperLinks(paper));
      const title = paperTitle(paper);
      const authors = authorNames(paper);
      const first = paper.summary[0];
      return h('li', {}, [
        target ? h('a', { href: target }, [title]) : title,
        votes && paper.votes !== null ? words.listVotes(paper.votes) : null,
        authors.length ? h('br', {}) : null,
        authors.length ? h('em', {}, [authors.slice(0, 5).join(', ') + (authors.length > 5 || paper.authorsTruncated ? words.etAl : '')]) : null,
        ...(first ? bulletHast(first) : []),
      ]);
    }),
  );
}

/**
 * One item per digest day: an ordered list of the day's papers (see paperList). Id and link are
 * the day's Hugging Face page (the digest's source). A day's digest does not change once
 * published, so `updated` equals `published`.
 */
export function dayItem(site: FeedSite, day: ListingDay): FeedItem {
  const link = `${HUGGING_FACE}papers/date/${day.date}`;
  return {
    id: link,
    permalink: true,
    link,
    title: feedWords(site.language).day(day.date, day.papers.length),
    published: day.published,
    updated: day.published,
    html: toHtml([paperList(site, day.papers, false)]),
    summary: day.papers.map(paperTitle).slice(0, 10).join(' · '),
    // The day's authors are listed in the content; the entry itself has the feed's author.
    authors: [],
    byline: '',
    thumbnail: null,
    externalUrl: null,
  };
}

/** One ISO week of digests and its top papers (see weekly.ts). */
export interface WeekDigest {
  /** ISO 8601 week, `YYYY-Www`. */
  week: string;
  /** `YYYY-MM-DD` of its Monday and Sunday. */
  monday: string;
  sunday: string;
  /** Epoch ms: its first and its last digest day. */
  published: number;
  updated: number;
  /** The top papers, by votes. */
  top: Paper[];
  /** Papers first listed that week. */
  total: number;
}

/**
 * One item per ISO week: its top papers by votes as an ordered list (see paperList). Id and link
 * are the search page filtered to the week's dates (`?from=&to=`). `published` is the week's
 * first digest day, `updated` its last one: the item grows until the week ends.
 */
export function weekItem(site: FeedSite, week: WeekDigest): FeedItem {
  const link = `${site.base}?from=${week.monday}&to=${week.sunday}`;
  return {
    id: link,
    permalink: true,
    link,
    title: feedWords(site.language).week({ ...week, top: week.top.length }),
    published: week.published,
    updated: week.updated,
    html: toHtml([paperList(site, week.top, true)]),
    summary: week.top.map(paperTitle).join(' · '),
    authors: [],
    byline: '',
    thumbnail: null,
    externalUrl: null,
  };
}
