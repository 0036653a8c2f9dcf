/**
 * The dataset's papers as the feeds thread gets them: papers.json's bytes (one paper per line,
 * pipeline/steps/enrich.ts `datasetArtifacts`) in a SharedArrayBuffer, plus the few fields every
 * paper is planned and timed by (`PaperStub`: id, first date, listing dates, votes, source).
 * The thread makes each paper a `LazyPaper`, which parses its own line only when a field
 * outside the stub is read: on a rerun the feed cache holds the items of most papers, so the
 * thread reads a few hundred lines instead of copying all 5,500 papers (a structured clone of
 * the real archive's papers took about 0.1 s to post and 0.25 s, with its garbage collection, to
 * receive). The papers are the same values either way: `JSON.stringify` of a `LazyPaper` (its
 * `toJSON`) is its papers.json line, which is `JSON.stringify` of the paper it stands for.
 *
 * What the feeds code must not do with a paper, and does not: spread it, list its keys, or ask
 * `'field' in paper` (the lazy fields are getters on the prototype). `asFirstListed`
 * (src/papers.ts), which copies a paper, names every field for that reason.
 */
import type { Paper, PaperLinks, SummaryItem, Listing, FirstListing, AuthorRef, SourceRef } from '../../src/types.ts';

/**
 * The fields of a paper read for every paper of the dataset (by the feed plan and `timePapers`),
 * and whether it has `listings` or `first` (`asFirstListed` asks every archived paper; one paper
 * of the real archive's 5,487 has them).
 */
export type PaperStub = Pick<Paper, 'id' | 'date' | 'dates' | 'votes' | 'source'> & { history: boolean };

/** What crosses to the feeds thread for the dataset's papers. */
export interface PapersOnWire {
  /** papers.json's bytes (`{"papers":[` newline, one paper's JSON per line, `]}`). */
  json: SharedArrayBuffer;
  /** Each paper's stub, in papers.json's order. */
  stubs: PaperStub[];
}

const HEAD = '{"papers":[\n';

/** The stub of `paper`: the fields `PaperStub` names, as they are (shared, not copied). */
export function paperStub(paper: Paper): PaperStub {
  return { id: paper.id, date: paper.date, dates: paper.dates, votes: paper.votes, source: paper.source, history: paper.listings !== undefined || paper.first !== undefined };
}

/**
 * `papers` for the feeds thread: `json` is papers.json's bytes in parts (`datasetArtifacts`),
 * which must hold `papers` in the same order (checked by id as each line is parsed). Copies the
 * bytes once, into shared memory.
 */
export function papersOnWire(papers: readonly Paper[], json: readonly Uint8Array[]): PapersOnWire {
  const size = json.reduce((sum, part) => sum + part.byteLength, 0);
  const shared = new SharedArrayBuffer(size);
  const view = new Uint8Array(shared);
  let at = 0;
  for (const part of json) {
    view.set(part, at);
    at += part.byteLength;
  }
  return { json: shared, stubs: papers.map(paperStub) };
}

/**
 * The papers of `wire` as `LazyPaper`s, in order. Throws when papers.json's lines are not as
 * many as the stubs, or the file does not open and close as `datasetArtifacts` writes it.
 */
export function lazyPapers(wire: PapersOnWire): Paper[] {
  if (wire.stubs.length === 0) return [];
  const bytes = Buffer.from(wire.json);
  if (bytes.toString('utf8', 0, HEAD.length) !== HEAD) throw new Error('papers.json does not open with {"papers":[');
  const papers: Paper[] = [];
  let start = HEAD.length;
  for (const stub of wire.stubs) {
    const newline = bytes.indexOf(10, start);
    // Each paper's line is a JSON object; the closing `]}` line means the papers ran out.
    if (newline < 0 || bytes[start] !== 0x7b) throw new Error(`papers.json holds ${papers.length} papers, the dataset ${wire.stubs.length}`);
    // Every line but the last ends in the comma between records.
    const end = bytes[newline - 1] === 0x2c ? newline - 1 : newline;
    papers.push(new LazyPaper(stub, bytes, start, end));
    start = newline + 1;
  }
  if (bytes.toString('utf8', start) !== ']}\n') {
    throw new Error(`papers.json holds more papers than the dataset's ${wire.stubs.length}`);
  }
  return papers;
}

/**
 * A paper whose stub fields are its own and whose other fields are parsed from its papers.json
 * line on first read. Throws on that read when the line is another paper's (by id).
 */
class LazyPaper implements Paper {
  readonly id: string;
  readonly date: string;
  readonly dates: string[];
  readonly votes: number | null;
  readonly source: SourceRef;
  readonly #history: boolean;
  #line: { bytes: Buffer; start: number; end: number } | null;
  #full: Paper | null = null;

  constructor(stub: PaperStub, bytes: Buffer, start: number, end: number) {
    this.id = stub.id;
    this.date = stub.date;
    this.dates = stub.dates;
    this.votes = stub.votes;
    this.source = stub.source;
    this.#history = stub.history;
    this.#line = { bytes, start, end };
  }

  #parsed(): Paper {
    if (this.#full === null) {
      const { bytes, start, end } = this.#line!;
      const full = JSON.parse(bytes.toString('utf8', start, end)) as Paper;
      if (full.id !== this.id) throw new Error(`papers.json has paper ${JSON.stringify(full.id)} where the dataset has ${JSON.stringify(this.id)}`);
      this.#full = full;
      this.#line = null;
    }
    return this.#full;
  }

  get version(): string | null {
    return this.#parsed().version;
  }
  get title(): string {
    return this.#parsed().title;
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

  /** The paper as papers.json holds it: `JSON.stringify` gives its line. */
  toJSON(): Paper {
    return this.#parsed();
  }
}
