/** The old cache layout goes once; the current one stays. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGACY_ENTRIES, removeLegacyCache } from '../../../pipeline/cache/legacy.ts';
import { useTempDirs } from '../../helpers/ops.ts';

describe('removeLegacyCache', () => {
  const temp = useTempDirs('dpf-legacy-');
  it('removes parse/, index/, feeds/, page/ and manifest.json, and leaves bundles/, last-report.json and the input folders', async () => {
    const dir = await temp();
    for (const d of ['parse/ab', 'index', 'feeds/items', 'page/papers', 'bundles', 'input-0a1b2c3d/parse/ab']) await mkdir(path.join(dir, d), { recursive: true });
    for (const f of ['parse/ab/x.bin', 'manifest.json', 'last-report.json', 'bundles/main.js.bin', 'input-0a1b2c3d/manifest.json']) await writeFile(path.join(dir, f), 'x');
    expect(await removeLegacyCache(dir)).toBe(LEGACY_ENTRIES.length);
    expect((await readdir(dir)).sort()).toEqual(['bundles', 'input-0a1b2c3d', 'last-report.json']);
    expect(await readdir(path.join(dir, 'input-0a1b2c3d'))).toContain('manifest.json');
    expect(await removeLegacyCache(dir)).toBe(0);
    expect(await removeLegacyCache(path.join(dir, 'absent'))).toBe(0);
  });
});
