/**
 * End to end over the project's own sample digests: the real CLI, the default pipeline.config.ts,
 * a fresh output folder. The expectations follow from the digests shipped in input/, which were
 * written to hold every format variant once; they are copied to a folder of their own, so that
 * digests a user adds to input/ do not change what this suite sees.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSearchIndex } from '../../src/search/client.ts';
import type { AuthorRecord, Paper } from '../../src/types.ts';
import { treeHashes } from '../helpers/ops.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** The sample digests the project ships in input/. */
const SAMPLE = ['2024/12/02.md', '2025/01/13.md', '2025/01/14.md', '2025/01/15.md', '2025/01/16.md'];

async function pipeline(input: string, out: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(tsx, ['pipeline/cli.ts', '--input', input, '--output', out, '--no-cache'], {
      cwd: root,
      env: { ...process.env, CI: 'true', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let tmp: string;
let input: string;
let out: string;
let result: Awaited<ReturnType<typeof pipeline>>;
let papers: Paper[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'e2e-'));
  input = join(tmp, 'input');
  for (const file of SAMPLE) cpSync(join(root, 'input', file), join(input, file));
  out = join(tmp, 'output');
  result = await pipeline(input, out, { TZ: 'UTC' });
  papers = JSON.parse(readFileSync(join(out, 'papers.json'), 'utf8')).papers;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run pipeline over input/', () => {
  it('exits 0 and reports the non-arXiv link, the repeated authors, the bracketed title and the script thumbnail as warnings', () => {
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const rules = report.diagnostics.map((d: { ruleId: string; file: string; line: number }) => `${d.ruleId} ${d.file}:${d.line}`).sort();
    expect(rules).toEqual([
      'author-duplicate 2025/01/14.md:21',
      'author-duplicate 2025/01/15.md:35',
      'non-arxiv-link 2025/01/14.md:32',
      'title-brackets 2025/01/16.md:3',
      'url-not-http 2025/01/16.md:29',
      'site-url-placeholder (config):1', // pipeline.config.ts keeps the example site URL
    ].sort());
  });

  it('merges 16 headings into 15 papers, newest digest first, then votes, then id', () => {
    expect(papers.map((p) => p.id)).toEqual([
      '2501.09101', '2501.09145', '2501.09230',
      '2501.08120', '2501.08311', '2501.08477', '2501.08590',
      '2501.07011', '2501.07245', 'url:openreview.net/forum?id=Xk3pQ9rT2a',
      '2501.06122', '2501.05990', '2501.06378',
      '2412.01107', '2412.01342',
    ]);
  });

  it('keeps every date and the highest vote of a paper listed on two days', () => {
    const p = papers.find((x) => x.id === '2501.06122')!;
    expect(p).toMatchObject({ date: '2025-01-13', dates: ['2025-01-13', '2025-01-14'], votes: 88, version: 'v2' });
    expect(p.source).toEqual({ file: '2025/01/13.md', line: 3 });
    // the re-worded summary of the second day is kept beside the first, not mixed into it
    expect(p.summary.filter((s) => s.label === 'Technical Details')).toHaveLength(1);
    expect(p.listings?.map((l) => l.date)).toEqual(['2025-01-14']);
  });

  it('reads every variant of the format', () => {
    const byId = new Map(papers.map((p) => [p.id, p]));
    // Vote: - and a relative thumbnail
    expect(byId.get('2501.06378')).toMatchObject({ votes: null, thumbnail: 'https://huggingface.co/avatars/3f1c2b7e9a.svg' });
    // Python list authors with diacritics
    expect(byId.get('2501.06378')!.authors.map((a) => a.name)).toEqual(['Sofía Navarro', 'Jonas Weiß', 'Tomoko Arai']);
    // a trailing + and a name listed twice
    const tools = byId.get('2501.08477')!;
    expect(tools.authorsTruncated).toBe(true);
    expect(tools.authors.filter((a) => a.name === 'Min-jun Park')).toHaveLength(1);
    // stray spaces and quotes, an organisation
    expect(byId.get('2501.07011')!.authors.map((a) => a.name)).toEqual(['Aurora Team', 'Priya Raman', 'Lukas Novák', "Emma O'Neil"]);
    // a pdf link with a version, a huggingface.co/papers link
    expect(byId.get('2501.07011')!.links.abs).toBe('https://arxiv.org/abs/2501.07011');
    expect(byId.get('2501.07245')!.links.pdf).toBe('https://arxiv.org/pdf/2501.07245');
    // every media form: [Watch Video](url) + <div><video>, bare <video>, broken [Watch Video]https://
    expect(byId.get('2501.08120')!.media).toEqual(['https://cdn-uploads.huggingface.co/production/uploads/64a1b2c3d4e5f6a7b8c9d0e1/motionpainter-demo.mp4']);
    expect(byId.get('2501.08311')!.media).toHaveLength(1);
    expect(byId.get('2501.08477')!.media).toEqual(['https://cdn-uploads.huggingface.co/production/uploads/64a1b2c3d4e5f6a7b8c9d0e1/tooluse.mp4']);
    // labelled bullets, both ** and *** forms
    expect(byId.get('2501.06122')!.summary.map((s) => s.label)).toContain('Technical Details');
    expect(byId.get('2501.06378')!.summary[0]!.label).toBe("What's New");
    // an early digest with no thumbnail, votes or authors
    expect(byId.get('2412.01107')).toMatchObject({ votes: null, thumbnail: null, authors: [] });
    // a title with an unbalanced bracket, and a + in the middle of the authors (no person; list incomplete)
    const sampling = byId.get('2501.09101')!;
    expect(sampling.title).toBe('Sampling Negatives in [0,1) Intervals for Contrastive Retrieval');
    expect(sampling.authors.map((a) => a.name)).toEqual(['Hana Kowalczyk', 'Lea Schmidt', 'Arjun Mehta', 'Kofi Mensah', 'Elena Petrova']);
    expect(sampling.authorsTruncated).toBe(true);
    // a character reference and a control character in a title; invisible characters in names
    const speech = byId.get('2501.09145')!;
    expect(speech.title).toBe('Speech & Text: Noisy Channel Decoding for Code-Switched ASR');
    expect(speech.authors.map((a) => a.name)).toEqual(['Grace Liu', 'Tomás Díaz', 'Mateus Oliveira']);
    // markdown in a title is read as plain text
    expect(byId.get('2501.07011')!.title).toBe('$\\mathcal{O}(n)$ Attention? A [Linear] Kernel View of Softmax_Scaling');
    // a javascript: thumbnail is dropped; a space in a video URL is percent-encoded
    expect(byId.get('2501.09230')).toMatchObject({
      thumbnail: null,
      media: ['https://cdn-uploads.huggingface.co/production/uploads/64a1b2c3d4e5f6a7b8c9d0e1/patchplay%20demo.mp4'],
    });
  });

  it('folds spellings of one person into one author record', () => {
    const authors: AuthorRecord[] = JSON.parse(readFileSync(join(out, 'authors.json'), 'utf8')).authors;
    const chen = authors.filter((a) => a.spellings.includes('Ying-Cong Chen'));
    expect(chen).toHaveLength(1);
    expect(chen[0]!.spellings).toEqual(['Ying-Cong Chen', 'Yingcong Chen']);
    expect(chen[0]!.papers.sort()).toEqual(['2501.05990', '2501.06122', '2501.08120']);
    const rame = authors.find((a) => a.spellings.includes('Alexandre Ramé'))!;
    expect(rame.spellings).toContain('Alexandre Rame');
    // a zero-width space or a soft hyphen does not make another person
    expect(authors.find((a) => a.key === 'grace liu')).toMatchObject({ spellings: ['Grace Liu'], count: 2 });
    expect(authors.find((a) => a.key === 'tomas diaz')).toMatchObject({ spellings: ['Tomás Díaz'], count: 2 });
    expect(authors.every((a) => /\p{L}/u.test(a.name))).toBe(true);
  });

  it('publishes every feed, the search index and the page', () => {
    for (const f of ['feed.xml', 'atom.xml', 'feed.json', 'daily.xml', 'daily.atom.xml', 'daily.json',
      'diffusion.xml', 'rl.json', 'popular.atom.xml', 'search-index.json', 'index.html']) {
      expect(statSync(join(out, f)).size, f).toBeGreaterThan(0);
    }
    const json = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items).toHaveLength(15);
    expect(JSON.parse(readFileSync(join(out, 'diffusion.json'), 'utf8')).items.map((i: { id: string }) => i.id))
      .toContain('https://arxiv.org/abs/2501.06378');
    expect(JSON.parse(readFileSync(join(out, 'rl.json'), 'utf8')).items.map((i: { id: string }) => i.id))
      .toContain('https://arxiv.org/abs/2501.06122');
  });

  it('serves Korean, English, author and arXiv ID queries from the published index', async () => {
    const index = await loadSearchIndex(readFileSync(join(out, 'search-index.json'), 'utf8'));
    const top = async (q: string) => (await index.search(q))[0]?.id;
    expect(await top('장문 벤치마크를')).toBe('2501.05990');
    expect(await top('speculative decoding')).toBe('2501.07245');
    expect(await top('Alexandre Rame')).toBe('2501.06122');
    expect(await top('https://arxiv.org/pdf/2501.08590v1.pdf')).toBe('2501.08590');
    expect(await top('음원분리')).toBe('2501.08311');
  });

  it('writes byte-identical output on a rerun under another time zone', async () => {
    const again = join(tmp, 'again');
    const second = await pipeline(input, again, { TZ: 'Asia/Seoul' });
    expect(second.code, second.stderr).toBe(0);
    // report.json alone holds timestamps.
    expect(await treeHashes(again, ['report.json'])).toEqual(await treeHashes(out, ['report.json']));
  });
});
