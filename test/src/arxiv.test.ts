import { describe, expect, it } from 'vitest';
import { normalizeUrl, parseArxiv, urlPaperId } from '../../src/arxiv.ts';

const NEW = {
  abs: 'https://arxiv.org/abs/2404.03715',
  pdf: 'https://arxiv.org/pdf/2404.03715',
  huggingface: 'https://huggingface.co/papers/2404.03715',
};

describe('parseArxiv', () => {
  it.each([
    ['https://arxiv.org/abs/2404.03715', null],
    ['https://arxiv.org/abs/2404.03715v2', 'v2'],
    ['http://www.arxiv.org/abs/2404.03715/', null],
    ['https://arxiv.org/pdf/2404.03715', null],
    ['https://arxiv.org/pdf/2404.03715.pdf', null],
    ['https://arxiv.org/pdf/2404.03715v3.pdf', 'v3'],
    ['https://export.arxiv.org/pdf/2404.03715v3', 'v3'],
    ['https://arxiv.org/html/2404.03715v1', 'v1'],
    ['https://ARXIV.org/abs/2404.03715?context=cs#x', null],
    ['arXiv:2404.03715', null],
    ['arxiv: 2404.03715v12', 'v12'],
    ['2404.03715', null],
    [' 2404.03715v4 ', 'v4'],
    ['https://huggingface.co/papers/2404.03715', null],
    ['huggingface.co/papers/2404.03715', null],
    ['arxiv.org/abs/2404.03715v2', 'v2'],
  ])('%s -> 2404.03715 (%s)', (ref, version) => {
    expect(parseArxiv(ref)).toEqual({ id: '2404.03715', version, links: NEW });
  });

  it('accepts 4-digit new-style ids (2007-2014)', () => {
    expect(parseArxiv('https://arxiv.org/abs/1412.6980v9')).toMatchObject({ id: '1412.6980', version: 'v9' });
  });

  it.each([
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['arXiv:hep-th/9901001v2', 'hep-th/9901001', 'v2'],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', null],
    ['https://arxiv.org/pdf/math.GT/0309136v1.pdf', 'math.GT/0309136', 'v1'],
    ['cond-mat.stat-mech/0102536', null, null],
  ])('old-style %s', (ref, id, version) => {
    const got = parseArxiv(ref);
    if (id === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got).toEqual({
      id,
      version,
      links: { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}`, huggingface: null },
    });
  });

  it.each([
    '',
    'https://openreview.net/forum?id=abc',
    'https://github.com/org/repo',
    'https://arxiv.org/list/cs.CL/recent',
    'https://huggingface.co/datasets/foo',
    'https://huggingface.co/papers',
    '2404.3715',
    '2413.03715',
    'ftp://arxiv.org/abs/2404.03715',
    'attention is all you need',
    'https://arxiv.org.evil.com/abs/2404.03715',
  ])('not arXiv: %j', (ref) => {
    expect(parseArxiv(ref)).toBeNull();
  });
});

describe('urlPaperId', () => {
  it('is url: + the normalized URL, stable across spelling of scheme, host case, www, fragment and trailing slash', () => {
    const id = 'url:openreview.net/forum?id=xYz123';
    expect(urlPaperId('https://www.OpenReview.net/forum?id=xYz123#discussion')).toBe(id);
    expect(urlPaperId('http://openreview.net/forum/?id=xYz123')).toBe(id);
    expect(urlPaperId('  https://openreview.net/forum?id=xYz123 ')).toBe(id);
  });
  it('keeps path and query case (they can matter) and tolerates unparseable input', () => {
    expect(normalizeUrl('https://example.org/Paper.PDF')).toBe('example.org/Paper.PDF');
    expect(urlPaperId('not a  url')).toBe('url:not a url');
  });
});
