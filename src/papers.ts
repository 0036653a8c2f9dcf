/**
 * Merging digest listings into papers: one record per paper id across every digest and file.
 *
 * Merge rules (a paper listed more than once):
 * - `id`: the canonical arXiv id of the heading link (see src/arxiv.ts; a relative link resolves
 *   against Hugging Face first, src/url.ts); a non-arXiv link gets `url:<normalized URL>` and a
 *   `non-arxiv-link` warning. `links.abs` of such a paper is the link as an absolute http(s) URL;
 *   a link that is not http(s) (`javascript:`, `mailto:`) is dropped (`links.abs` null) with a
 *   `link-not-http` warning instead, and the paper is kept.
 * - The "first listing" is the one with the earliest digest date, then file path, then line.
 *   `title`, `source`, `thumbnail` (first non-null in listing order), `authors` order and the first
 *   summary items come from it.
 * - `date` = the earliest digest date; `dates` = every distinct digest date, ascending.
 * - `votes` = the highest vote seen; null only when every listing was unknown.
 * - `version` = the highest arXiv version seen in a link, or null.
 * - `authors`: the first listing's authors, then any author (by key) that only a later listing
 *   names. `authorsTruncated` is true only when every listing was truncated (a complete listing
 *   wins).
 * - `summary`: the first listing's items, as they are. A later listing whose summary differs (in
 *   any item's label or text) from the first one and from every other kept one is kept whole in
 *   `listings` (`{ date, summary }`, in listing order); equal summaries are kept once. So no
 *   summary is lost, and none is mixed into another or shown twice.
 * - `media`: the union, in listing order.
 * - `first`: what the first listing said for the fields a later listing can change — `votes`,
 *   `version`, `thumbnail`, `media`, `authorCount` (how many of `authors` it named: they come
 *   first) and `authorsTruncated` — each key only when it differs from the merged value, and
 *   `first` only when some key does (papers.json stays small: a paper listed once never has it).
 *   `asFirstListed` rebuilds the paper as first listed: the archive documents show that, so a
 *   complete month's archive keeps its bytes when a later digest lists its papers again
 *   (docs/feeds.md#archives).
 *
 * Anomalies reported through `warn` (never dropping data):
 * - `duplicate-paper`: the same paper twice in one digest (same date);
 * - `duplicate-digest-date`: the same digest date in two files (reported once per extra file).
 *
 * Order of the result: newest `date` first, then votes descending (null last), then id
 * (code-point order). Pure and deterministic.
 */
import type { AuthorRef, DigestEntry, FirstListing, Listing, Paper, PaperLinks, SummaryItem } from './types.ts';
import { compareStrings } from './compare.ts';
import { parseArxiv, urlPaperId } from './arxiv.ts';
import { authorKey } from './authors.ts';
import { absoluteHttpUrl } from './url.ts';

export type Warn = (entry: DigestEntry, reason: string, ruleId: string) => void;

export interface Identified {
  id: string;
  version: string | null;
  links: PaperLinks;
  arxiv: boolean;
}

/**
 * The paper id, version and links of one listing's heading URL (as written). An arXiv reference
 * is recognized as written or once resolved against Hugging Face (`/papers/2404.03715`). Any
 * other link keeps an id derived from it (`url:…`, src/arxiv.ts) and `links.abs` = the link as an
 * absolute http(s) URL, or null when it is not one.
 */
export function identify(url: string): Identified {
  const abs = absoluteHttpUrl(url.trim());
  const ref = parseArxiv(url) ?? (abs === null ? null : parseArxiv(abs));
  if (ref) return { id: ref.id, version: ref.version, links: ref.links, arxiv: true };
  return { id: urlPaperId(abs ?? url), version: null, links: { abs, pdf: null, huggingface: null }, arxiv: false };
}

/** Listing order: date, then file, then line, then column. */
export function compareListings(a: DigestEntry, b: DigestEntry): number {
  return (
    compareStrings(a.date, b.date) ||
    compareStrings(a.source.file, b.source.file) ||
    a.source.line - b.source.line ||
    a.source.column - b.source.column
  );
}

const versionNumber = (v: string | null): number => (v === null ? -1 : Number(v.slice(1)));

function where(e: DigestEntry): string {
  return `${e.source.file}:${e.source.line}:${e.source.column}`;
}

/** Dedupe one listing's author names by key, keeping the first spelling. */
export function authorRefs(names: readonly string[]): AuthorRef[] {
  const seen = new Set<string>();
  const out: AuthorRef[] = [];
  for (const name of names) {
    const key = authorKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, key });
  }
  return out;
}

/** What makes two summaries the same: every item's label and plain text, in order. */
function summaryKey(items: readonly SummaryItem[]): string {
  return JSON.stringify(items.map((s) => [s.label, s.text]));
}

/**
 * The first listing's values that differ from the merged ones (see the file comment), or null
 * when none does. Keys in a fixed order, so papers.json is the same bytes on every run.
 */
function firstListing(
  first: DigestEntry,
  firstVersion: string | null,
  merged: Pick<Paper, 'votes' | 'version' | 'thumbnail' | 'media' | 'authors' | 'authorsTruncated'>,
): FirstListing | null {
  const out: FirstListing = {};
  if (first.votes !== merged.votes) out.votes = first.votes;
  if (firstVersion !== merged.version) out.version = firstVersion;
  if (first.thumbnail !== merged.thumbnail) out.thumbnail = first.thumbnail;
  // The merged media and authors start with the first listing's, so a length tells them apart.
  if (first.media.length !== merged.media.length) out.media = [...first.media];
  const authorCount = authorRefs(first.authors).length;
  if (authorCount !== merged.authors.length) out.authorCount = authorCount;
  if (first.authorsTruncated !== merged.authorsTruncated) out.authorsTruncated = first.authorsTruncated;
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * The paper as its first listing showed it: `votes`, `version`, `thumbnail`, `media`, `authors`
 * (the first `authorCount`) and `authorsTruncated` from `first` where it has them, `dates` =
 * `[date]`, no `listings` and no `first`; title, summary, links and source are the first
 * listing's already. What archive documents show (pipeline/feeds/plan.ts). A paper listed once
 * is returned as it is; otherwise a new object (the paper is not changed).
 */
export function asFirstListed(paper: Paper): Paper {
  if (paper.first === undefined && paper.listings === undefined && paper.dates.length <= 1) return paper;
  const f = paper.first ?? {};
  // Every field named, in a paper's own order (src/papers.ts builds them so), rather than
  // spread: a paper may keep fields in getters (pipeline/cache/lazy-paper.ts).
  return {
    id: paper.id,
    version: f.version !== undefined ? f.version : paper.version,
    title: paper.title,
    date: paper.date,
    dates: [paper.date],
    votes: f.votes !== undefined ? f.votes : paper.votes,
    authors: f.authorCount !== undefined ? paper.authors.slice(0, f.authorCount) : paper.authors,
    authorsTruncated: f.authorsTruncated ?? paper.authorsTruncated,
    summary: paper.summary,
    thumbnail: f.thumbnail !== undefined ? f.thumbnail : paper.thumbnail,
    media: f.media ?? paper.media,
    links: paper.links,
    source: paper.source,
  };
}

/** Sort papers: newest date first, then votes descending (null last), then id. */
export function comparePapers(a: Paper, b: Paper): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const va = a.votes ?? -1;
  const vb = b.votes ?? -1;
  if (va !== vb) return vb - va;
  return compareStrings(a.id, b.id);
}

/**
 * Merge listings into papers. `warn` receives anomalies (with the listing they concern);
 * see the file comment for the rules.
 */
export function mergeEntries(entries: readonly DigestEntry[], warn: Warn = () => {}): Paper[] {
  const sorted = [...entries].sort(compareListings);

  // Same digest date in two files: one warning per extra file, at its first listing of that date.
  const dateFile = new Map<string, DigestEntry>();
  const reportedDateFile = new Set<string>();
  for (const e of sorted) {
    const first = dateFile.get(e.date);
    if (!first) dateFile.set(e.date, e);
    else if (first.source.file !== e.source.file && !reportedDateFile.has(`${e.date}\u0000${e.source.file}`)) {
      reportedDateFile.add(`${e.date}\u0000${e.source.file}`);
      warn(
        e,
        `Digest ${e.date} also appears in ${first.source.file}; the listings of both files are merged`,
        'duplicate-digest-date',
      );
    }
  }

  const groups = new Map<string, { ident: Identified[]; entries: DigestEntry[] }>();
  for (const e of sorted) {
    const ident = identify(e.url);
    if (!ident.arxiv && ident.links.abs === null) {
      warn(
        e,
        `Link is neither an arXiv paper nor an http(s) URL: \`${e.url}\`; the link is dropped and the paper is kept with the id \`${ident.id}\``,
        'link-not-http',
      );
    } else if (!ident.arxiv) {
      warn(
        e,
        `Link is not an arXiv paper: \`${e.url}\`; the paper is kept with the id \`${ident.id}\``,
        'non-arxiv-link',
      );
    }
    let g = groups.get(ident.id);
    if (!g) {
      g = { ident: [], entries: [] };
      groups.set(ident.id, g);
    }
    const twin = g.entries.find((x) => x.date === e.date);
    if (twin) {
      warn(
        e,
        `Paper \`${ident.id}\` is listed twice in digest ${e.date} (first at ${where(twin)}); the listings are merged`,
        'duplicate-paper',
      );
    }
    g.ident.push(ident);
    g.entries.push(e);
  }

  const papers: Paper[] = [];
  for (const [id, g] of groups) {
    const first = g.entries[0]!;
    const firstIdent = g.ident[0]!;
    let version: string | null = null;
    for (const i of g.ident) if (versionNumber(i.version) > versionNumber(version)) version = i.version;

    const dates = [...new Set(g.entries.map((e) => e.date))].sort(compareStrings);
    let votes: number | null = null;
    for (const e of g.entries) if (e.votes !== null && (votes === null || e.votes > votes)) votes = e.votes;

    const authors = authorRefs(first.authors);
    const keys = new Set(authors.map((a) => a.key));
    for (const e of g.entries.slice(1)) {
      for (const a of authorRefs(e.authors)) {
        if (!keys.has(a.key)) {
          keys.add(a.key);
          authors.push(a);
        }
      }
    }
    const authorsTruncated = g.entries.every((e) => e.authorsTruncated);

    const summary = first.summary.map((s) => ({ ...s }));
    const listings: Listing[] = [];
    const seenSummaries = new Set([summaryKey(summary)]);
    for (const e of g.entries.slice(1)) {
      const key = summaryKey(e.summary);
      if (e.summary.length === 0 || seenSummaries.has(key)) continue;
      seenSummaries.add(key);
      listings.push({ date: e.date, summary: e.summary.map((s) => ({ ...s })) });
    }

    const media: string[] = [];
    for (const e of g.entries) for (const m of e.media) if (!media.includes(m)) media.push(m);

    let thumbnail: string | null = null;
    for (const e of g.entries) {
      if (e.thumbnail !== null) {
        thumbnail = e.thumbnail;
        break;
      }
    }

    const firstSaid = firstListing(first, firstIdent.version, { votes, version, thumbnail, media, authors, authorsTruncated });

    papers.push({
      id,
      version,
      title: first.title,
      date: dates[0]!,
      dates,
      votes,
      authors,
      authorsTruncated,
      summary,
      ...(listings.length > 0 ? { listings } : {}),
      ...(firstSaid !== null ? { first: firstSaid } : {}),
      thumbnail,
      media,
      links: firstIdent.links,
      source: { file: first.source.file, line: first.source.line },
    });
  }
  return papers.sort(comparePapers);
}
