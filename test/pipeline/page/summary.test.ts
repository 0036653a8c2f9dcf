import { describe, expect, it } from 'vitest';
import { summarySection } from '../../../pipeline/page/summary.ts';

describe('summarySection', () => {
  it('keeps a plain bullet as its text', () => {
    expect(summarySection({ label: null, text: '강화학습 <b>x</b>', markdown: '강화학습 <b>x</b>' })).toEqual({ label: null, body: ['강화학습 <b>x</b>'] });
  });

  it('turns markdown into a tree: nested and numbered lists, emphasis, code, safe links; raw HTML as text', () => {
    const markdown = '구성 요소는 **다음과** 같습니다:\n\n3. `cache` 블록\n4. [논문](https://arxiv.org/abs/2404.03715) <img src=x onerror=alert(1)>\n   - 중첩 [나쁜 링크](javascript:alert(1))';
    const s = summarySection({ label: 'Technical Details', text: 'plain', markdown });
    expect(s.label).toBe('Technical Details');
    expect(s.body).toEqual([
      { k: 'p', c: ['구성 요소는 ', { k: 'b', c: ['다음과'] }, ' 같습니다:'] },
      {
        k: 'ol',
        start: 3,
        c: [
          { k: 'li', c: [{ k: 'code', c: ['cache'] }, ' 블록'] },
          {
            k: 'li',
            c: [
              { k: 'a', href: 'https://arxiv.org/abs/2404.03715', c: ['논문'] },
              ' ',
              '<img src=x onerror=alert(1)>',
              { k: 'ul', c: [{ k: 'li', c: ['중첩 ', '나쁜 링크'] }] },
            ],
          },
        ],
      },
    ]);
  });

  it('drops a label the markdown repeats', () => {
    const s = summarySection({ label: "What's New", text: 'x', markdown: "- ***What's New***: 새 *방법*" });
    expect(s.body).toEqual([{ k: 'p', c: ['새 ', { k: 'i', c: ['방법'] }] }]);
  });
});
