import { describe, expect, it } from 'vitest';
import { HUGGING_FACE, absoluteHttpUrl } from '../../src/url.ts';

describe('absoluteHttpUrl', () => {
  it('resolves relative links against Hugging Face', () => {
    expect(absoluteHttpUrl('/papers/2404.03715')).toBe('https://huggingface.co/papers/2404.03715');
    expect(absoluteHttpUrl('avatars/x.svg')).toBe('https://huggingface.co/avatars/x.svg');
    expect(absoluteHttpUrl('//cdn.example/x.png')).toBe('https://cdn.example/x.png');
    expect(absoluteHttpUrl('')).toBe(HUGGING_FACE);
  });
  it('keeps absolute http(s) URLs, normalized', () => {
    expect(absoluteHttpUrl('https://OpenReview.net/forum?id=Xy12&z=1')).toBe('https://openreview.net/forum?id=Xy12&z=1');
    expect(absoluteHttpUrl('http://example.com')).toBe('http://example.com/');
  });
  it('refuses every other scheme and text the URL parser rejects', () => {
    expect(absoluteHttpUrl('javascript:alert(1)')).toBeNull();
    expect(absoluteHttpUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(absoluteHttpUrl('mailto:a@b.c')).toBeNull();
    expect(absoluteHttpUrl('https://a b/')).toBeNull();
  });
});
