/**
 * Integration test over the real archive (../shared/corpus, next to the repository).
 * Skips visibly when the folder is missing.
 *
 * Titles, dates, votes and authors are compared with an independent reading of every digest in
 * corpus-oracle.test.ts. This file checks what that oracle does not: counts, diagnostics, the
 * fields a deliberately simple line reader below can see (thumbnail, summary bullets, media,
 * source, links), the heading-by-heading parse and the search index built from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { VFile } from 'vfile';
import { decodeDigest } from '../../src/digest/decode.ts';
import { parseDigest } from '../../src/digest/parse.ts';
import { authorsStep } from '../../pipeline/steps/authors.ts';
import { enrichStep } from '../../pipeline/steps/enrich.ts';
import { createStepContext, type StepContext } from '../../pipeline/context.ts';
import type { Dataset, DigestEntry } from '../../src/types.ts';
import { indexJsonText } from '../../src/search/index-json.ts';
import { expandIndex } from '../../src/search/load.ts';
import { analyzeDocument } from '../../src/search/vectors.ts';
import { VectorCache } from '../../pipeline/cache/vector-cache.ts';
import { buildIndexOf, planIndex } from '../../pipeline/steps/search-index.ts';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../helpers/corpus.ts';
import { referenceIndexJson } from '../helpers/search-fixtures.ts';
import { documentsForEntries } from '../../pipeline/parse/vectors.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const present = CORPUS_PRESENT;
if (!present) console.warn(`corpus.test.ts:${CORPUS_SKIP}`);

// ---------------------------------------------------------------- the independent reader

interface Listing {
  file: string;
  line: number;
  date: string;
  id: string;
  thumbnail: string | null;
  bullets: number;
  media: string[];
}

function readFileLines(rel: string, text: string): Listing[] {
  const out: Listing[] = [];
  let date: string | null = null;
  let cur: Listing | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m: RegExpMatchArray | null;
    if (line.startsWith('## ')) {
      cur = null;
      m = line.match(/^## Daily Papers \((\d{4}-\d{2}-\d{2})\)$/);
      date = m ? m[1]! : null;
      continue;
    }
    if (line.startsWith('### ')) {
      m = line.match(/^### \[(.*)\]\((https:\/\/arxiv\.org\/abs\/(\d{4}\.\d{4,5}))\)$/);
      if (!m || date === null) throw new Error(`unexpected heading ${rel}:${i + 1}`);
      cur = {
        file: rel,
        line: i + 1,
        date,
        id: m[3]!,
        thumbnail: null,
        bullets: 0,
        media: [],
      };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    if ((m = line.match(/^!\[\]\((.*)\)$/)) && cur.thumbnail === null) {
      cur.thumbnail = m[1]!.startsWith('/') ? `https://huggingface.co${m[1]}` : m[1]!;
    } else if (/^[-*+] /.test(line)) {
      cur.bullets++;
    }
    for (const v of line.matchAll(/\[Watch Video\]\(?(https:[^\s)]+)|<video[^>]*\bsrc=["']?(https:[^"'\s>]+)/g)) {
      const url = (v[1] ?? v[2])!;
      if (!cur.media.includes(url)) cur.media.push(url);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the run

interface Run {
  files: string[];
  entries: DigestEntry[];
  dataset: Dataset;
  vfiles: Map<string, VFile>;
  listings: Listing[];
  headingLines: number;
  parseMs: number;
}

function run(): Run {
  const files = fg.sync('**/*.md', { cwd: CORPUS, ignore: ['README.md'] }).sort();
  const { ctx, files: vfiles } = createStepContext({ config: {} as StepContext['config'], logger: { info() {}, progress() {}, warn() {} } });
  const bytes = files.map((f) => readFileSync(path.join(CORPUS, f)));
  const t0 = performance.now();
  const entries: DigestEntry[] = [];
  for (let k = 0; k < files.length; k++) {
    const file = ctx.file(files[k]!);
    const text = decodeDigest(bytes[k]!, file);
    if (text !== null) entries.push(...parseDigest(text, file));
  }
  const parseMs = performance.now() - t0;
  const dataset = enrichStep(ctx, { entries: authorsStep(ctx, entries).value, base: null }).value;

  const listings: Listing[] = [];
  let headingLines = 0;
  for (let k = 0; k < files.length; k++) {
    const text = bytes[k]!.toString('utf8');
    headingLines += text.split('\n').filter((l) => l.startsWith('### ')).length;
    listings.push(...readFileLines(files[k]!, text));
  }
  return { files, entries, dataset, vfiles, listings, headingLines, parseMs };
}

describe.skipIf(!present)(`real corpus at ${CORPUS}${CORPUS_SKIP}`, () => {
  let r: Run;
  const get = (): Run => (r ??= run());

  it('reads 357 files and 5,488 paper headings into 5,487 unique papers', () => {
    const { files, entries, dataset, headingLines, listings, parseMs } = get();
    console.log(`corpus: ${files.length} files, ${entries.length} listings, ${dataset.papers.length} papers, ${dataset.authors.length} authors, decode+parse ${parseMs.toFixed(0)} ms`);
    expect(files).toHaveLength(357);
    expect(headingLines).toBe(5488);
    expect(listings).toHaveLength(5488);
    expect(entries).toHaveLength(5488);
    expect(dataset.papers).toHaveLength(5487);
    expect(new Set(dataset.papers.map((p) => p.id)).size).toBe(5487);
  });

  it('has no fatal diagnostic and warnings only for real anomalies', () => {
    const { vfiles, files } = get();
    const all = [...vfiles.values()].flatMap((f) => f.messages);
    const byRule: Record<string, number> = {};
    for (const m of all) byRule[m.ruleId ?? '?'] = (byRule[m.ruleId ?? '?'] ?? 0) + 1;
    console.log('corpus warnings by rule:', JSON.stringify(byRule));
    expect(all.filter((m) => m.fatal === true)).toEqual([]);
    expect(Object.keys(byRule).sort()).toEqual(['author-duplicate', 'author-stray-quote']);
    // Every author diagnostic is on an `Authors:` line, at the first name it quotes (for a
    // repeat, a later place on the line than the name's first mention), or at the line's start
    // when that name is not written there as is.
    const lines = new Map(files.map((f) => [f, readFileSync(path.join(CORPUS, f), 'utf8').split('\n')]));
    let atName = 0;
    for (const m of all) {
      const where = `${m.file}:${m.line}:${m.column}`;
      const line = lines.get(m.file ?? '')?.[m.line! - 1] ?? '';
      expect(line.trimStart().startsWith('Authors:'), where).toBe(true);
      const name = /`([^`]+)`/u.exec(m.reason)?.[1] ?? '';
      const rest = line.slice(m.column! - 1);
      expect(rest.startsWith('Authors:') || rest.startsWith(name), where).toBe(true);
      if (rest.startsWith(name)) {
        atName++;
        // Letters only, without case or diacritics: the repeat's person is named before it.
        const letters = (t: string) => t.normalize('NFD').replace(/[^\p{L}]/gu, '').toLowerCase();
        if (m.ruleId === 'author-duplicate') expect(letters(line.slice(0, m.column! - 1)), where).toContain(letters(name));
      }
    }
    console.log(`author diagnostics at the name: ${atName} of ${all.length}`);
    expect(atName).toBeGreaterThan(all.length * 0.9);
    for (const m of all) {
      expect(m.line).toBeGreaterThan(0);
      expect(m.column).toBeGreaterThan(0);
      expect(m.reason.length).toBeGreaterThan(10);
    }
  });

  it('every listing matches the line reader: date, thumbnail, bullets, media', () => {
    const { entries, listings } = get();
    expect(entries.map((e) => `${e.source.file}:${e.source.line}`)).toEqual(listings.map((l) => `${l.file}:${l.line}`));
    const mismatches: string[] = [];
    entries.forEach((e, k) => {
      const l = listings[k]!;
      const at = `${l.file}:${l.line}`;
      const check = (field: string, got: unknown, want: unknown) => {
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${at} ${field}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      };
      check('date', e.date, l.date);
      check('url', e.url, `https://arxiv.org/abs/${l.id}`);
      check('thumbnail', e.thumbnail, l.thumbnail);
      check('bullets', e.summary.length, l.bullets);
      check('media', e.media, l.media);
      if (e.summary.some((s) => s.text.trim() === '' || s.markdown.trim() === '')) mismatches.push(`${at} empty summary item`);
    });
    expect(mismatches).toEqual([]);
  });

  it('every paper takes thumbnail, source and links from its listings', () => {
    const { dataset, listings } = get();
    const groups = new Map<string, Listing[]>();
    for (const l of listings) {
      const g = groups.get(l.id) ?? [];
      g.push(l);
      groups.set(l.id, g);
    }
    expect(groups.size).toBe(dataset.papers.length);
    const order = (a: Listing, b: Listing) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
    const mismatches: string[] = [];
    for (const p of dataset.papers) {
      const g = [...(groups.get(p.id) ?? [])].sort(order);
      const first = g[0];
      if (!first) {
        mismatches.push(`${p.id}: no listing`);
        continue;
      }
      const check = (field: string, got: unknown, want: unknown) => {
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${p.id} ${field}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      };
      check('thumbnail', p.thumbnail, g.find((l) => l.thumbnail !== null)?.thumbnail ?? null);
      check('source', p.source, { file: first.file, line: first.line });
      check('links', p.links.abs, `https://arxiv.org/abs/${p.id}`);
    }
    expect(mismatches).toEqual([]);
    // the one paper listed twice keeps both days
    const twice = [...groups.values()].filter((g) => g.length > 1);
    expect(twice).toHaveLength(1);
    const p = dataset.papers.find((x) => x.id === twice[0]![0]!.id)!;
    expect(p.dates).toHaveLength(2);
  });

  it('parses heading by heading exactly as a whole-document parse would (every 12th file)', () => {
    const { files } = get();
    for (let k = 0; k < files.length; k += 12) {
      const text = decodeDigest(readFileSync(path.join(CORPUS, files[k]!)), new VFile())!;
      expect(parseDigest(text, new VFile({ path: files[k]! }))).toEqual(parseDigest(text, new VFile({ path: files[k]! }), { whole: true }));
    }
  });

  it('builds search-index.json from term vectors, once expanded the same bytes as MiniSearch#add, also via the parse workers\' vectors', () => {
    const { dataset } = get();
    const want = referenceIndexJson(dataset);
    const expanded = (text: string) => JSON.stringify(expandIndex(text));
    const compact = indexJsonText(buildIndexOf(dataset).index);
    expect(expanded(compact)).toBe(want);
    // Vectors as the parse workers compute them (one listing = one paper), used where the key matches.
    const vectors = new VectorCache(path.join(repoRoot, '.cache', 'never-written'), 'test');
    for (const [key, doc] of documentsForEntries(get().entries)) vectors.offer(key, analyzeDocument(doc));
    const fromWorkers = buildIndexOf(dataset, vectors);
    expect(fromWorkers.stats.analyzedInWorkers).toBeGreaterThan(dataset.papers.length - 5);
    expect(indexJsonText(fromWorkers.index)).toBe(compact);
    // A run whose newest papers are new puts them in front of the last run's merged index: the
    // same bytes, for the newest digest's papers and for the newest month's.
    const dates = [...new Set(dataset.papers.map((p) => p.date))].sort().reverse();
    for (const after of [dates[1]!, dates[30]!]) {
      const older = { papers: dataset.papers.filter((p) => p.date <= after), authors: [] };
      const last = buildIndexOf(older, null, null, planIndex(older, true, null)).merged;
      const next = buildIndexOf(dataset, null, last);
      expect(next.stats.fromMerged).toBe(older.papers.length);
      expect(indexJsonText(next.index)).toBe(compact);
    }
  }, 120_000);

  it('is sorted newest first, then votes descending (null last), then id; authors folded sensibly', () => {
    const { dataset } = get();
    const ps = dataset.papers;
    for (let k = 1; k < ps.length; k++) {
      const a = ps[k - 1]!;
      const b = ps[k]!;
      const ok =
        a.date > b.date ||
        (a.date === b.date && ((a.votes ?? -1) > (b.votes ?? -1) || ((a.votes ?? -1) === (b.votes ?? -1) && a.id < b.id)));
      if (!ok) throw new Error(`order broken at ${a.id} / ${b.id}`);
    }
    const byKey = new Map(dataset.authors.map((a) => [a.key, a]));
    expect(byKey.get('yingcong chen')?.spellings).toEqual(['Ying-Cong Chen', 'Yingcong Chen']);
    for (const a of dataset.authors) {
      expect(a.count).toBe(a.papers.length);
      expect(a.spellings).toContain(a.name);
    }
  });
});
