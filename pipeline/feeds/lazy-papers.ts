/**
 * The dataset's papers as the feeds thread gets them: papers.json's bytes (one paper per line,
 * pipeline/steps/enrich.ts `datasetArtifacts`) in a SharedArrayBuffer, plus each paper's stub
 * (pipeline/cache/lazy-paper.ts `PaperStub`: what the feed plan and `timePapers` read of every
 * paper). The thread makes each paper a `LazyPaper` whose source is its papers.json line, parsed
 * only when a field outside the stub is read: on a rerun the feed cache holds the items of most
 * papers, so the thread parses a few hundred lines instead of receiving all 5,487 papers (a
 * structured clone of the real archive's papers took about 0.1 s to post and 0.25 s, with its
 * garbage collection, to receive). `JSON.stringify` of such a paper is its line, which is
 * `JSON.stringify` of the paper it stands for.
 */
import type { Paper } from '../../src/types.ts';
import { JsonLines, LazyPaper, papersJsonBody, paperStub, type PaperStub } from '../cache/lazy-paper.ts';

/** What crosses to the feeds thread for the dataset's papers. */
export interface PapersOnWire {
  /** papers.json's bytes (`{"papers":[` newline, one paper's JSON per line, `]}`). */
  json: SharedArrayBuffer;
  /** Each paper's stub, in papers.json's order. */
  stubs: PaperStub[];
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
 * The papers of `wire` as `LazyPaper`s, in order; reading a paper's other fields throws when its
 * line is another paper's. Throws when papers.json's lines are not as many as the stubs, or the
 * file does not open and close as `datasetArtifacts` writes it.
 */
export function lazyPapers(wire: PapersOnWire): Paper[] {
  const lines = new JsonLines(papersJsonBody(Buffer.from(wire.json)), wire.stubs.length, 'papers.json');
  return wire.stubs.map((stub, i) => new LazyPaper(stub, lines, i));
}
