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
  /** The arXiv abstract page, or the source URL for a paper that has no arXiv ID. */
  abs: string;
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
  /** Plain-text title, whitespace collapsed. */
  title: string;
  /** The heading link as written (may be relative or non-arXiv). */
  url: string;
  thumbnail: string | null;
  votes: number | null;
  /** Author names as written, cleaned of list syntax, NFC, in source order (duplicates kept). */
  authors: string[];
  authorsTruncated: boolean;
  /** Where the `Authors:` line starts, when there is one: author diagnostics point here. */
  authorsAt?: { line: number; column: number };
  summary: SummaryItem[];
  media: string[];
  source: SourceRef & { column: number };
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
  authorsTruncated: boolean;
  summary: SummaryItem[];
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

