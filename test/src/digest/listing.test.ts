import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { Heading } from 'mdast';
import { parseBlocks } from '../../../src/digest/chunk.ts';
import { openPaper, readPaperBlock } from '../../../src/digest/listing.ts';
import type { DigestEntry } from '../../../src/types.ts';
import { brief } from '../../helpers/digests.ts';

/** Reads `markdown` (a paper heading and its block) the way parseDigest does. */
function read(markdown: string): { entry: DigestEntry | null; file: VFile } {
  const file = new VFile({ path: 'p.md' });
  const doc = { text: markdown, file };
  const [heading, ...blocks] = parseBlocks(markdown, true);
  const entry = openPaper(doc, heading as Heading, '2024-01-02', 4);
  if (entry) for (const node of blocks) readPaperBlock(doc, entry, node);
  return { entry, file };
}

describe('openPaper', () => {
  it('opens an entry at the heading with the link label as title, whitespace collapsed', () => {
    const { entry, file } = read('### [A  `code` \t Title](https://arxiv.org/abs/2401.00001 )\n');
    expect(file.messages).toEqual([]);
    expect(entry).toMatchObject({
      date: '2024-01-02',
      rank: 4,
      title: 'A code Title',
      url: 'https://arxiv.org/abs/2401.00001',
      source: { file: 'p.md', line: 1, column: 1 },
    });
  });

  it('reads a title as CommonMark plain text: references decoded, emphasis marks and code backticks gone', () => {
    const { entry } = read('### [R&amp;D *on* `x<y` \\[draft\\] &#169;](https://arxiv.org/abs/2401.00001)\n');
    expect(entry!.title).toBe('R&D on x<y [draft] ©');
  });

  it('recovers a title with unbalanced brackets from the line; the link is read as CommonMark decodes it', () => {
    const lone = read('### [A ] B](<https://arxiv.org/abs/2401.00001> "t")\n');
    expect(lone.entry).toMatchObject({ title: 'A ] B', url: 'https://arxiv.org/abs/2401.00001' });
    expect(lone.file.messages.map(brief)).toEqual([{ ruleId: 'title-brackets', line: 1, column: 1, fatal: false }]);
    const inner = read('### [In [0,1) *Fast*](https://arxiv.org/abs/2401.00002)\n');
    expect(inner.entry).toMatchObject({ title: 'In [0,1) Fast', url: 'https://arxiv.org/abs/2401.00002' });
    // a trailing # of the title is text, not a closing sequence
    expect(read('### [Learn C [# and F #](https://arxiv.org/abs/2401.00003)\n').entry!.title).toBe('Learn C [# and F #');
    // text after the link: the heading's first link, as before
    expect(read('### [T](https://arxiv.org/abs/2401.00004) (v2)\n').entry).toMatchObject({ title: 'T', url: 'https://arxiv.org/abs/2401.00004' });
  });

  it('warns about an empty title and an empty link, and skips a heading without a link (source `digest`)', () => {
    const empty = read('### [](<>)\n');
    expect(empty.entry).toMatchObject({ title: '', url: '' });
    expect(empty.file.messages.map((m) => m.ruleId)).toEqual(['empty-title', 'empty-link']);
    const bare = read('### Just a Title\n');
    expect(bare.entry).toBeNull();
    expect(bare.file.messages.map(brief)).toEqual([{ ruleId: 'heading-without-link', line: 1, column: 1, fatal: false }]);
    expect(bare.file.messages[0]!.source).toBe('digest');
  });
});

describe('readPaperBlock', () => {
  it('reads field lines into the metadata and the other lines into the summary', () => {
    const { entry } = read(
      '### [T](https://arxiv.org/abs/2401.00001)\n\n![](/thumb.png)\nVote: 12\n  Authors: Ana Lee, Bo Kim +\n[Watch Video](https://v.example/a.mp4)\n서론 문장입니다.\n',
    );
    expect(entry).toMatchObject({
      thumbnail: 'https://huggingface.co/thumb.png',
      votes: 12,
      authors: ['Ana Lee', 'Bo Kim'],
      authorsTruncated: true,
      authorsAt: { line: 5, column: 3 },
      // Where each name starts on its line (the line is indented by two).
      authorColumns: [12, 21],
      media: ['https://v.example/a.mp4'],
      summary: [{ label: null, text: '서론 문장입니다.', markdown: '서론 문장입니다.' }],
    });
  });

  it('takes a thumbnail only before any summary text', () => {
    const { entry } = read('### [T](https://arxiv.org/abs/2401.00001)\n\n- 요약\n\n![](/late.png)\n');
    expect(entry!.thumbnail).toBeNull();
    expect(entry!.summary).toEqual([{ label: null, text: '요약', markdown: '요약\n\n![](/late.png)' }]);
  });

  it('`Vote: -` is unknown; a non-numeric vote warns at its paragraph', () => {
    expect(read('### [T](https://arxiv.org/abs/2401.00001)\n\nVote: -\n').entry!.votes).toBeNull();
    const { entry, file } = read('### [T](https://arxiv.org/abs/2401.00001)\n\nVote: 3\nVote: lots\n');
    expect(entry!.votes).toBeNull();
    expect(file.messages.map(brief)).toEqual([{ ruleId: 'vote-invalid', line: 3, column: 1, fatal: false }]);
  });

  it('takes media from HTML blocks, deduplicated and resolved, and skips link definitions', () => {
    const { entry } = read(
      '### [T](https://arxiv.org/abs/2401.00001)\n\n<video src="/u/a.mp4"><source src=\'/u/a.mp4\'></video>\n\n[ref]: https://example.org\n',
    );
    expect(entry!.media).toEqual(['https://huggingface.co/u/a.mp4']);
    expect(entry!.summary).toEqual([]);
  });

  it('lets other blocks (a deeper heading, a quote) continue the summary', () => {
    const { entry } = read('### [T](https://arxiv.org/abs/2401.00001)\n\n- 첫 항목\n\n#### 부록\n\n> 인용\n');
    expect(entry!.summary).toEqual([{ label: null, text: '첫 항목\n부록\n인용', markdown: '첫 항목\n\n#### 부록\n\n> 인용' }]);
  });
});
