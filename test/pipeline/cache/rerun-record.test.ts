/**
 * The rerun record (pipeline/cache/rerun-record.ts): the key of a command, where the record
 * lives, the build stamp, the input folders and their trusted times, and each kind of change
 * that makes an entry void.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildStamp,
  configFileOf,
  entryChange,
  findEntry,
  foldersUnchanged,
  inputFolders,
  MAX_ENTRIES,
  recordFile,
  rerunKey,
  saveEntry,
  stamp,
  type RerunEntry,
} from '../../../pipeline/cache/rerun-record.ts';
import { writeFiles } from '../../helpers/ops.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dpf-rerun-record-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OLD = new Date(Date.now() - 60_000);

/** Sets the modification time of each path (relative to `dir`) a minute back. */
async function age(...rels: string[]): Promise<void> {
  for (const rel of rels) await utimes(path.join(dir, rel), OLD, OLD);
}

const flags = { strict: false, allowEmpty: false };

describe('the key and the record file', () => {
  it('finds the config file as the CLI does', async () => {
    expect(configFileOf(undefined, dir)).toBeNull();
    expect(configFileOf('other.ts', dir)).toBeUndefined(); // --config naming a missing file: the CLI reports it
    await writeFiles(dir, { 'pipeline.config.ts': 'export default {};\n', 'other.ts': 'export default {};\n' });
    expect(configFileOf(undefined, dir)).toBe(path.join(dir, 'pipeline.config.ts'));
    expect(configFileOf('other.ts', dir)).toBe(path.join(dir, 'other.ts'));
  });

  it('tells commands apart by folder, config, overrides and the flags that change the verdict', () => {
    const base = rerunKey({ ...flags, output: 'out' }, dir, null);
    expect(rerunKey({ ...flags, output: 'out', config: 'ignored: the resolved file counts' }, dir, null)).toBe(base);
    for (const other of [
      rerunKey({ ...flags, output: 'elsewhere' }, dir, null),
      rerunKey({ ...flags, output: 'out', input: 'in' }, dir, null),
      rerunKey({ ...flags, output: 'out', siteUrl: { url: 'https://a.example/', from: '--site-url' } }, dir, null),
      rerunKey({ ...flags, output: 'out', strict: true }, dir, null),
      rerunKey({ ...flags, output: 'out', allowEmpty: true }, dir, null),
      rerunKey({ ...flags, output: 'out' }, path.join(dir, 'sub'), null),
      rerunKey({ ...flags, output: 'out' }, dir, path.join(dir, 'pipeline.config.ts')),
    ]) {
      expect(other).not.toBe(base);
    }
  });

  it('keeps the record beside the config file, or in the working directory without one', () => {
    expect(recordFile(dir, path.join(dir, 'conf', 'pipeline.config.ts'))).toBe(path.join(dir, 'conf', '.cache', 'config', 'pipeline.config.runs.json'));
    expect(recordFile(dir, null)).toBe(path.join(dir, '.cache', 'config', 'no-config.runs.json'));
  });
});

describe('buildStamp', () => {
  it('changes with the build stamp, package.json and package-lock.json; null without a build', async () => {
    expect(buildStamp(dir)).toBeNull();
    await writeFiles(dir, { 'dist/build-stamp.json': '{"signatures":{"a.ts":"1:1"}}\n', 'package.json': '{"version":"1.0.0"}\n' });
    const first = buildStamp(dir);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(buildStamp(dir)).toBe(first);
    await writeFile(path.join(dir, 'dist/build-stamp.json'), '{"signatures":{"a.ts":"1:2"}}\n');
    const second = buildStamp(dir);
    expect(second).not.toBe(first);
    await writeFile(path.join(dir, 'package-lock.json'), '{}\n');
    expect(buildStamp(dir)).not.toBe(second);
  });
});

describe('inputFolders', () => {
  it('lists every folder with its time, trusted only when older than 2 s before the run', async () => {
    await writeFiles(dir, { 'in/2025/01/a.md': 'a', 'in/2025/02/b.md': 'b', 'in/.git/x': 'x', 'in/notes.txt': 'n' });
    await age('in', 'in/2025', 'in/2025/01');
    const folders = inputFolders(path.join(dir, 'in'), ['**/*.md'], Date.now());
    expect(folders?.map(([rel]) => rel)).toEqual(['', '2025', '2025/01', '2025/02']); // no dot-folder
    expect(folders?.find(([rel]) => rel === '2025/01')?.[1]).toBeCloseTo(OLD.getTime(), 0); // utimes keeps the time to the microsecond; mtimeMs is a float
    expect(folders?.find(([rel]) => rel === '2025/02')?.[1]).toBeNull(); // just written
    // An include glob that names a dot-folder walks dot-folders too.
    expect(inputFolders(path.join(dir, 'in'), ['.git/*'], Date.now())?.map(([rel]) => rel)).toContain('.git');
    expect(inputFolders(path.join(dir, 'missing'), ['**/*.md'], Date.now())).toBeNull();
  });

  it('follows symbolic links to folders, each real folder once', async () => {
    await writeFiles(dir, { 'in/a/x.md': 'x', 'elsewhere/y.md': 'y' });
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'in', 'linked'));
    await symlink(path.join(dir, 'in'), path.join(dir, 'in', 'a', 'loop'));
    const folders = inputFolders(path.join(dir, 'in'), ['**/*.md'], Date.now());
    expect(folders?.map(([rel]) => rel)).toEqual(['', 'a', 'linked']);
  });

  it('foldersUnchanged: false when a file is added to or removed from a folder, or a time is untrusted', async () => {
    await writeFiles(dir, { 'in/2025/a.md': 'a', 'in/2025/b.md': 'b' });
    await age('in', 'in/2025');
    const inputDir = path.join(dir, 'in');
    const folders = inputFolders(inputDir, ['**/*.md'], Date.now())!;
    expect(foldersUnchanged(inputDir, folders)).toBe(true);
    await writeFile(path.join(inputDir, '2025/b.md'), 'edited'); // content: the manifest's per-file stamps see it
    expect(foldersUnchanged(inputDir, folders)).toBe(true);
    await writeFile(path.join(inputDir, '2025/c.md'), 'c');
    expect(foldersUnchanged(inputDir, folders)).toBe(false);
    await age('in/2025');
    expect(foldersUnchanged(inputDir, folders)).toBe(true);
    await rm(path.join(inputDir, '2025/c.md'));
    expect(foldersUnchanged(inputDir, folders)).toBe(false);
    expect(foldersUnchanged(inputDir, [['', null]])).toBe(false);
  });
});

describe('entries', () => {
  async function entryFor(): Promise<RerunEntry> {
    await writeFiles(dir, {
      'root/dist/build-stamp.json': '{}\n',
      'root/package.json': '{}\n',
      'pipeline.config.ts': 'export default {};\n',
      'in/a.md': 'a',
      '.cache/pipeline/in-0000/manifest.json': '{}\n',
    });
    await age('in');
    const config = path.join(dir, 'pipeline.config.ts');
    return {
      key: rerunKey(flags, dir, config),
      build: buildStamp(path.join(dir, 'root'))!,
      version: '0.1.0+abc',
      config: { [config]: stamp(config)! },
      inputDir: path.join(dir, 'in'),
      outputDir: path.join(dir, 'out'),
      cacheDirAbs: path.join(dir, '.cache/pipeline'),
      cacheWorkDir: path.join(dir, '.cache/pipeline/in-0000'),
      digest: 'd',
      site: { url: 'https://a.example/', title: 't', description: '', language: 'ko' },
      feeds: {} as RerunEntry['feeds'],
      dirs: inputFolders(path.join(dir, 'in'), ['**/*.md'], Date.now())!,
      manifest: stamp(path.join(dir, '.cache/pipeline/in-0000/manifest.json'))!,
    };
  }

  it('entryChange names the first thing that changed: build, config, manifest, input folders', async () => {
    const entry = await entryFor();
    const root = path.join(dir, 'root');
    expect(entryChange(entry, root)).toBeNull();
    await writeFile(path.join(dir, 'in/b.md'), 'b');
    expect(entryChange(entry, root)).toBe('the input folders');
    await writeFile(path.join(dir, '.cache/pipeline/in-0000/manifest.json'), '{"other":1}\n');
    expect(entryChange(entry, root)).toBe('the manifest');
    await writeFile(path.join(dir, 'pipeline.config.ts'), 'export default { input: "x" };\n');
    expect(entryChange(entry, root)).toBe('the config');
    await writeFile(path.join(root, 'dist/build-stamp.json'), '{"rebuilt":true}\n');
    expect(entryChange(entry, root)).toBe('the build');
  });

  it('saveEntry replaces the same command, keeps the latest first and at most MAX_ENTRIES', async () => {
    const entry = await entryFor();
    const file = recordFile(dir, path.join(dir, 'pipeline.config.ts'));
    expect(findEntry(file, entry.key)).toBeNull();
    saveEntry(file, entry);
    expect(findEntry(file, entry.key)).toEqual(entry);
    saveEntry(file, { ...entry, digest: 'newer' });
    expect(findEntry(file, entry.key)?.digest).toBe('newer');
    for (let i = 0; i < MAX_ENTRIES; i++) saveEntry(file, { ...entry, key: `other ${i}` });
    const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: RerunEntry[] };
    expect(saved.entries).toHaveLength(MAX_ENTRIES);
    expect(saved.entries[0]?.key).toBe(`other ${MAX_ENTRIES - 1}`);
    expect(findEntry(file, entry.key)).toBeNull(); // the oldest went
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'not json');
    expect(findEntry(file, 'other 1')).toBeNull();
  });
});
