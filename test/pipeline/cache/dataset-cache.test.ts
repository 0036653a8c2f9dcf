/** The dataset cache: round trip, versions, corrupt files, shape checks, memory only, and papers.json from its segments. */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSnapshot, DATASET_FORMAT, DatasetCache, datasetBase, MAX_SEGMENTS, type DatasetSnapshot } from '../../../pipeline/cache/dataset-cache.ts';
import { prependDataset } from '../../../src/dataset.ts';
import { sha256 } from '../../../pipeline/cache/cache-file.ts';
import { buildDatasetWithTable } from '../../../src/dataset.ts';
import { digestEntry } from '../../helpers/digests.ts';
import { useProjects } from '../../helpers/ops.ts';
import { authorKeyCount, isUnread, papersJsonOf, paperStub } from '../../../pipeline/cache/lazy-paper.ts';
import { docKey, docKeyOf } from '../../../pipeline/parse/vectors.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { datasetArtifacts } from '../../../pipeline/steps/enrich.ts';

const project = useProjects();

/** `s` with its papers as plain JSON data: a loaded snapshot's papers are `LazyPaper`s, equal to the papers written by their JSON (pipeline/cache/lazy-paper.ts). */
const plain = (s: DatasetSnapshot | null) => s && { ...s, papers: JSON.parse(JSON.stringify(s.papers)) as unknown };

function snapshot(): DatasetSnapshot {
  const entries = [
    digestEntry({ date: '2025-03-03', url: 'https://arxiv.org/abs/2503.00001', authors: ['Hana Kim', 'Lars Berg'] }),
    digestEntry({ date: '2025-03-04', url: 'https://arxiv.org/abs/2503.00002', authors: ['Hana Kim'], source: { file: 'b.md', line: 3, column: 1 } }),
  ];
  const { papers, authorTable } = buildDatasetWithTable(entries);
  return {
    inputs: [{ path: '2025-03-03.md', sha256: 'a'.repeat(64) }, { path: 'b.md', sha256: 'b'.repeat(64) }],
    entries: 2,
    dates: ['2025-03-03', '2025-03-04'],
    papers,
    digests: papers.map((p) => sha256(JSON.stringify(p))),
    authors: authorTable,
    messages: [['2025-03-03.md', []], ['b.md', [{ reason: 'Author listed more than once', ruleId: 'author-duplicate', source: 'pipeline:authors', fatal: false, place: { line: 3, column: 1 } }]]],
  };
}

describe('DatasetCache', () => {
  it('keeps dataset.bin in the input\'s cache folder and reads the snapshot back with its author table and messages', async () => {
    // The load / stage / write cycle is WholeFileLayer's (tested with the merged index); here, what this layer adds.
    const p = await project({});
    await new DatasetCache(p.cache, 'v1').stage(snapshot())!.write();
    const cache = new DatasetCache(p.cache, 'v1');
    expect(cache.file).toBe(path.join(p.cache, 'dataset.bin'));
    expect(JSON.parse((await readFile(cache.file!, 'latin1')).split('\n')[0]!)).toMatchObject({ format: DATASET_FORMAT, version: 'v1' });
    await cache.load();
    expect(plain(cache.previous)).toEqual(plain(snapshot()));
    // The author table is stored as its lines and counts: the records are parsed back from the lines.
    expect(cache.previous!.authors.records).toEqual(snapshot().authors.records);
    expect(cache.previous!.authors.records[0]).not.toBe(snapshot().authors.records[0]);
    expect(datasetBase(cache.previous!)).toMatchObject({ latestDate: '2025-03-04', ids: new Set(['2503.00001', '2503.00002']) });
    expect(new DatasetCache(null, 'v1').stage(snapshot())).toBeNull();
  });

  it('discards a truncated file with a reason', async () => {
    const p = await project({});
    const cache = new DatasetCache(p.cache, 'v1');
    await cache.stage(snapshot())!.write();
    const bytes = await readFile(cache.file!);
    await writeFile(cache.file!, bytes.subarray(0, bytes.length - 5));
    const again = new DatasetCache(p.cache, 'v1');
    await again.load();
    expect(again.previous).toBeNull();
    expect(again.discarded).toEqual([{ file: expect.stringMatching(/dataset\.bin$/), reason: 'checksum mismatch (truncated or edited)' }]);
  });

  it('discards a file whose author lines cannot be read back, with why', async () => {
    const p = await project({});
    const bad = snapshot();
    for (const [lines, reason] of [
      [['{"key":"x"', bad.authors.lines[1]!], 'payload has the wrong shape (Unterminated string in JSON at position 10)'],
      [[bad.authors.lines[1]!, bad.authors.lines[0]!], 'payload has the wrong shape (author line 2 is out of key order)'],
    ] as const) {
      await new DatasetCache(p.cache, 'v1').stage({ ...bad, authors: { ...bad.authors, lines: [...lines] } })!.write();
      const cache = new DatasetCache(p.cache, 'v1');
      await cache.load();
      expect(cache.previous).toBeNull();
      expect(cache.discarded).toEqual([{ file: 'dataset.bin', reason: expect.stringMatching(reason.startsWith('payload has the wrong shape (Unterminated') ? /^payload has the wrong shape \(.*JSON/ : new RegExp(reason.replace(/[()]/g, '\\$&'))) }]);
    }
  });

  it('checks the shape: columns that do not match, no author table, a paper without an id', () => {
    expect(checkSnapshot(snapshot())).toBeNull();
    expect(checkSnapshot(null)).toBe('not an object');
    expect(checkSnapshot({ ...snapshot(), digests: [] })).toBe('digests do not match the papers');
    expect(checkSnapshot({ ...snapshot(), messages: [] })).toBe('messages do not match the inputs');
    expect(checkSnapshot({ ...snapshot(), authors: {} as DatasetSnapshot['authors'] })).toBe('no author table');
    expect(checkSnapshot({ ...snapshot(), authors: { ...snapshot().authors, uses: [] } })).toBe('the author lines do not match the records');
    expect(checkSnapshot({ ...snapshot(), entries: 1 })).toBe('wrong listing count');
    expect(checkSnapshot({ ...snapshot(), papers: [{ ...snapshot().papers[0], id: 3 }, snapshot().papers[1]] })).toBe('a paper has the wrong shape');
  });
});

/** The snapshot after `n` newer digests, each put in front of the one before (a paper each). */
const newer = (base: DatasetSnapshot, n: number): { snapshot: DatasetSnapshot; front: number } => {
  const entry = digestEntry({ date: `2025-04-${String(10 + n).padStart(2, '0')}`, url: `https://arxiv.org/abs/2504.${String(10000 + n)}`, authors: ['Hana Kim'] });
  const { papers, authorTable, added } = prependDataset(datasetBase(base), [entry]);
  return { snapshot: { ...base, papers, authors: authorTable, entries: base.entries + 1, digests: papers.map((p) => sha256(JSON.stringify(p))) }, front: added.length };
};

/** papers.json's bytes for `papers`, encoded whole (pipeline/steps/enrich.ts). */
const papersJsonBytes = (papers: DatasetSnapshot['papers']) => datasetArtifacts({ papers, authors: [] })[0].data;

describe('DatasetCache segments', () => {
  const segmentFiles = async (dir: string) => (await readdir(path.join(dir, 'dataset'))).sort();
  const listed = async (file: string) => JSON.parse((await readFile(file, 'latin1')).split('\n')[0]!) as object;

  it('writes the papers put in front as a segment of their own, lists the older segments again, and reads them back in order', async () => {
    const p = await project({});
    await new DatasetCache(p.cache, 'v1').stage(snapshot())!.write();
    expect(await segmentFiles(p.cache)).toHaveLength(1);
    let last = snapshot();
    for (let n = 1; n <= 3; n++) {
      const cache = new DatasetCache(p.cache, 'v1');
      await cache.load();
      expect(plain(cache.previous)).toEqual(plain(last));
      // papers.json from the segments: the bytes its papers encode to.
      expect(Buffer.concat(cache.publishedPapersJson()!)).toEqual(Buffer.concat(papersJsonBytes(last.papers)));
      const next = newer(cache.previous!, n);
      cache.release();
      const before = await segmentFiles(p.cache);
      await cache.stage(next.snapshot, next.front)!.write();
      const after = await segmentFiles(p.cache);
      // One new file; every older one kept.
      expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
      expect(after).toEqual(expect.arrayContaining(before));
      last = next.snapshot;
    }
    const cache = new DatasetCache(p.cache, 'v1');
    await cache.load();
    expect(plain(cache.previous)).toEqual(plain(last));
    expect(cache.previous!.papers.map((x) => x.id).slice(0, 3)).toEqual(['2504.10003', '2504.10002', '2504.10001']);
    expect(await listed(cache.file!)).toMatchObject({ format: DATASET_FORMAT });
  });

  it('writes every paper as one segment without a front, or past MAX_SEGMENTS, and removes the segments no longer listed', async () => {
    const p = await project({});
    await new DatasetCache(p.cache, 'v1').stage(snapshot())!.write();
    let last = snapshot();
    for (let n = 1; n < MAX_SEGMENTS; n++) {
      const cache = new DatasetCache(p.cache, 'v1');
      await cache.load();
      const next = newer(cache.previous!, n);
      await cache.stage(next.snapshot, next.front)!.write();
      last = next.snapshot;
    }
    expect(await segmentFiles(p.cache)).toHaveLength(MAX_SEGMENTS);
    const full = new DatasetCache(p.cache, 'v1');
    await full.load();
    const next = newer(full.previous!, MAX_SEGMENTS);
    await full.stage(next.snapshot, next.front)!.write();
    expect(await segmentFiles(p.cache)).toHaveLength(1);
    const again = new DatasetCache(p.cache, 'v1');
    await again.load();
    expect(plain(again.previous)).toEqual(plain(next.snapshot));
    expect(last.papers).toHaveLength(next.snapshot.papers.length - 1);
    // No front (the dataset was built from every input): one segment again, of the papers
    // themselves (read from the segments the loaded ones stand for).
    await again.stage(again.previous!, null)!.write();
    expect(await segmentFiles(p.cache)).toHaveLength(1);
    const whole = new DatasetCache(p.cache, 'v1');
    await whole.load();
    expect(plain(whole.previous)).toEqual(plain(next.snapshot));
  });

  it('writes a whole segment from papers.json\'s body when given it: the same file as from the papers', async () => {
    const p = await project({});
    const q = await project({});
    const written = snapshot();
    await new DatasetCache(p.cache, 'v1').stage(written)!.write();
    await new DatasetCache(q.cache, 'v1').stage(written, null, datasetArtifacts({ papers: written.papers, authors: [] })[0].data)!.write();
    const [name] = await segmentFiles(p.cache);
    expect(await segmentFiles(q.cache)).toEqual([name]);
    expect(await readFile(path.join(q.cache, 'dataset', name!))).toEqual(await readFile(path.join(p.cache, 'dataset', name!)));
  });

  it('reads a segment only when a paper is read past its stub; the stub fields and document keys are as written', async () => {
    const p = await project({});
    const written = snapshot();
    await new DatasetCache(p.cache, 'v1').stage(written)!.write();
    const cache = new DatasetCache(p.cache, 'v1');
    await cache.load();
    const papers = cache.previous!.papers;
    papers.forEach((paper, i) => {
      const original = written.papers[i]!;
      expect(paperStub(paper)).toEqual(paperStub(original));
      expect(authorKeyCount(paper)).toBe(new Set(original.authors.map((a) => a.key)).size);
      expect(docKeyOf(paper)).toBe(docKey(toSearchDocument(original)));
    });
    expect(papers.every(isUnread)).toBe(true);
    expect(papers[1]!.summary).toEqual(written.papers[1]!.summary);
    expect(papers.map(isUnread)).toEqual([true, false]);
  });

  it('discards the snapshot when a listed segment is missing or corrupt, with its name', async () => {
    const p = await project({});
    await new DatasetCache(p.cache, 'v1').stage(snapshot())!.write();
    const [segment] = await segmentFiles(p.cache);
    const file = path.join(p.cache, 'dataset', segment!);
    const bytes = await readFile(file);
    await writeFile(file, Buffer.concat([bytes.subarray(0, -3), Buffer.from('xyz')]));
    const corrupt = new DatasetCache(p.cache, 'v1');
    await corrupt.load();
    expect(corrupt.previous).toBeNull();
    expect(corrupt.discarded).toEqual([{ file: 'dataset.bin', reason: `dataset/${segment}: checksum mismatch (truncated or edited)` }]);
    await rm(file);
    const missing = new DatasetCache(p.cache, 'v1');
    await missing.load();
    expect(missing.previous).toBeNull();
    expect(missing.discarded).toEqual([{ file: 'dataset.bin', reason: `dataset/${segment} is missing` }]);
  });
});

describe('publishedPapersJson', () => {
  it('is papers.json as its papers encode it, and a newest digest\'s lines go in front of it: the bytes of the whole dataset', async () => {
    const p = await project({});
    await new DatasetCache(p.cache, 'v1').stage(snapshot())!.write();
    const cache = new DatasetCache(p.cache, 'v1');
    expect(cache.publishedPapersJson()).toBeNull(); // nothing loaded
    await cache.load();
    const old = cache.previous!;
    expect(Buffer.concat(cache.publishedPapersJson()!)).toEqual(Buffer.concat(papersJsonBytes(old.papers)));
    const next = newer(old, 1).snapshot;
    const added = next.papers.slice(0, 1);
    const front = datasetArtifacts({ papers: next.papers, authors: [], added }, cache.publishedPapersJson())[0].data;
    expect(Buffer.concat(front)).toEqual(Buffer.concat(papersJsonBytes(next.papers)));
    // Nothing added: the published bytes as they are.
    expect(Buffer.concat(datasetArtifacts({ papers: old.papers, authors: [], added: [] }, cache.publishedPapersJson())[0].data)).toEqual(Buffer.concat(papersJsonBytes(old.papers)));
  });

  it('joins segment bodies with the comma between records, and holds no paper for no bodies', () => {
    const text = (parts: Buffer[]) => Buffer.concat(parts).toString();
    expect(text(papersJsonOf([]))).toBe('{"papers":[]}\n');
    expect(text(papersJsonOf([Buffer.alloc(0)]))).toBe('{"papers":[]}\n');
    const a = Buffer.from('{"id":"a"},\n{"id":"b"}\n');
    const c = Buffer.from('{"id":"c"}\n');
    expect(text(papersJsonOf([a, Buffer.alloc(0), c]))).toBe('{"papers":[\n{"id":"a"},\n{"id":"b"},\n{"id":"c"}\n]}\n');
    expect(JSON.parse(text(papersJsonOf([a, c])))).toEqual({ papers: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
  });
});
