/**
 * The bundle cache (pipeline/cache/bundle-cache.ts): a bundle is built once and reused while its
 * key and every input's content stay the same; nothing is cached without a cache folder; a
 * corrupt entry is discarded and rebuilt. And the page's real bundles through it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleCache } from '../../../pipeline/cache/bundle-cache.ts';
import { bundlePage } from '../../../pipeline/page/bundle.ts';
import { bundleClient } from '../../../pipeline/page/client.ts';
import { useTempDirs } from '../../helpers/ops.ts';

const tempDir = useTempDirs('dpf-bundle-cache-');

/** A "bundler" that concatenates its input files and counts its runs. */
function concat(inputs: string[]) {
  let runs = 0;
  const build = async () => {
    runs++;
    const parts = await Promise.all(inputs.map((f) => readFile(f)));
    return { output: new Uint8Array(Buffer.concat(parts)), inputs };
  };
  return { build, runs: () => runs };
}

describe('BundleCache', () => {
  it('reuses a bundle while its key and inputs are unchanged, and rebuilds when either changes', async () => {
    const dir = await tempDir();
    const a = path.join(dir, 'a.ts');
    const b = path.join(dir, 'b.ts');
    await writeFile(a, 'A');
    await writeFile(b, 'B');
    const bundler = concat([a, b]);
    const cacheDir = path.join(dir, 'cache');
    const text = async (cache: BundleCache, key = 'k1') => Buffer.from(await cache.get('main.js', key, bundler.build)).toString();

    expect(await text(new BundleCache(cacheDir))).toBe('AB');
    const second = new BundleCache(cacheDir);
    expect(await text(second)).toBe('AB');
    expect([bundler.runs(), second.hits, second.misses]).toEqual([1, 1, 0]);

    await writeFile(b, 'C');
    expect(await text(new BundleCache(cacheDir))).toBe('AC');
    expect(bundler.runs()).toBe(2);
    expect(await text(new BundleCache(cacheDir), 'k2')).toBe('AC');
    expect(bundler.runs()).toBe(3);
    expect(await text(new BundleCache(cacheDir), 'k2')).toBe('AC');
    expect(bundler.runs()).toBe(3);
  });

  it('caches nothing without a cache folder, and discards a corrupt entry', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'a.ts');
    await writeFile(input, 'A');
    const bundler = concat([input]);
    const none = new BundleCache(null);
    await none.get('x.js', 'k', bundler.build);
    await none.get('x.js', 'k', bundler.build);
    expect(bundler.runs()).toBe(2);
    expect(await readdir(dir)).toEqual(['a.ts']);

    const cacheDir = path.join(dir, 'cache');
    await new BundleCache(cacheDir).get('x.js', 'k', bundler.build);
    const file = path.join(cacheDir, 'bundles', 'x.js.bin');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    const broken = new BundleCache(cacheDir);
    expect(Buffer.from(await broken.get('x.js', 'k', bundler.build)).toString()).toBe('A');
    expect(broken.discarded).toEqual([{ file: path.join('bundles', 'x.js.bin'), reason: 'checksum mismatch (truncated or edited)' }]);
    expect(bundler.runs()).toBe(4);
  });

  it('gives the page and the client the same bytes from the cache as from esbuild', async () => {
    const cacheDir = await tempDir();
    const fresh = { page: await bundlePage(), client: await bundleClient() };
    const first = new BundleCache(cacheDir);
    await bundlePage(first);
    await bundleClient(first);
    expect(first.misses).toBe(5);
    const again = new BundleCache(cacheDir);
    const cached = { page: await bundlePage(again), client: await bundleClient(again) };
    expect([again.hits, again.misses]).toEqual([5, 0]);
    expect(cached.client).toEqual(fresh.client);
    for (const key of ['js', 'worker', 'css'] as const) expect(cached.page[key]).toEqual(fresh.page[key]);
    expect(cached.page.math.js).toEqual(fresh.page.math.js);
  }, 60_000);
});
