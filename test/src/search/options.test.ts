import { describe, expect, it } from 'vitest';
import { toSearchDocument } from '../../../src/search/options.ts';
import type { Paper, SummaryItem } from '../../../src/types.ts';

const item = (text: string): SummaryItem => ({ label: 'L', text, markdown: text });

const paper = (over: Partial<Paper>): Paper => ({
  id: '2501.00041',
  version: null,
  title: 'T',
  date: '2025-01-13',
  dates: ['2025-01-13'],
  votes: null,
  authors: [],
  authorsTruncated: false,
  summary: [],
  thumbnail: null,
  media: [],
  links: { abs: 'https://arxiv.org/abs/2501.00041', pdf: null, huggingface: null },
  source: { file: 'a.md', line: 3 },
  ...over,
});

describe('toSearchDocument', () => {
  it('indexes the summary, then the lines of other listings it does not hold yet, in listing order', () => {
    const doc = toSearchDocument(
      paper({
        summary: [item('첫 요약'), item('공통')],
        listings: [
          { date: '2025-01-14', summary: [item('공통'), item('다시 쓴 설명')] },
          { date: '2025-01-15', summary: [item('다시 쓴 설명'), item('셋째')] },
        ],
      }),
    );
    expect(doc.summary).toBe('첫 요약\n공통\n다시 쓴 설명\n셋째');
  });

  it('without other listings the summary is the summary lines as they are', () => {
    expect(toSearchDocument(paper({ summary: [item('a'), item('a')] })).summary).toBe('a\na');
  });
});
