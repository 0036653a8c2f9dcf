/** What the run prints: step lines within the width, counts for people. */
import { describe, expect, it } from 'vitest';
import { envColumns, formatCounts, RunLogger } from '../../../pipeline/report/logger.ts';
import { Capture } from '../../helpers/ops.ts';

describe('formatCounts', () => {
  it('shows bytes as a size and camelCase names as words', () => {
    expect(formatCounts({ files: 5, bytes: 9_561_107, analyzedInWorkers: 0, vectorsSaved: 1 })).toBe('5 files, 9.56 MB, 0 analyzed in workers, 1 vectors saved');
  });
});

describe('RunLogger.stepDone', () => {
  it('wraps a long step line at its words within the terminal width, never inside a number', () => {
    const out = Object.assign(new Capture(), { isTTY: true, columns: 80 });
    const logger = new RunLogger('tty', out, new Capture());
    logger.stepDone('index', 34, { documents: 5487, analyzed: 5487, analyzedInWorkers: 5200, reused: 0, terms: 599123, artifacts: 1 });
    const lines = out.text.replace(/\x1b\[\d+m/g, '').trimEnd().split('\n');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^✔ index {4}\s+34 ms {2}5487 documents, /);
    // Continuation lines start under the first count.
    expect(lines[1]!.indexOf(lines[1]!.trim())).toBe(lines[0]!.indexOf('5487'));
    expect(lines.map((l) => l.trim()).join(' ')).toContain('599123 terms, 1 artifacts');
  });

  it('leaves zero counts after the first out of the terminal line', () => {
    const out = new Capture();
    const logger = new RunLogger('plain', out, new Capture());
    logger.stepDone('parse', 40, { entries: 16, cached: 0, parsed: 5, workers: 0 });
    logger.stepDone('feeds', 3, { artifacts: 0, itemsCached: 0 });
    expect(out.text).toContain('16 entries, 5 parsed\n');
    expect(out.text).not.toContain('0 cached');
    expect(out.text).toMatch(/feeds +3 ms {2}0 artifacts\n/);
  });
});

describe('the width of piped output', () => {
  const long = 'index: 1234 duplicate paper id(s) indexed once, and this sentence goes on long enough to need more than one line of a hundred columns';
  it('wraps at 100 columns without a terminal, or at COLUMNS when it is set', () => {
    const at = (columns?: number): number[] => {
      const out = new Capture();
      new RunLogger('plain', out, new Capture(), columns).info(long);
      return out.text.trimEnd().split('\n').map((l) => l.length);
    };
    expect(at().length).toBe(2);
    for (const n of at()) expect(n).toBeLessThanOrEqual(100);
    expect(at(200)).toEqual([long.length]);
  });
  it('reads COLUMNS only as a whole number from 40 to 1000', () => {
    expect([{ COLUMNS: '200' }, { COLUMNS: '39' }, { COLUMNS: 'wide' }, {}, { COLUMNS: '120.5' }].map((env) => envColumns(env))).toEqual([200, undefined, undefined, undefined, undefined]);
  });
});

describe('RunLogger.summary', () => {
  const summary = (discarded: number | undefined) => {
    const out = new Capture();
    new RunLogger('plain', out, new Capture()).summary({
      counts: { digests: 2, papers: 5, authors: 7 },
      warningsByRule: {},
      silencedByRule: {},
      artifacts: [],
      cache: { hits: 1, misses: 1, fastPath: false, discarded },
      totalMs: 120,
      published: true,
      exitCode: 0,
    });
    return out.text.trimEnd().split('\n').at(-1);
  };

  it('says how many cache files were discarded and rebuilt, and nothing when none was', () => {
    expect(summary(2)).toMatch(/^cache: 1 hits, 1 misses, 2 cache files discarded and rebuilt \(see the warning above\); /);
    expect(summary(1)).toMatch(/, 1 cache file discarded and rebuilt /);
    expect(summary(0)).toMatch(/^cache: 1 hits, 1 misses; /);
    expect(summary(undefined)).toMatch(/^cache: 1 hits, 1 misses; /);
  });
});
