import { CORPUS_SKIP } from '../helpers/corpus.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, CORPUS_DIR, corpusPresent, readPapers } from './build.ts';
import type { Paper } from './build.ts';
import {
  compoundPattern,
  DEFAULT_SEED,
  editDistance,
  englishWords,
  foldAscii,
  generateQueries,
  hangulRuns,
  KINDS,
  mulberry32,
  paperText,
  randomEdit,
  stripKoreanSuffix,
  summaryText,
} from './generate.ts';
import type { EvalQuery, QuerySet } from './generate.ts';

describe('eval generator rules', () => {
  it('mulberry32 is a fixed sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('strips Korean particles and endings down to a stem of >= 2 syllables', () => {
    expect(stripKoreanSuffix('모델들이')).toBe('모델');
    expect(stripKoreanSuffix('공간에서')).toBe('공간');
    expect(stripKoreanSuffix('사용하는')).toBe('사용');
    expect(stripKoreanSuffix('평가')).toBe('평가');
    expect(stripKoreanSuffix('제안합니다')).toBe('제안');
  });

  it('folds names to ASCII', () => {
    expect(foldAscii('Tim Rocktäschel')).toBe('Tim Rocktaschel');
    expect(foldAscii('Piotr Miłoś')).toBe('Piotr Milos');
    expect(foldAscii('Oscar Mañas')).toBe('Oscar Manas');
  });

  it('makes exactly one edit', () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 200; i++) expect(editDistance(randomEdit(rng, 'diffusion'), 'diffusion')).toBe(1);
  });
});

const present = corpusPresent();
if (!present) console.warn(`test/eval/generate.test.ts: corpus tests skipped, no corpus at ${CORPUS_DIR}`);

describe.skipIf(!present)(`eval generator on the corpus${CORPUS_SKIP}`, () => {
  let dir = '';
  let papers: Paper[] = [];
  let set: QuerySet;
  const byId = new Map<string, Paper>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'search-eval-test-'));
    buildCorpus(dir);
    papers = readPapers(dir);
    for (const p of papers) byId.set(p.id, p);
    set = generateQueries(papers, DEFAULT_SEED);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic for a seed and changes with the seed', { timeout: 120_000 }, () => {
    expect(generateQueries(papers, DEFAULT_SEED)).toEqual(set);
    const other = generateQueries(papers, DEFAULT_SEED + 1);
    expect(other.queries.map((q) => q.query)).not.toEqual(set.queries.map((q) => q.query));
  });

  it('yields at least 100 distinct queries per kind', () => {
    for (const kind of KINDS) {
      const qs = set.queries.filter((q) => q.kind === kind);
      expect(qs.length, kind).toBeGreaterThanOrEqual(100);
      expect(new Set(qs.map((q) => q.query)).size, kind).toBe(qs.length);
      for (const q of qs) expect(q.seed).toBe(DEFAULT_SEED);
    }
  });

  it("every query's expected papers contain its source words", { timeout: 120_000 }, () => {
    const failures: string[] = [];
    const check = (q: EvalQuery, ok: boolean) => {
      if (!ok) failures.push(`${q.kind} ${JSON.stringify(q.query)} ${q.expected[0]}`);
    };
    for (const q of set.queries) {
      const p = byId.get(q.expected[0]!)!;
      check(q, q.expected.every((id) => byId.has(id)));
      const title = englishWords(p.title);
      const runs = hangulRuns(summaryText(p));
      const words = q.query.split(' ');
      switch (q.kind) {
        case 'english-title':
          check(q, q.source.every((w) => title.includes(w)) && words.join() === q.source.join());
          break;
        case 'korean-stem':
          check(
            q,
            q.source.every((f, i) => runs.includes(f) && f.startsWith(words[i]!) && f !== words[i] && words[i]!.length >= 2),
          );
          break;
        case 'korean-surface':
          check(q, q.source.every((f) => runs.includes(f)) && words.join() === q.source.join());
          break;
        case 'korean-joined': {
          const [a, b, stem] = q.source as [string, string, string];
          check(q, summaryText(p).includes(`${a} ${b}`) && b.startsWith(stem) && q.query === a + stem);
          break;
        }
        case 'mixed': {
          const [ko, en] = q.source as [string, string];
          check(q, runs.includes(ko) && englishWords(paperText(p)).includes(en) && words.sort().join() === [ko, en].sort().join());
          break;
        }
        case 'author-ascii':
          check(q, p.authors.some((a) => a.name === q.source[0] && foldAscii(a.name) === q.query && a.name !== q.query));
          break;
        case 'arxiv-id':
          check(q, q.query.includes(p.id));
          break;
        case 'typo': {
          const [target, other, typo] = q.source as [string, string, string];
          check(q, title.includes(target) && title.includes(other) && words.includes(other) && words.includes(typo));
          check(q, editDistance(typo, target) === 1 && !title.includes(typo));
          break;
        }
        case 'author-precision': {
          const all = papers.filter((x) => x.authors.some((a) => a.key === q.authorKey)).map((x) => x.id);
          check(q, q.expected.length >= 3 && [...q.expected].sort().join() === all.sort().join());
          break;
        }
        case 'compound-precision': {
          const [w1, w2] = q.source as [string, string];
          const re = compoundPattern(w1, w2);
          check(q, q.query === w1 + w2 || q.query === `${w1} ${w2}`);
          check(q, q.expected.every((id) => re.test(paperText(byId.get(id)!))));
          const texts = q.expected.map((id) => paperText(byId.get(id)!));
          check(q, texts.some((t) => t.includes(w1 + w2)) && texts.some((t) => t.includes(`${w1} ${w2}`) || t.includes(`${w1}의 ${w2}`)));
          break;
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
