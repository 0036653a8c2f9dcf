/** The parse step's ordered merge: worker threads, the main thread and the parse cache give the same entries and diagnostics. */
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../../pipeline/cache/parse-cache.ts';
import { VectorCache } from '../../../pipeline/cache/vector-cache.ts';
import { authorsStep } from '../../../pipeline/steps/authors.ts';
import { buildIndexOf } from '../../../pipeline/steps/search-index.ts';
import { buildDataset } from '../../../src/dataset.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { digest, digestWithWarning, fileMessages, readAndParse, stepContext, useProjects } from '../../helpers/ops.ts';

const project = useProjects();

describe('parseStep', () => {
  it('merges in input order whatever the scheduling: workers, main thread and cache agree', async () => {
    const inputs: Record<string, string> = {};
    for (let d = 1; d <= 12; d++) {
      const date = `2025-04-${String(d).padStart(2, '0')}`;
      inputs[`2025/04/${String(d).padStart(2, '0')}.md`] = d % 3 === 0 ? digestWithWarning(date, d) : digest(date, 2 + (d % 4), d);
    }
    inputs['2025/04/13.md'] = new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf])) + digest('2025-04-13', 1, 13).replace(/\n/g, '\r\n');
    const p = await project(inputs);

    const main = await readAndParse(p, 0);
    expect(main.entries.map((e) => e.source.file)).toEqual([...main.entries.map((e) => e.source.file)].sort());
    expect(main.entries.length).toBeGreaterThan(40);
    expect(main.counts).toMatchObject({ entries: main.entries.length, cached: 0, parsed: 13, workers: 0 });

    const vectors = new VectorCache(p.cache, 'v');
    const threaded = await readAndParse(p, 3, { parse: null, vectors }, { mainThread: false });
    expect(threaded.counts).toMatchObject({ workers: 3, parsed: 13, parsedOnMain: 0 });
    expect(threaded.entries).toEqual(main.entries);
    expect(fileMessages(threaded.files)).toEqual(fileMessages(main.files));

    // The workers also analyzed every paper for the index: the same index, nothing analyzed again.
    const ctx = (await stepContext(p)).ctx;
    const dataset = buildDataset(authorsStep(ctx, threaded.entries).value);
    const fromWorkers = buildIndexOf(dataset, vectors);
    const all = dataset.papers.length;
    expect(fromWorkers.stats).toMatchObject({ analyzed: all, analyzedWhileParsing: all, analyzedInWorkers: all, reused: 0 });
    const want = indexJsonText(buildIndexOf(dataset).index);
    expect(indexJsonText(fromWorkers.index)).toBe(want);

    // The main thread parsing next to a worker: the same entries, every paper analyzed while parsing.
    const shared = new VectorCache(p.cache, 'v');
    const both = await readAndParse(p, 1, { parse: null, vectors: shared });
    expect(both.counts).toMatchObject({ workers: 1, parsed: 13 });
    expect(both.counts.parsedOnMain).toBeGreaterThan(0);
    expect(both.entries).toEqual(main.entries);
    expect(fileMessages(both.files)).toEqual(fileMessages(main.files));
    const fromBoth = buildIndexOf(dataset, shared);
    expect(fromBoth.stats).toMatchObject({ analyzed: all, analyzedWhileParsing: all, reused: 0 });
    expect(fromBoth.stats.analyzedInWorkers).toBeLessThan(all); // the main thread always takes the first file
    expect(indexJsonText(fromBoth.index)).toBe(want);

    await readAndParse(p, 0, { parse: new ParseCache(p.cache, 'v'), vectors: null });
    const cached = await readAndParse(p, 0, { parse: new ParseCache(p.cache, 'v'), vectors: null });
    expect(cached.counts).toMatchObject({ cached: 13, parsed: 0 });
    expect(cached.entries).toEqual(main.entries);
    expect(fileMessages(cached.files)).toEqual(fileMessages(main.files));
  }, 60_000);
});
