import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { List } from 'mdast';
import { parseBlocks } from '../../../src/digest/chunk.ts';
import { appendToSummary, readList } from '../../../src/digest/summary.ts';
import type { DigestEntry } from '../../../src/types.ts';
import { digestEntry } from '../../helpers/digests.ts';

/** Reads every list in `markdown` into one entry's summary. */
function summaryOf(markdown: string): DigestEntry['summary'] {
  const doc = { text: markdown, file: new VFile() };
  const e = digestEntry();
  for (const node of parseBlocks(markdown, true)) if (node.type === 'list') readList(doc, e, node as List);
  return e.summary;
}

describe('readList', () => {
  it('takes a bold label off each bullet, with the colon inside or outside the marks', () => {
    const summary = summaryOf("- **What's New**: 새 방법.\n- **Technical Details:** 세부.\n- *Note* : 참고.\n- 레이블 없음: 그대로.\n");
    expect(summary).toEqual([
      { label: "What's New", text: '새 방법.', markdown: '새 방법.' },
      { label: 'Technical Details', text: '세부.', markdown: '세부.' },
      { label: 'Note', text: '참고.', markdown: '참고.' },
      { label: null, text: '레이블 없음: 그대로.', markdown: '레이블 없음: 그대로.' },
    ]);
  });

  it('dedents continuation lines of a bullet to its content column', () => {
    expect(summaryOf('-   첫 줄\n    둘째 줄\n')).toEqual([{ label: null, text: '첫 줄 둘째 줄', markdown: '첫 줄\n둘째 줄' }]);
  });

  it('a numbered list after an item continues it; as the first list it opens items', () => {
    expect(summaryOf('- 단계:\n\n1. 하나\n2. 둘\n')).toEqual([{ label: null, text: '단계:\n하나\n둘', markdown: '단계:\n1. 하나\n2. 둘' }]);
    expect(summaryOf('1. 하나\n2. 둘\n').map((s) => s.text)).toEqual(['하나', '둘']);
  });
});

describe('appendToSummary', () => {
  it('opens an unlabelled item when there is none, then appends markdown after the separator and text on a new line', () => {
    const e = digestEntry();
    appendToSummary(e, 'a *b*', 'a b', '\n\n');
    appendToSummary(e, '<br>', '', '\n\n');
    appendToSummary(e, 'c', 'c', '\n');
    expect(e.summary).toEqual([{ label: null, text: 'a b\nc', markdown: 'a *b*\n\n<br>\nc' }]);
  });
});
