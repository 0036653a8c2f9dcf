import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { isPlainParagraph } from '../../../pipeline/feeds/plain-markdown.ts';
import { summaryHast, summaryParts, toHtml } from '../../../pipeline/feeds/summary-html.ts';

const parser = unified().use(remarkParse);
const toHtmlPipeline = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);

/** The parser's mdast of `markdown` without positions. */
function mdast(markdown: string): unknown {
  return JSON.parse(JSON.stringify(parser.parse(markdown), (key, value: unknown) => (key === 'position' ? undefined : value)));
}

/** A seeded PRNG (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['모델을', '학습했습니다.', '성능이', '향상되었다', 'LLM', 'benchmark', 'state-of-the-art', '3D', '2.5%', 'GPT-4o', '(RL)', '"quoted"', "it's", 'x=1', 'a+b', '1.', '2)', '-', '+', '=', ':', '/', '@', '%', '^', '{}', '?'];
const SPECIAL = ['\\', '`', '*', '_', '[', ']', '!', '<', '>', '&', '|', '~', '$', '#', '\t', '\n', '\r', '\u00a0', '\u3000', '\ufeff', '  ', '- ', '+ ', '* ', '1. ', '1) ', '> ', '# ', '    ', '---', '==='];

/** A sentence of plain words, and sometimes a near miss: a special character or line start spliced in. */
function sentence(next: () => number, nearMiss: boolean): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const words = Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick(WORDS));
  let text = words.join(' ');
  if (nearMiss) {
    const at = Math.floor(next() * (text.length + 1));
    text = text.slice(0, at) + pick(SPECIAL) + text.slice(at);
  }
  return text;
}

const SAMPLES = (() => {
  const next = random(20240510);
  return Array.from({ length: 3000 }, (_, n) => sentence(next, n % 2 === 1));
})();

describe('isPlainParagraph', () => {
  it('accepts plain sentences and turns down markdown, HTML and odd whitespace', () => {
    for (const plain of ['모델을 학습했습니다.', 'GPT-4o scores 2.5% higher (RL) on x=1', '2024 results', '3D scenes']) expect(isPlainParagraph(plain)).toBe(true);
    for (const markup of ['', ' lead', 'trail ', 'a\nb', 'a\tb', 'a\u00a0b', '- item', '+ item', '1. item', '12) item', '=== x', 'a *b*', 'a_b', '`code`', '[link](x)', '![i](x)', '<b>', 'a > b', '&amp;', 'a\\b', '# title', 'a ~~b~~', '$x$', 'a | b'])
      expect(isPlainParagraph(markup)).toBe(false);
  });

  it('accepts only strings the parser reads as one paragraph of one text node equal to the string (generated plain strings and near misses)', () => {
    let accepted = 0;
    let rejected = 0;
    for (const text of SAMPLES) {
      if (isPlainParagraph(text)) {
        accepted++;
        expect(mdast(text), text).toEqual({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });
      } else rejected++;
    }
    // Both sides of the check are exercised.
    expect(accepted).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
  });

  it("gives the item HTML and text that unified gives, for accepted and turned-down strings alike", () => {
    for (const text of SAMPLES) {
      // Raw HTML is kept as text by the feeds, and a lone list is unwrapped: compare the rest.
      if (/[<>]/.test(text) || /^\s*(?:[-+*]|\d+[.)])(?:\s|$)/.test(text)) continue;
      const reference = String(toHtmlPipeline.processSync(text));
      const html = toHtml([summaryHast([{ label: null, markdown: text, text }])]);
      expect(html, text).toBe(`<ul><li>${reference}</li></ul>`.replace(/]]>/g, ']]&gt;'));
    }
  });

  it('strips a repeated plain label the same way as the parser path', () => {
    for (const text of SAMPLES.filter(isPlainParagraph).slice(0, 300)) {
      const item = { label: 'Method', markdown: `Method: ${text}`, text };
      // The same item with a tab inside the label separator is turned down and parsed.
      const parsed = { label: 'Method', markdown: `Method:\t${text}`, text };
      expect(isPlainParagraph(parsed.markdown)).toBe(false);
      expect(toHtml([summaryHast([item])])).toBe(toHtml([summaryHast([parsed])]));
      expect(summaryParts([item]).text).toBe(summaryParts([parsed]).text);
    }
  });
});

describe('summaryParts', () => {
  it('reads a summary once for its HTML and its first bullet text', () => {
    const summary = [
      { label: 'Method', markdown: '- **Method**: uses *two*\n  passes', text: '' },
      { label: null, markdown: '성능이 향상되었다', text: '성능이 향상되었다' },
    ];
    const parts = summaryParts(summary);
    expect(parts.text).toBe('uses two passes');
    expect(toHtml([parts.hast])).toBe('<ul><li><p><strong>Method</strong>: uses <em>two</em>\npasses</p></li><li><p>성능이 향상되었다</p></li></ul>');
    expect(summaryParts([])).toEqual({ hast: null, text: '' });
  });
});
