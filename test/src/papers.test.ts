import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import { asFirstListed, comparePapers, identify, mergeEntries } from '../../src/papers.ts';
import { authorsStep } from '../../pipeline/steps/authors.ts';
import { enrichStep } from '../../pipeline/steps/enrich.ts';
import { createStepContext, type StepContext } from '../../pipeline/context.ts';
import type { DigestEntry } from '../../src/types.ts';
import { brief, digestEntry, parseFixture } from '../helpers/digests.ts';

function fakeCtx(): { ctx: StepContext; files: Map<string, VFile> } {
  return createStepContext({ config: {} as StepContext['config'], logger: { info() {}, progress() {}, warn() {} } });
}

/** A listing of `over.url` on `over.date` (src/digest's shape, empty elsewhere). */
const entry = (over: Partial<DigestEntry> & { url: string; date: string }): DigestEntry => digestEntry(over);

const messages = (files: Map<string, VFile>) =>
  [...files.values()].flatMap((f) => f.messages.map((m) => ({ file: f.path, ...brief(m), source: m.source })));

describe('identify', () => {
  it('derives ids and links from every heading link form', () => {
    const { entries } = parseFixture('variants/titles.md');
    expect(entries.map((e) => [identify(e.url).id, identify(e.url).version])).toEqual([
      ['2404.02001', null],
      ['2404.02002', 'v2'],
      ['2404.02003', 'v3'],
      ['2404.02004', null],
    ]);
  });
  it('keeps a non-arXiv link with a url: id and the link as abs', () => {
    expect(identify('https://www.OpenReview.net/forum?id=xYz123#discussion')).toEqual({
      id: 'url:openreview.net/forum?id=xYz123',
      version: null,
      arxiv: false,
      links: { abs: 'https://www.openreview.net/forum?id=xYz123#discussion', pdf: null, huggingface: null },
    });
  });
});

describe('mergeEntries', () => {
  it('merges a paper listed on several days: all dates, first date, highest vote, first title and source, the other summary kept beside it', () => {
    const s = (text: string) => ({ label: null, text, markdown: text });
    const papers = mergeEntries([
      entry({
        url: 'https://arxiv.org/abs/2410.09342v2',
        date: '2024-10-18',
        title: 'Later Title',
        votes: 34,
        authors: ['B Two', 'A One', 'C Three'],
        summary: [s('둘째 요약'), s('공통 문장')],
        media: ['m2', 'm1'],
        source: { file: '2024/10/18.md', line: 3, column: 1 },
      }),
      entry({
        url: 'https://arxiv.org/abs/2410.09342',
        date: '2024-10-16',
        title: 'First Title',
        votes: 15,
        thumbnail: 'https://x/t.png',
        authors: ['A One', 'B Two'],
        authorsTruncated: true,
        summary: [s('첫 요약'), s('공통 문장')],
        media: ['m1'],
        source: { file: '2024/10/16.md', line: 51, column: 1 },
      }),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toEqual({
      id: '2410.09342',
      version: 'v2',
      title: 'First Title',
      date: '2024-10-16',
      dates: ['2024-10-16', '2024-10-18'],
      votes: 34,
      authors: [
        { name: 'A One', key: 'a one' },
        { name: 'B Two', key: 'b two' },
        { name: 'C Three', key: 'c three' },
      ],
      authorsTruncated: false,
      summary: [s('첫 요약'), s('공통 문장')],
      listings: [{ date: '2024-10-18', summary: [s('둘째 요약'), s('공통 문장')] }],
      first: { votes: 15, version: null, media: ['m1'], authorCount: 2, authorsTruncated: true },
      thumbnail: 'https://x/t.png',
      media: ['m1', 'm2'],
      links: {
        abs: 'https://arxiv.org/abs/2410.09342',
        pdf: 'https://arxiv.org/pdf/2410.09342',
        huggingface: 'https://huggingface.co/papers/2410.09342',
      },
      source: { file: '2024/10/16.md', line: 51 },
    });
  });

  it('keeps votes null only when every listing is unknown', () => {
    const p = mergeEntries([
      entry({ url: '2401.00001', date: '2024-01-01' }),
      entry({ url: '2401.00001', date: '2024-01-02', votes: 0 }),
      entry({ url: '2401.00002', date: '2024-01-01' }),
    ]);
    expect(p.map((x) => [x.id, x.votes])).toEqual([
      ['2401.00001', 0],
      ['2401.00002', null],
    ]);
  });

  it('sorts newest date first, then votes descending with null last, then id', () => {
    const p = mergeEntries([
      entry({ url: '2401.00005', date: '2024-01-01', votes: 50 }),
      entry({ url: '2401.00004', date: '2024-01-02', votes: null }),
      entry({ url: '2401.00003', date: '2024-01-02', votes: 3 }),
      entry({ url: '2401.00002', date: '2024-01-02', votes: 3 }),
      entry({ url: '2401.00001', date: '2024-01-02', votes: 9 }),
    ]);
    expect(p.map((x) => x.id)).toEqual(['2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005']);
    expect([...p].reverse().sort(comparePapers)).toEqual(p);
  });

  it('is independent of input order', () => {
    const es = ['variants/full.md', 'variants/two-sections.md', 'bad/duplicate-paper.md'].flatMap((f) => parseFixture(f).entries);
    expect(mergeEntries([...es].reverse())).toEqual(mergeEntries(es));
  });
});

describe('first listing snapshot (Paper.first) and asFirstListed', () => {
  const first = (over: Partial<DigestEntry> = {}) =>
    entry({ url: 'https://arxiv.org/abs/2502.10401v1', date: '2025-02-04', votes: 31, authors: ['Amara Obi', 'Hana Kim'], authorsTruncated: true, ...over });
  const later = (over: Partial<DigestEntry> = {}) =>
    entry({
      url: 'https://arxiv.org/abs/2502.10401v3',
      date: '2025-04-02',
      votes: 99,
      thumbnail: 'https://x/t.png',
      authors: ['Hana Kim', 'Lars Berg'],
      media: ['https://x/v.mp4'],
      ...over,
    });

  it('keeps what the first listing said for each field a later listing changed, and only those, in a fixed key order', () => {
    const [p] = mergeEntries([later(), first()]);
    expect(p).toMatchObject({ votes: 99, version: 'v3', thumbnail: 'https://x/t.png', media: ['https://x/v.mp4'], authorsTruncated: false });
    expect(p!.authors.map((a) => a.name)).toEqual(['Amara Obi', 'Hana Kim', 'Lars Berg']);
    expect(JSON.stringify(p!.first)).toBe(
      JSON.stringify({ votes: 31, version: 'v1', thumbnail: null, media: [], authorCount: 2, authorsTruncated: true }),
    );
    // papers.json order: `first` right after `listings` (here absent), before `thumbnail`.
    expect(Object.keys(p!)).toEqual(['id', 'version', 'title', 'date', 'dates', 'votes', 'authors', 'authorsTruncated', 'summary', 'first', 'thumbnail', 'media', 'links', 'source']);
  });

  it('has no snapshot for a paper listed once, nor when later listings change nothing the merge keeps', () => {
    expect(mergeEntries([first()])[0]).not.toHaveProperty('first');
    // Fewer votes, no thumbnail, a subset of the authors, a lower version: the merge keeps the first listing's values.
    const same = mergeEntries([first(), later({ url: '2502.10401', votes: 3, thumbnail: null, media: [], authors: ['Hana Kim'], authorsTruncated: true })]);
    expect(same[0]!.dates).toHaveLength(2);
    expect(same[0]).not.toHaveProperty('first');
    // One changed field: one key.
    expect(mergeEntries([first(), later({ url: '2502.10401v1', thumbnail: null, media: [], authors: ['Hana Kim'], authorsTruncated: true })])[0]!.first).toEqual({ votes: 31 });
  });

  it('asFirstListed shows the paper as its first listing did, without changing the merged paper', () => {
    const s = (text: string) => ({ label: null, text, markdown: text });
    const [p] = mergeEntries([first({ summary: [s('first words')] }), later({ summary: [s('other words')] })]);
    const before = structuredClone(p!);
    const shown = asFirstListed(p!);
    expect(p).toEqual(before);
    expect(shown).toEqual({
      ...before,
      dates: ['2025-02-04'],
      votes: 31,
      version: 'v1',
      thumbnail: null,
      media: [],
      authors: before.authors.slice(0, 2),
      authorsTruncated: true,
      listings: undefined,
      first: undefined,
    });
    expect(shown).not.toHaveProperty('listings');
    expect(shown).not.toHaveProperty('first');
    expect(shown.summary).toEqual([s('first words')]);
    // A paper listed once is shown as it is.
    const [once] = mergeEntries([first()]);
    expect(asFirstListed(once!)).toBe(once);
    // Merging again from the first listing alone gives the same paper (up to the dates).
    const [alone] = mergeEntries([first({ summary: [s('first words')] })]);
    expect(shown).toEqual(alone);
  });
});

describe('authorsStep + enrichStep over fixtures', () => {
  it('the same paper twice in one digest: a warning with both positions, one merged record, nothing lost', () => {
    const { ctx, files } = fakeCtx();
    const { entries } = parseFixture('bad/duplicate-paper.md');
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, entries).value, base: null }).value;
    expect(messages(files)).toEqual([
      { file: 'bad/duplicate-paper.md', ruleId: 'duplicate-paper', line: 17, column: 1, fatal: false, source: 'pipeline:enrich' },
    ]);
    expect(files.get('bad/duplicate-paper.md')!.messages[0]!.reason).toContain('bad/duplicate-paper.md:3:1');
    expect(dataset.papers.map((p) => p.id)).toEqual(['2404.09301', '2404.09302']);
    const twice = dataset.papers[0]!;
    expect(twice).toMatchObject({
      title: 'Listed Twice',
      version: 'v2',
      votes: 14,
      dates: ['2024-04-09'],
      source: { file: 'bad/duplicate-paper.md', line: 3 },
      authors: [
        { name: 'Eun Ji Park', key: 'eunji park' },
        { name: 'Tom Baker', key: 'tom baker' },
      ],
    });
    expect(twice.summary.map((s) => s.text)).toEqual(['같은 다이제스트에 두 번 실린 논문의 첫 번째 목록입니다.']);
    expect(twice.listings?.map((l) => [l.date, l.summary.map((s) => s.text)])).toEqual([
      ['2024-04-09', ['두 번째 목록은 다른 요약을 담고 있습니다.']],
    ]);
    expect(dataset.authors.find((a) => a.key === 'eunji park')).toEqual({
      key: 'eunji park',
      name: 'Eun Ji Park',
      spellings: ['Eun Ji Park', 'Eunji Park'],
      papers: ['2404.09301'],
      count: 1,
    });
  });

  it('the same digest date in two files: one warning at the later file, both files kept', () => {
    const { ctx, files } = fakeCtx();
    const entries = ['same-date/a/2024-04-10.md', 'same-date/b/2024-04-10.md'].flatMap((f) => parseFixture(f).entries);
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, entries).value, base: null }).value;
    expect(messages(files)).toEqual([
      { file: 'same-date/b/2024-04-10.md', ruleId: 'duplicate-digest-date', line: 3, column: 1, fatal: false, source: 'pipeline:enrich' },
    ]);
    expect(files.get('same-date/b/2024-04-10.md')!.messages[0]!.reason).toContain('same-date/a/2024-04-10.md');
    expect(dataset.papers.map((p) => [p.id, p.date, p.source.file])).toEqual([
      ['2404.09401', '2024-04-10', 'same-date/a/2024-04-10.md'],
      ['2404.09402', '2024-04-10', 'same-date/b/2024-04-10.md'],
    ]);
  });

  it('two sections with the same date in one file are one digest: no warning', () => {
    const { ctx, files } = fakeCtx();
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, parseFixture('variants/two-sections.md').entries).value, base: null }).value;
    expect(messages(files)).toEqual([]);
    expect(dataset.papers.map((p) => p.id)).toEqual(['2410.03003', '2410.03001', '2410.03002']);
  });

  it('a non-arXiv link keeps the paper with a warning and a stable url: id', () => {
    const { ctx, files } = fakeCtx();
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, parseFixture('bad/non-arxiv.md').entries).value, base: null }).value;
    expect(messages(files)).toEqual([
      { file: 'bad/non-arxiv.md', ruleId: 'non-arxiv-link', line: 3, column: 1, fatal: false, source: 'pipeline:enrich' },
    ]);
    expect(dataset.papers).toHaveLength(1);
    expect(dataset.papers[0]).toMatchObject({
      id: 'url:openreview.net/forum?id=xYz123',
      title: 'A Workshop Paper Hosted Elsewhere',
      votes: 4,
      links: { abs: 'https://www.openreview.net/forum?id=xYz123#discussion', pdf: null, huggingface: null },
    });
  });

  it('a paper re-worded on later days: the first summary in `summary`, each differing one once in `listings`', () => {
    const { ctx, files } = fakeCtx();
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, parseFixture('variants/relisted.md').entries).value, base: null }).value;
    expect(messages(files)).toEqual([]);
    expect(dataset.papers).toHaveLength(1);
    const p = dataset.papers[0]!;
    expect(p).toMatchObject({ dates: ['2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16'], votes: 25, version: 'v2' });
    expect(p.summary.map((s) => [s.label, s.text])).toEqual([
      ["What's New", '첫 번째 요약입니다.'],
      ['Technical Details', '처음 쓴 기술 설명입니다.'],
    ]);
    // 2025-01-15 repeats 2025-01-14 and 2025-01-16 repeats the first: neither is kept again
    expect(p.listings?.map((l) => [l.date, l.summary.map((s) => s.text)])).toEqual([
      ['2025-01-14', ['첫 번째 요약입니다.', '다시 쓴 기술 설명입니다.']],
    ]);
    // a paper listed once, or always with the same summary, has no `listings`
    const once = enrichStep(ctx, { entries: authorsStep(ctx, parseFixture('variants/full.md').entries).value, base: null }).value;
    expect(once.papers.every((x) => !('listings' in x))).toBe(true);
  });

  it('links: a relative paper link resolves to its arXiv id; a non-http one is dropped with a warning, the paper kept', () => {
    const { ctx, files } = fakeCtx();
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, parseFixture('variants/links.md').entries).value, base: null }).value;
    expect(messages(files).filter((m) => m.source === 'pipeline:enrich')).toEqual([
      { file: 'variants/links.md', ruleId: 'link-not-http', line: 27, column: 1, fatal: false, source: 'pipeline:enrich' },
    ]);
    const byTitle = new Map(dataset.papers.map((p) => [p.title, p]));
    expect(byTitle.get('A Relative Paper Link')).toMatchObject({ id: '2405.00033', links: { abs: 'https://arxiv.org/abs/2405.00033' } });
    expect(byTitle.get('A Mail Link Is No Paper Page')).toMatchObject({
      id: 'url:someone@example.org',
      links: { abs: null, pdf: null, huggingface: null },
    });
    // nothing but absolute http(s) URLs anywhere in the papers
    const urls = dataset.papers.flatMap((p) => [p.thumbnail, ...p.media, p.links.abs, p.links.pdf, p.links.huggingface]).filter((u) => u !== null);
    for (const u of urls) expect(u).toMatch(/^https?:\/\/[^\s]+$/);
  });

  it('invisible characters do not split a person: one key, one clean spelling across days', () => {
    const { ctx } = fakeCtx();
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, parseFixture('variants/characters.md').entries).value, base: null }).value;
    const aiko = dataset.authors.find((a) => a.key === 'aiko mori');
    expect(aiko).toMatchObject({ name: 'Aiko Mori', spellings: ['Aiko Mori'], count: 2 });
    expect(dataset.authors.find((a) => a.key === 'jonas weiss')).toMatchObject({ spellings: ['Jonas Weiss'], count: 2 });
  });

  it('a + is never an author, in papers or in authors.json', () => {
    const { ctx } = fakeCtx();
    const dataset = enrichStep(ctx, { entries: authorsStep(ctx, parseFixture('variants/plus.md').entries).value, base: null }).value;
    const names = dataset.papers.flatMap((p) => p.authors.map((a) => a.name));
    expect(names).not.toContain('+');
    for (const a of dataset.authors) expect(a.name).toMatch(/\p{L}/u);
    expect(dataset.papers.find((p) => p.id === '2410.00021')).toMatchObject({ authorsTruncated: true });
  });

  it('authorsStep removes repeated names (first spelling kept) and reports them and stray quotes', () => {
    const { ctx, files } = fakeCtx();
    const input = parseFixture('variants/full.md').entries;
    const out = authorsStep(ctx, [...input, entry({ url: '2401.00001', date: '2024-01-01', authors: ['Sercan "O. Arik', 'Xu Han', 'XU Han'] })]).value;
    expect(out[2]!.authors).toEqual(['Lee Minho', "Sara O'Neil", 'Tomás Ruiz']);
    expect(out[3]!.authors).toEqual(['Sercan "O. Arik', 'Xu Han']);
    expect(input[2]!.authors).toHaveLength(4); // the input is not mutated
    expect(messages(files).map((m) => [m.file, m.ruleId, m.line, m.source])).toEqual([
      ['variants/full.md', 'author-duplicate', 33, 'pipeline:authors'], // the Authors: line, not the heading (line 27)
      ['2024-01-01.md', 'author-duplicate', 3, 'pipeline:authors'],
      ['2024-01-01.md', 'author-stray-quote', 3, 'pipeline:authors'],
    ]);
  });

  it('builds authors.json records across fixtures: folded keys, display names, NFC', () => {
    const { ctx } = fakeCtx();
    const entries = ['variants/full.md', 'variants/authors.md'].flatMap((f) => parseFixture(f).entries);
    const { authors, papers } = enrichStep(ctx, { entries: authorsStep(ctx, entries).value, base: null }).value;
    const byKey = new Map(authors.map((a) => [a.key, a]));
    expect(byKey.get('yingcong chen')).toMatchObject({ spellings: ['Ying-Cong Chen', 'Yingcong Chen'], count: 2 });
    expect(byKey.get('alexandre rame')).toMatchObject({ name: 'Alexandre Ramé', spellings: ['Alexandre Rame', 'Alexandre Ramé'] });
    expect(byKey.get('gemma team')).toMatchObject({ name: 'Gemma Team', papers: ['2404.01001'] });
    expect(authors.map((a) => a.key)).toEqual([...authors.map((a) => a.key)].sort());
    for (const a of authors) expect(a.name).toBe(a.name.normalize('NFC'));
    expect(papers.find((p) => p.id === '2404.01003')!.authorsTruncated).toBe(true);
  });
});
