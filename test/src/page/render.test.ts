import { describe, expect, it } from 'vitest';
import { hasMath, markRuns, mathAsText, mathRuns, safeUrl } from '../../../src/page/render.ts';

describe('markRuns', () => {
  it('marks the words (a joined word as a whole) whose analyzed terms include a query term, keeping the text whole', () => {
    const text = 'Diffusion models, diffusion-free: not Transformers.';
    const runs = markRuns(text, new Set(['diffusion']));
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['Diffusion', 'diffusion-free']);
  });

  it('gives one unmarked run without terms', () => {
    expect(markRuns('abc', new Set())).toEqual([{ text: 'abc', marked: false }]);
  });
});

describe('safeUrl', () => {
  const base = 'https://example.org/papers/';
  it('resolves http(s) URLs against the page', () => {
    expect(safeUrl('https://arxiv.org/abs/2404.01001', base)).toBe('https://arxiv.org/abs/2404.01001');
    expect(safeUrl('thumb.png', base)).toBe('https://example.org/papers/thumb.png');
  });
  it('refuses other schemes and empty values', () => {
    expect(safeUrl('javascript:alert(1)', base)).toBeNull();
    expect(safeUrl('data:image/png;base64,AAAA', base)).toBeNull();
    expect(safeUrl('', base)).toBeNull();
    expect(safeUrl(null, base)).toBeNull();
  });
});

describe('mathRuns', () => {
  it('finds $…$ and $$…$$ spans and gives the text back whole', () => {
    const text = 'Linear $\\mathcal{O}(n)$ and $$x^2$$ time';
    const runs = mathRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.tex !== undefined)).toEqual([
      { text: '$\\mathcal{O}(n)$', tex: '\\mathcal{O}(n)', display: false },
      { text: '$$x^2$$', tex: 'x^2', display: true },
    ]);
  });

  it('leaves prices, escaped dollars and a lone dollar as text', () => {
    for (const text of ['Earn $1 Million', 'costs $5 and $10', 'a \\$5 fee', 'in $200k', '$ $']) expect(hasMath(text), text).toBe(false);
    expect(hasMath('SL$^{2}$A-INR')).toBe(true);
  });
});

describe('mathAsText', () => {
  it('writes math spans as plain text for the tab title, leaving the rest alone', () => {
    expect(mathAsText('$\\mathcal{O}(n)$ Attention?')).toBe('O(n) Attention?');
    expect(mathAsText('Typesetting with $\\LaTeX$')).toBe('Typesetting with LaTeX');
    expect(mathAsText('$x^{2}_i$ and $$\\alpha$$')).toBe('x2i and alpha');
    expect(mathAsText('costs $5 and $10')).toBe('costs $5 and $10');
    expect(mathAsText('no math')).toBe('no math');
  });
});
