import { describe, expect, it } from 'vitest';
import { bundlePage } from '../../../pipeline/page/bundle.ts';

describe('bundlePage', () => {
  it('ships the math renderer apart, with KaTeX\'s stylesheet naming only the woff2 fonts it ships', async () => {
    const { js, math } = await bundlePage();
    const text = (d: string | Uint8Array) => (typeof d === 'string' ? d : new TextDecoder().decode(d));
    expect(math.js.path).toMatch(/^assets\/math\.[0-9a-f]{10}\.js$/);
    expect(text(js.data)).not.toContain('katex-mathml'); // KaTeX is not in the page's own script
    expect(text(math.js.data)).toContain('katex-mathml');
    const css = text(math.css.data);
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(10);
    const shipped = new Set(math.fonts.map((f) => f.path.replace(/^assets\//, '')));
    for (const u of urls) expect(shipped.has(u), u).toBe(true);
    for (const f of math.fonts) expect(f.path).toMatch(/^assets\/KaTeX_[\w-]+\.[0-9a-f]{10}\.woff2$/);
    expect(css).toContain('font-display:swap');
  });

  it('is deterministic', async () => {
    const [a, b] = [await bundlePage(), await bundlePage()];
    expect(a.math.js.path).toBe(b.math.js.path);
    expect(a.math.css.path).toBe(b.math.css.path);
    expect(a.js.path).toBe(b.js.path);
  });
});
