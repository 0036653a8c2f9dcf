/** The fast-path manifest: reading, discarding a corrupt or foreign one, writing, trusted time stamps. */
import type { Stats } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, parseManifest, readManifest, trustedTime, writeManifest, type Manifest } from '../../../pipeline/cache/manifest.ts';
import { useProjects } from '../../helpers/ops.ts';

const project = useProjects();

describe('parseManifest', () => {
  it('takes a manifest of this format and shape, and says what is wrong with any other text', () => {
    const good = { format: MANIFEST_FORMAT, inputs: [], artifacts: [], diagnostics: {} };
    expect(parseManifest(JSON.stringify(good))).toEqual(good);
    expect(() => parseManifest('{')).toThrow(SyntaxError);
    expect(() => parseManifest(JSON.stringify({ ...good, format: 'other@1' }))).toThrow('foreign format "other@1"');
    expect(() => parseManifest(JSON.stringify({ ...good, diagnostics: undefined }))).toThrow('wrong shape');
    expect(() => parseManifest('null')).toThrow('foreign format undefined');
  });
});

describe('readManifest', () => {
  it('discards a corrupt or foreign manifest with a reason', async () => {
    const p = await project({});
    expect(await readManifest(p.cache)).toEqual({ manifest: null, problems: [] });
    await mkdir(p.cache, { recursive: true });
    await writeFile(path.join(p.cache, 'manifest.json'), '{"format":"x"');
    const broken = await readManifest(p.cache);
    expect(broken.manifest).toBeNull();
    expect(broken.problems).toEqual([{ file: 'manifest.json', reason: expect.stringMatching(/JSON/) }]);
    await writeFile(path.join(p.cache, 'manifest.json'), '{"format":"x"}');
    expect(await readManifest(p.cache)).toEqual({ manifest: null, problems: [{ file: 'manifest.json', reason: 'foreign format "x"' }] });
    // A discarded manifest is removed: the next read finds none.
    expect(await readManifest(p.cache)).toEqual({ manifest: null, problems: [] });
  });

  it('reads back what was written', async () => {
    const p = await project({});
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: '1.0.0+abc',
      configDigest: 'd',
      outputDir: p.output,
      inputs: [['2025/01/01.md', 'h', 10, null]],
      artifacts: [{ path: 'papers.json', sha256: 'h2', size: 3, mtimeMs: 1 }],
      outputDigest: 'o',
      diagnostics: {},
      counts: { papers: 1 },
      warningsByRule: {},
    };
    await writeManifest(p.cache, manifest);
    expect(await readManifest(p.cache)).toEqual({ manifest, problems: [] });
  });
});

describe('trustedTime', () => {
  it('trusts a modification time only for the recorded size and well before the run started', () => {
    const info = { size: 10, mtimeMs: 1_000 } as Stats;
    expect(trustedTime(info, 10, 5_000)).toBe(1_000);
    expect(trustedTime(info, 10, 2_500)).toBeNull(); // modified less than 2 s before the start
    expect(trustedTime(info, 11, 5_000)).toBeNull();
    expect(trustedTime(null, 10, 5_000)).toBeNull();
  });
});
