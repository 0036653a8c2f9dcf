import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { isValidDate, parseDigest } from '../../../src/digest/parse.ts';
import { FIXTURES, brief, parseBytes, parseFixture } from '../../helpers/digests.ts';

const enc = new TextEncoder();

describe('isValidDate', () => {
  it('accepts real dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-13-45')).toBe(false);
    expect(isValidDate('2024-4-5')).toBe(false);
  });
});

describe('parseDigest: variants', () => {
  it('reads a full modern digest: thumbnail, votes, authors, labelled summary', () => {
    const { entries, file } = parseFixture('variants/full.md');
    expect(file.messages).toEqual([]);
    expect(entries).toHaveLength(3);
    const [a, b, c] = entries;
    expect(a).toMatchObject({
      date: '2024-04-05',
      rank: 0,
      title: 'Ribbon: Folding Attention into Cheap Recurrences',
      url: 'https://arxiv.org/abs/2404.01001',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2404.01001.png',
      votes: 42,
      authors: ['Mina Park', 'Ying-Cong Chen', 'Alexandre Ramé', 'Gemma Team'],
      authorsTruncated: false,
      media: [],
      source: { file: 'variants/full.md', line: 3, column: 1 },
    });
    expect(a!.summary.map((s) => s.label)).toEqual(["What's New", 'Technical Details', 'Performance Highlights']);
    expect(a!.summary[0]!.text).toBe('어텐션 연산을 저렴한 순환 연산으로 접어 넣는 Ribbon 구조를 제안합니다.');
    expect(a!.summary[0]!.markdown).toBe('어텐션 연산을 저렴한 순환 연산으로 접어 넣는 Ribbon 구조를 제안합니다.');

    expect(b).toMatchObject({
      rank: 1,
      thumbnail: 'https://huggingface.co/avatars/5f1a2b3c4d.svg',
      votes: null,
      authors: ['Sai Reddy', 'Hana Kim', 'José Núñez'],
    });
    expect(b!.summary.map((s) => s.label)).toEqual(["What's New", 'Technical Details', 'Performance Highlights']);

    expect(c).toMatchObject({
      rank: 2,
      votes: 7,
      thumbnail: 'https://cdn-uploads.huggingface.co/production/uploads/abc123/robot.png',
      // duplicates are kept by the parser; the authors step removes them
      authors: ['Lee Minho', 'Lee Minho', "Sara O'Neil", 'Tomás Ruiz'],
      authorsTruncated: true,
    });
    expect(c!.summary).toEqual([
      { label: null, text: '수많은 연구실이 함께 만든 로봇 조작 데이터셋과 기준 모델을 보고합니다.', markdown: '수많은 연구실이 함께 만든 로봇 조작 데이터셋과 기준 모델을 보고합니다.' },
      { label: null, text: '데이터는 22종의 로봇 팔에서 수집되었으며, 모두 공개됩니다.', markdown: '데이터는 22종의 로봇 팔에서 수집되었으며, 모두 공개됩니다.' },
    ]);
  });

  it('reads titles as plain text: punctuation, brackets, LaTeX and tags kept, code spans without backticks; whitespace collapsed', () => {
    const { entries, file } = parseFixture('variants/titles.md');
    expect(file.messages).toEqual([]);
    expect(entries.map((e) => e.title)).toEqual([
      'LLM$\\times$Sort: Sorting with $O(n \\log n)$ Queries',
      'Q&A*: Is attention All You Need? [Yes] and [No]',
      "Let's <think> About Reasoning_Traces (Part 2)",
      '$\\textbf{Tiny}$-VLM: A 50M Vision-Language Model',
    ]);
    expect(entries.map((e) => e.url)).toEqual([
      'https://arxiv.org/abs/2404.02001',
      'https://arxiv.org/abs/2404.02002v2',
      'https://arxiv.org/pdf/2404.02003v3.pdf',
      'https://huggingface.co/papers/2404.02004',
    ]);
  });

  it('keeps a paper whose title has unbalanced brackets, reading the title from the line, with a warning', () => {
    const { entries, file } = parseFixture('variants/brackets.md');
    expect(entries.map((e) => [e.title, e.url])).toEqual([
      ['Sampling in [0,1) Intervals Without Rejection', 'https://arxiv.org/abs/2503.00003'],
      ['Escaping ]]> in XML-Embedded Prompts', 'https://arxiv.org/abs/2503.00004'],
      ['Thinking Budgets: When <think tags Never Close] and Other Failures', 'https://arxiv.org/abs/2503.00005v2'],
      ['Balanced [Brackets] Stay One Link', 'https://arxiv.org/abs/2503.00006'],
    ]);
    expect(entries[0]).toMatchObject({ votes: 7, authors: ['Ines Duarte', 'Pavel Orlov'] });
    expect(file.messages.map(brief)).toEqual([
      { ruleId: 'title-brackets', line: 3, column: 1, fatal: false },
      { ruleId: 'title-brackets', line: 11, column: 1, fatal: false },
      { ruleId: 'title-brackets', line: 17, column: 1, fatal: false },
      { ruleId: 'heading-without-link', line: 25, column: 1, fatal: false },
    ]);
  });

  it('decodes character references in titles, drops code-span backticks and escapes, cleans invisible characters', () => {
    const { entries, file } = parseFixture('variants/characters.md');
    expect(file.messages).toEqual([]);
    expect(entries.map((e) => e.title)).toEqual([
      'Pixels -> Actions: R&D on Agents → Robots',
      // inside a code span a reference stays as written (CommonMark)
      'Do I Look Like a cat.n.01 to You? Parsing a &amp; b and *Stars*',
      // a control character is a space; a soft hyphen and a zero-width space are nothing
      'Noisy Channel Decoding with SoftHyphens and ZeroWidth Spaces',
      'Keys Across Days',
    ]);
    expect(entries[2]!.authors).toEqual(['Aiko Mori', 'Jonas Weiss', 'Li Na', 'Noa Levi']);
  });

  it('never reads a + as an author: mid-list, leading and trailing + mark a list that does not name everyone', () => {
    const { entries, file } = parseFixture('variants/plus.md');
    expect(entries.map((e) => [e.authors, e.authorsTruncated])).toEqual([
      [['Ge Kim', 'Yu-Ann Tsai', 'Yi Li', 'Rui Yuan', 'Ola Berg'], true],
      [['Zhifang Sui', 'Peiyi Wang'], true],
      [['Ana Lee', 'Bo Kim'], true],
      [['Mina Cho', 'C++ Team'], false],
    ]);
    expect(file.messages.map(brief)).toEqual([{ ruleId: 'author-not-a-name', line: 23, column: 1, fatal: false }]);
    expect(file.messages[0]!.reason).toContain('`…`, `-`');
  });

  it('keeps only absolute http(s) media and thumbnails, percent-encoded; drops others with a warning', () => {
    const { entries, file } = parseFixture('variants/links.md');
    expect(entries.map((e) => [e.url, e.thumbnail, e.media])).toEqual([
      ['https://arxiv.org/abs/2405.00031', null, []],
      ['https://arxiv.org/abs/2405.00032', 'https://cdn.example.org/thumbs/my%20paper.png', ['https://cdn.example.org/videos/a%20demo.mp4']],
      ['/papers/2405.00033', 'https://huggingface.co/avatars/abc.svg', []],
      ['mailto:someone@example.org', null, []],
    ]);
    // the dropped lines are field lines: they do not leak into the summary
    expect(entries[0]!.summary.map((s) => s.text)).toEqual(['스크립트 썸네일과 data 영상은 버립니다.']);
    expect(file.messages.map(brief)).toEqual([
      { ruleId: 'url-not-http', line: 5, column: 1, fatal: false },
      { ruleId: 'url-not-http', line: 7, column: 1, fatal: false },
    ]);
  });

  it('reads two digest sections in one file, ranking each from 0', () => {
    const { entries, file } = parseFixture('variants/two-sections.md');
    expect(file.messages).toEqual([]);
    expect(entries.map((e) => [e.date, e.rank, e.title, e.votes, e.source.line])).toEqual([
      ['2024-10-18', 0, 'First Run Paper A', 11, 3],
      ['2024-10-18', 1, 'First Run Paper B', 9, 9],
      ['2024-10-18', 0, 'Second Run Paper C', 30, 17],
    ]);
  });

  it('ignores `##` sections that are not digests (a README with ## License)', () => {
    const { entries, file } = parseFixture('variants/license.md');
    expect(file.messages).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toHaveLength(1);
    expect(entries[0]!.summary[0]!.text).toBe('이 논문 뒤에 오는 라이선스 절은 논문이 아닙니다.');
  });

  it('collects media from <video> (with or without <div>), [Watch Video](url) and [Watch Video]url, deduplicated', () => {
    const { entries, file } = parseFixture('variants/media.md');
    expect(file.messages).toEqual([]);
    const base = 'https://cdn-uploads.huggingface.co/production/uploads/u1/';
    expect(entries.map((e) => e.media)).toEqual([[`${base}dance.mp4`], [`${base}broken.mp4`], [`${base}bare.mp4`]]);
    expect(entries.map((e) => e.votes)).toEqual([16, 8, null]);
    expect(entries.map((e) => e.authors)).toEqual([['Ara Choi', 'Ben Hall'], [], ['Chen Wei']]);
    // media lines never leak into the summary
    for (const e of entries) expect(e.summary.map((s) => s.markdown).join('\n')).not.toMatch(/mp4|Watch/);
  });

  it('reads nested lists, numbered lists and paragraphs after lists into the bullet they continue', () => {
    const { entries, file } = parseFixture('variants/summary.md');
    expect(file.messages).toEqual([]);
    const [nested, numbered, para] = entries;
    expect(nested!.summary).toHaveLength(2);
    expect(nested!.summary[0]).toEqual({
      label: null,
      text: '이 논문은 네 가지 주요 기여를 제시합니다.\n(1) 새로운 데이터셋을 공개합니다.\n(2) 평가 지표를 제안합니다.',
      markdown: '이 논문은 네 가지 주요 기여를 제시합니다.\n- (1) 새로운 데이터셋을 공개합니다.\n- (2) 평가 지표를 제안합니다.',
    });
    expect(numbered!.summary.map((s) => s.label)).toEqual(["What's New", 'Technical Details', 'Performance Highlights']);
    expect(numbered!.summary[1]).toEqual({
      label: 'Technical Details',
      text: '학습은 다음 단계로 이루어집니다:\nTokenizer: 10만 단어 크기의 토크나이저를 학습합니다.\nPretraining: 2조 토큰으로 사전학습합니다.',
      markdown:
        '학습은 다음 단계로 이루어집니다:\n1. **Tokenizer**: 10만 단어 크기의 토크나이저를 학습합니다.\n2. **Pretraining**: 2조 토큰으로 사전학습합니다.',
    });
    expect(para!.summary.map((s) => s.label)).toEqual(["What's New", 'Technical Details']);
    expect(para!.summary[1]!.text).toBe(
      '레이블 강조가 짝이 맞지 않아도 레이블로 읽습니다.\n추가 설명: 이 문단은 마지막 항목에 이어 붙습니다.',
    );
    expect(para!.summary[1]!.markdown).toBe(
      '레이블 강조가 짝이 맞지 않아도 레이블로 읽습니다.\n\n추가 설명: 이 문단은 마지막 항목에 이어 붙습니다.',
    );
  });

  it('reads the early format (no thumbnail, vote or authors; no blank line before the next heading)', () => {
    const { entries, file } = parseFixture('variants/early.md');
    expect(file.messages).toEqual([]);
    expect(entries.map((e) => [e.title, e.thumbnail, e.votes, e.authors, e.summary.length])).toEqual([
      ['Early Format Without Metadata', null, null, [], 2],
      ['Heading Right After a Bullet', null, null, [], 1],
    ]);
    expect(entries[1]!.source.line).toBe(7);
  });

  it('reads every Authors form: Python list with quotes, stray spaces and quotes, trailing + inside a list', () => {
    const { entries, file } = parseFixture('variants/authors.md');
    expect(file.messages).toEqual([]);
    expect(entries.map((e) => [e.authors, e.authorsTruncated])).toEqual([
      [['Yuki Tanaka', "Sean O'Brien", 'Ana-Maria Popescu', 'Yingcong Chen'], false],
      [['Zoë Adams', 'Kai Liu', 'Liu Yang', 'Alexandre Rame'], false],
      [['Mira Sato', 'Jun Ho Lee'], true],
    ]);
  });

  it('gives the same entries for CRLF line endings and a BOM as for the LF original', () => {
    const original = readFileSync(path.join(FIXTURES, 'variants/full.md'));
    const lf = parseBytes(original, 'variants/full.md');
    const crlfText = original.toString('utf8').replace(/\n/g, '\r\n');
    const crlf = parseBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(crlfText)]), 'variants/full.md');
    expect(crlf.file.messages).toEqual([]);
    expect(crlf.entries).toEqual(lf.entries);
    for (const e of crlf.entries) for (const s of e.summary) expect(s.markdown).not.toMatch(/\r/);
  });
});

describe('parseDigest: options', () => {
  it('`whole` gives the same entries and messages as the heading-by-heading parse', () => {
    const rels = ['variants/full.md', 'variants/summary.md', 'variants/media.md', 'variants/brackets.md', 'variants/characters.md', 'variants/links.md', 'bad/no-heading.md', 'bad/invalid-date.md', 'bad/heading-without-link.md'];
    for (const rel of rels) {
      const text = readFileSync(path.join(FIXTURES, rel), 'utf8');
      const a = new VFile({ path: rel });
      const b = new VFile({ path: rel });
      expect(parseDigest(text, a)).toEqual(parseDigest(text, b, { whole: true }));
      expect(a.messages.map(brief)).toEqual(b.messages.map(brief));
    }
  });
});

describe('parseDigest: bad input', () => {
  it('an empty file: a warning, no entries', () => {
    const { entries, file } = parseFixture('bad/empty.md');
    expect(entries).toEqual([]);
    expect(file.messages.map(brief)).toEqual([{ ruleId: 'empty-file', line: 1, column: 1, fatal: false }]);
  });

  it('a whitespace-only file counts as empty', () => {
    const file = new VFile({ path: 'blank.md' });
    expect(parseDigest('\n  \n\t\n', file)).toEqual([]);
    expect(file.messages.map((m) => m.ruleId)).toEqual(['empty-file']);
  });

  it('no digest heading: warns, and a paper heading outside any digest is reported, not read', () => {
    const { entries, file } = parseFixture('bad/no-heading.md');
    expect(entries).toEqual([]);
    expect(file.messages.map(brief)).toEqual([
      { ruleId: 'paper-outside-digest', line: 5, column: 1, fatal: false },
      { ruleId: 'no-digest-heading', line: 1, column: 1, fatal: false },
    ]);
    expect(file.messages[1]!.reason).toMatch(/Daily Papers/);
  });

  it('an invalid date (2024-13-45): warns at the heading and reports each skipped paper', () => {
    const { entries, file } = parseFixture('bad/invalid-date.md');
    expect(entries).toEqual([]);
    expect(file.messages.map(brief)).toEqual([
      { ruleId: 'invalid-date', line: 1, column: 1, fatal: false },
      { ruleId: 'paper-outside-digest', line: 3, column: 1, fatal: false },
    ]);
    expect(file.messages[0]!.reason).toContain('2024-13-45');
  });

  it('a paper heading without a link: warns at the heading, the next paper is read normally', () => {
    const { entries, file } = parseFixture('bad/heading-without-link.md');
    expect(entries.map((e) => e.title)).toEqual(['A Fine Paper']);
    expect(entries[0]!.rank).toBe(0);
    expect(file.messages.map(brief)).toEqual([{ ruleId: 'heading-without-link', line: 3, column: 1, fatal: false }]);
    expect(file.messages[0]!.reason).toContain('Paper Heading Without A Link');
    // the orphan bullets do not end up in the next paper
    expect(entries[0]!.summary.map((s) => s.text)).toEqual(['정상적인 논문입니다.']);
  });

  it('a non-arXiv link is parsed as is (the enrich step derives the id and warns)', () => {
    const { entries, file } = parseFixture('bad/non-arxiv.md');
    expect(file.messages).toEqual([]);
    expect(entries[0]!.url).toBe('https://www.OpenReview.net/forum?id=xYz123#discussion');
  });

  it('a non-numeric vote is reported and left unknown', () => {
    const file = new VFile({ path: 'v.md' });
    const entries = parseDigest('## Daily Papers (2024-01-02)\n\n### [T](https://arxiv.org/abs/2401.00001)\n\nVote: many\n', file);
    expect(entries[0]!.votes).toBeNull();
    expect(file.messages.map(brief)).toEqual([{ ruleId: 'vote-invalid', line: 5, column: 1, fatal: false }]);
  });

  it('a digest without papers is reported', () => {
    const file = new VFile({ path: 'e.md' });
    expect(parseDigest('## Daily Papers (2024-01-02)\n\nNothing today.\n', file)).toEqual([]);
    expect(file.messages.map((m) => m.ruleId)).toEqual(['empty-digest']);
  });
});
