import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBlocks } from '../../../src/digest/chunk.ts';
import { FIXTURES } from '../../helpers/digests.ts';

const FIXTURE_FILES = [
  'variants/full.md',
  'variants/titles.md',
  'variants/two-sections.md',
  'variants/license.md',
  'variants/media.md',
  'variants/summary.md',
  'variants/early.md',
  'variants/authors.md',
  'bad/no-heading.md',
  'bad/invalid-date.md',
  'bad/heading-without-link.md',
  'bad/duplicate-paper.md',
];

describe('parseBlocks', () => {
  it('parsed heading by heading, gives the tree of a whole parse (positions included) for every fixture', () => {
    for (const rel of FIXTURE_FILES) {
      const text = readFileSync(path.join(FIXTURES, rel), 'utf8');
      expect(parseBlocks(text, false), rel).toEqual(parseBlocks(text, true));
    }
  });

  it('shifts positions back into the whole text (line, column and offset of a later heading)', () => {
    const text = '## Daily Papers (2024-01-02)\n\n### [A](https://arxiv.org/abs/2401.00001)\n\n- 요약\n### [B](https://arxiv.org/abs/2401.00002)\n';
    const blocks = parseBlocks(text, false);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'heading', 'list', 'heading']);
    const last = blocks[3]!.position!;
    expect(last.start).toEqual({ line: 6, column: 1, offset: text.indexOf('### [B]') });
    expect(text.slice(last.start.offset, last.end.offset)).toBe('### [B](https://arxiv.org/abs/2401.00002)');
  });

  it('parses whole when a construct could span a heading line (fenced code, HTML block)', () => {
    const fenced = '### [T](https://arxiv.org/abs/2401.00001)\n\n```\n## not a heading\n```\n';
    const html = '### [T](https://arxiv.org/abs/2401.00001)\n\n<div>\n## still html\n</div>\n';
    expect(parseBlocks(fenced, false).map((b) => b.type)).toEqual(['heading', 'code']);
    expect(parseBlocks(html, false).map((b) => b.type)).toEqual(['heading', 'html']);
  });

  it('cuts a paper chunk the fast path declines at empty lines, and still gives the whole parse (video line, loose list, indented code)', () => {
    const head = '### [T & U](https://arxiv.org/abs/2401.00001)\n\n';
    const video = '[Watch Video](https://x.co/v.mp4)\n<div><video controls src="https://x.co/v.mp4" muted="false"></video></div>\n\n';
    const texts = [
      `${head}${video}Authors: A B\n\n- 요약\n- 둘째 *강조* 줄\n`,
      `${head}- a\n\n- b\n\nVote: 3\n`, // a loose list: never cut before its second item
      `${head}    code\n\n    more code\n\nafter\n`, // indented code spans the empty line
      `${head}- a\n\n  continued\n\n1. one\n\n2. two\n`,
      `## Daily Papers (2024-01-02)\n\n${head}[Watch Video]https://x.co/v_w.mp4\n\n- _x_ 1120*1120\n`,
    ];
    for (const text of texts) expect(parseBlocks(text, false), text).toEqual(parseBlocks(text, true));
  });
});
