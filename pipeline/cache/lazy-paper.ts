/**
 * Papers read on demand. A `LazyPaper` holds the fields every paper of the dataset is read for
 * (`PaperStub`: id, title, dates, votes, source, its number of author keys, and whether it has a
 * history) and takes the others from its `PaperSource` on first read: its JSON line
 * (`JsonLines`) in one of the dataset cache's segment files (pipeline/cache/dataset-cache.ts), or
 * in papers.json on the feeds thread (pipeline/feeds/lazy-papers.ts). The search index asks for a paper's document key, which the
 * dataset cache keeps too (`docKeyOf`, pipeline/parse/vectors.ts). On a newest digest's run the old papers
 * are read only for what the stub holds, and the few read past it (the saved queries' hits) are
 * parsed alone: the 5,487 papers of the real archive are neither deserialized (about 0.15 s of
 * the main thread with its garbage collection) nor copied to the feeds thread (about 0.3 s of
 * CPU).
 *
 * A `LazyPaper` is the paper its source holds: every `Paper` field reads the same, and
 * `JSON.stringify` (its `toJSON`) gives the same text. What a caller must not do with one: spread
 * it, list its keys, `'field' in paper`, or serialize it with `v8.serialize` or `postMessage`
 * (the lazy fields are getters on the prototype): the dataset cache writes its JSON instead
 * (`jsonLinesOf`), and the feeds thread gets papers.json's bytes.
 */
import type { AuthorRef, FirstListing, Listing, Paper, PaperLinks, SourceRef, SummaryItem } from '../../src/types.ts';

/**
 * The fields of a paper read for every paper of the dataset: by the feed plan and `timePapers`
 * (id, dates, votes, source), the search index's stored fields (title, date, votes), and whether
 * it has `listings` or `first` (`asFirstListed` asks every archived paper; one paper of the real
 * archive's 5,487 has them).
 */
export type PaperStub = Pick<Paper, 'id' | 'title' | 'date' | 'dates' | 'votes' | 'source'> & {
  history: boolean;
  /** How many distinct author keys it lists (the author shards' totals check, pipeline/page/chunks.ts). */
  authorKeys: number;
};

/** Where a `LazyPaper`'s other fields come from: the paper at `index`. May throw (then every read of such a field does). */
export interface PaperSource {
  paper(index: number): Paper;
}

/**
 * Papers as JSON lines, the layout of papers.json's body (pipeline/steps/enrich.ts
 * `jsonRecords`): `body` holds `count` lines, each one paper's JSON ending in a newline, every
 * line but the last ending in the comma between records before it; `paper(i)` parses line i.
 * Throws (naming `what`) when `body` holds fewer lines (or one that does not start a JSON
 * object) or more.
 */
export class JsonLines implements PaperSource {
  /** Line i is bytes `ranges[2i]` to `ranges[2i + 1]` (without its comma and newline). */
  private readonly ranges: Uint32Array;

  constructor(
    readonly body: Buffer,
    count: number,
    what: string,
  ) {
    const bytes = body;
    this.ranges = new Uint32Array(2 * count);
    let start = 0;
    for (let i = 0; i < count; i++) {
      const newline = bytes.indexOf(10, start);
      // Each paper's line is a JSON object; anything else means the papers ran out.
      if (newline < 0 || bytes[start] !== 0x7b) throw new Error(`${what} holds ${i} papers, the dataset ${count}`);
      this.ranges[2 * i] = start;
      this.ranges[2 * i + 1] = bytes[newline - 1] === 0x2c ? newline - 1 : newline;
      start = newline + 1;
    }
    if (start !== bytes.byteLength) throw new Error(`${what} holds more papers than the dataset's ${count}`);
  }

  paper(index: number): Paper {
    return JSON.parse(this.body.toString('utf8', this.ranges[2 * index], this.ranges[2 * index + 1])) as Paper;
  }
}

/** The line papers.json opens with (pipeline/steps/enrich.ts `jsonRecords`). */
export const PAPERS_JSON_HEAD = '{"papers":[\n';
/** The line it closes with, after its last paper's line. */
const PAPERS_JSON_TAIL = ']}\n';
/** A papers.json without papers. */
const PAPERS_JSON_EMPTY = '{"papers":[]}\n';

/**
 * The papers' lines of papers.json `bytes` (`JsonLines`' layout): the bytes between its opening
 * and closing lines, empty when it holds no paper. Throws when `bytes` does not open and close
 * as `jsonRecords` writes papers.json.
 */
export function papersJsonBody(bytes: Buffer): Buffer {
  if (bytes.equals(Buffer.from(PAPERS_JSON_EMPTY))) return bytes.subarray(0, 0);
  if (!bytes.subarray(0, PAPERS_JSON_HEAD.length).equals(Buffer.from(PAPERS_JSON_HEAD))) throw new Error('papers.json does not open with {"papers":[');
  const end = bytes.byteLength - PAPERS_JSON_TAIL.length;
  if (end < PAPERS_JSON_HEAD.length || !bytes.subarray(end).equals(Buffer.from(PAPERS_JSON_TAIL))) throw new Error('papers.json does not close with ]}');
  return bytes.subarray(PAPERS_JSON_HEAD.length, end);
}

/**
 * papers.json's bytes, in parts, for the papers whose lines `bodies` hold (`JsonLines` bytes, in
 * dataset order: dataset.bin's segments): its opening line, each body (with a comma after its
 * last line, but the last body's), its closing line. Nothing is copied.
 */
export function papersJsonOf(bodies: readonly Buffer[]): Buffer[] {
  const full = bodies.filter((b) => b.byteLength > 0);
  if (full.length === 0) return [Buffer.from(PAPERS_JSON_EMPTY)];
  const parts: Buffer[] = [Buffer.from(PAPERS_JSON_HEAD)];
  full.forEach((body, i) => {
    if (i === full.length - 1) parts.push(body);
    else parts.push(body.subarray(0, body.byteLength - 1), Buffer.from(',\n'));
  });
  parts.push(Buffer.from(PAPERS_JSON_TAIL));
  return parts;
}

/** `papers` as `JsonLines` bytes: each one's JSON (`JSON.stringify`, a `LazyPaper`'s from its source), joined by a comma and a newline, each line ending in a newline. */
export function jsonLinesOf(papers: readonly Paper[]): Buffer {
  return papers.length === 0 ? Buffer.alloc(0) : Buffer.from(`${papers.map((p) => JSON.stringify(p)).join(',\n')}\n`);
}

/** The stub of `paper`: the fields `PaperStub` names, as they are (shared, not copied). */
export function paperStub(paper: Paper): PaperStub {
  return {
    id: paper.id,
    title: paper.title,
    date: paper.date,
    dates: paper.dates,
    votes: paper.votes,
    source: paper.source,
    history: paper instanceof LazyPaper ? paper.history : paper.listings !== undefined || paper.first !== undefined,
    authorKeys: authorKeyCount(paper),
  };
}

/** How many distinct author keys `paper` lists (a `LazyPaper` says so without reading its source). */
export function authorKeyCount(paper: Paper): number {
  if (paper instanceof LazyPaper) return paper.authorKeys;
  return paper.authors.length < 2 ? paper.authors.length : new Set(paper.authors.map((a) => a.key)).size;
}

/** Whether `paper` is a `LazyPaper` whose source has not been read for it yet. */
export function isUnread(paper: Paper): boolean {
  return paper instanceof LazyPaper && !paper.read;
}

/**
 * A paper whose stub fields are its own and whose other fields come from `source.paper(index)`
 * on first read. Throws on that read when the source holds another paper there (by id).
 */
export class LazyPaper implements Paper {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly dates: string[];
  readonly votes: number | null;
  readonly source: SourceRef;
  /** How many distinct author keys it lists (`PaperStub#authorKeys`). */
  readonly authorKeys: number;
  readonly #history: boolean;
  #from: { source: PaperSource; index: number } | null;
  #full: Paper | null = null;

  constructor(stub: PaperStub, source: PaperSource, index: number) {
    this.id = stub.id;
    this.title = stub.title;
    this.date = stub.date;
    this.dates = stub.dates;
    this.votes = stub.votes;
    this.source = stub.source;
    this.authorKeys = stub.authorKeys;
    this.#history = stub.history;
    this.#from = { source, index };
  }

  /** Whether it has `listings` or `first` (`PaperStub#history`), known without reading the source. */
  get history(): boolean {
    return this.#history;
  }

  /** Whether the source has been read for this paper. */
  get read(): boolean {
    return this.#full !== null;
  }

  #parsed(): Paper {
    if (this.#full === null) {
      const { source, index } = this.#from!;
      const full = source.paper(index);
      if (full?.id !== this.id) throw new Error(`the dataset's paper ${JSON.stringify(this.id)} was read as ${JSON.stringify(full?.id)}`);
      this.#full = full;
      this.#from = null;
    }
    return this.#full;
  }

  get version(): string | null {
    return this.#parsed().version;
  }
  get authors(): AuthorRef[] {
    return this.#parsed().authors;
  }
  get authorsTruncated(): boolean {
    return this.#parsed().authorsTruncated;
  }
  get summary(): SummaryItem[] {
    return this.#parsed().summary;
  }
  get listings(): Listing[] | undefined {
    return this.#history ? this.#parsed().listings : undefined;
  }
  get first(): FirstListing | undefined {
    return this.#history ? this.#parsed().first : undefined;
  }
  get thumbnail(): string | null {
    return this.#parsed().thumbnail;
  }
  get media(): string[] {
    return this.#parsed().media;
  }
  get links(): PaperLinks {
    return this.#parsed().links;
  }

  /** The paper as its source holds it: `JSON.stringify` of this one is `JSON.stringify` of that one. */
  toJSON(): Paper {
    return this.#parsed();
  }
}
