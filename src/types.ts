/**
 * The domain types shared by the pipeline, the search client and the page.
 * Pure declarations: nothing here may import `node:` modules.
 */

/** A location in an input file; `file` is relative to the input folder, lines and columns are 1-based. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One author of one paper, in source order. `key` is the folded identity shared across spellings. */
export interface AuthorRef {
  name: string;
  key: string;
}

/** One summary bullet. `text` is plain text, `markdown` the bullet's source markdown. */
export interface SummaryItem {
  label: string | null;
  text: string;
  markdown: string;
}

export interface PaperLinks {
  /**
   * The arXiv abstract page, or the source URL (absolute http(s)) for a paper that has no arXiv
   * ID; null when that source link is not an http(s) URL (it is dropped, src/papers.ts).
   */
  abs: string | null;
  pdf: string | null;
  huggingface: string | null;
}

/**
 * One paper heading exactly as one digest listed it, before papers are merged across days.
 * Produced by `parseDigest` (src/digest/parse.ts).
 */
export interface DigestEntry {
  /** The digest date, YYYY-MM-DD. */
  date: string;
  /** 0-based position of the paper within its digest section. */
  rank: number;
  /**
   * Plain-text title as CommonMark reads the link text (code spans without backticks, character
   * references decoded, emphasis marks gone), invisible characters out (src/text.ts),
   * whitespace collapsed.
   */
  title: string;
  /** The heading link as written (may be relative or non-arXiv). */
  url: string;
  /** Absolute http(s) URL (src/url.ts), or null. */
  thumbnail: string | null;
  votes: number | null;
  /** Author names as written, cleaned of list syntax, NFC, in source order (duplicates kept). */
  authors: string[];
  /** The list does not name every author (a `+` stood in it; see src/authors.ts). */
  authorsTruncated: boolean;
  /** Where the `Authors:` line starts, when there is one: author diagnostics point here. */
  authorsAt?: { line: number; column: number };
  /**
   * Per name of `authors`: the column (1-based, UTF-16 units) where it is written on the
   * `Authors:` line, or that line's start when the cleaned name is not found as written there
   * (list syntax, quotes or spacing changed it). Author diagnostics point at the name.
   */
  authorColumns?: number[];
  summary: SummaryItem[];
  /** Absolute http(s) URLs (src/url.ts), in source order, each once. */
  media: string[];
  source: SourceRef & { column: number };
}

/** Another listing of a paper, kept for its own summary. */
export interface Listing {
  /** Its digest date, YYYY-MM-DD. */
  date: string;
  summary: SummaryItem[];
}

/**
 * What a paper's first listing said, for the fields a later listing can change (src/papers.ts):
 * each key is present only when the first listing's value differs from the merged one, so the
 * merged value stands for a missing key. Archive documents show a paper as first listed
 * (docs/feeds.md#archives).
 */
export interface FirstListing {
  votes?: number | null;
  version?: string | null;
  thumbnail?: string | null;
  media?: string[];
  /** How many of the merged `authors` (a prefix) the first listing named. */
  authorCount?: number;
  authorsTruncated?: boolean;
}

/** One paper in the published dataset (`output/papers.json`). */
export interface Paper {
  /** Canonical arXiv ID without version ("2404.03715", "hep-th/9901001"), or a stable id derived from a non-arXiv URL. */
  id: string;
  /** The highest version seen in a link ("v2"), or null when links carried none. */
  version: string | null;
  title: string;
  /** The first digest that listed the paper. */
  date: string;
  /** Every digest date that listed it, ascending. */
  dates: string[];
  /** The highest vote count seen, or null when every listing was unknown. */
  votes: number | null;
  authors: AuthorRef[];
  /** No listing named every author (see src/authors.ts). */
  authorsTruncated: boolean;
  /** The first listing's summary. */
  summary: SummaryItem[];
  /**
   * The other listings whose summary differs from `summary` (and from each other), in listing
   * order; absent when there are none (src/papers.ts).
   */
  listings?: Listing[];
  /**
   * The first listing's values that differ from the merged ones; absent when none does
   * (src/papers.ts, `asFirstListed`).
   */
  first?: FirstListing;
  /** Absolute http(s) URL, or null. */
  thumbnail: string | null;
  media: string[];
  links: PaperLinks;
  source: SourceRef;
}

/** One person in `output/authors.json`. */
export interface AuthorRecord {
  key: string;
  /** The most frequent spelling; ties broken deterministically. */
  name: string;
  /** Every spelling seen, sorted. */
  spellings: string[];
  /** Paper ids, in dataset order. */
  papers: string[];
  count: number;
}

export interface Dataset {
  papers: Paper[];
  authors: AuthorRecord[];
}

