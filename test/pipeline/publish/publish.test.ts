/** Atomic publish (staging folder + swap), recovery after an interrupted swap, and the run lock. */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, LockError, lockPath, recoverPublish, removeInBackground, replaceFile, stage, SYNC_WRITE_MAX_BYTES } from '../../../pipeline/publish/publish.ts';
import { TSX, makeProject, treeHashes, writeFiles, type Project, useProjects } from '../../helpers/ops.ts';

const project = useProjects();

const siblings = async (p: Project): Promise<string[]> => (await readdir(p.dir)).filter((n) => n.startsWith('.output.')).sort();

describe('publish', () => {
  it('replaces the output folder as a whole and carries README.md over', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'README.md': 'kept\n', 'old.json': '{}', 'sub/old.txt': 'x' });
    const staging = await stage(p.output);
    await staging.write('a.json', '{"a":1}\n');
    await staging.write('deep/b.bin', new Uint8Array([1, 2, 3]));
    await staging.write('deep/parts.txt', [Buffer.from('one '), Buffer.from('two')]);
    const { removed } = await staging.commit();
    // In place at once; the previous folder, renamed away, is gone once `removed` settles.
    expect(Object.keys(await treeHashes(p.output))).toEqual(['README.md', 'a.json', 'deep/b.bin', 'deep/parts.txt']);
    expect(await readFile(path.join(p.output, 'deep/b.bin'))).toEqual(Buffer.from([1, 2, 3]));
    expect(await readFile(path.join(p.output, 'deep/parts.txt'), 'utf8')).toBe('one two');
    await removed;
    expect(await siblings(p)).toEqual([]);
  });

  it('with leave, hands the previous folder over (renamed), and removeInBackground removes it in a detached process', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'old.json': '{}', 'deep/a/b.txt': 'x', 'deep/a/c.txt': 'y' });
    const staging = await stage(p.output);
    await staging.write('a.json', '{"a":1}\n');
    const { removed, leftover } = await staging.commit({ leave: true });
    await removed;
    expect(Object.keys(await treeHashes(p.output))).toEqual(['a.json']);
    // Renamed out of the way (nothing named .output.old-* that recoverPublish would restore), untouched.
    expect(await siblings(p)).toEqual([path.basename(leftover!)]);
    expect(leftover).toBe(path.join(p.dir, `.output.trash-${process.pid}`));
    expect(Object.keys(await treeHashes(leftover!))).toEqual(['deep/a/b.txt', 'deep/a/c.txt', 'old.json']);
    removeInBackground(leftover!);
    const deadline = Date.now() + 15_000;
    while ((await siblings(p)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await siblings(p)).toEqual([]);
  });

  it('writes files small and large, text and bytes, the same way: exact bytes (small ones in one synchronous call)', async () => {
    const p = await project({});
    const staging = await stage(p.output);
    const files: Record<string, string | Uint8Array> = {
      'at-limit.bin': new Uint8Array(SYNC_WRITE_MAX_BYTES).fill(7),
      'over-limit.bin': new Uint8Array(SYNC_WRITE_MAX_BYTES + 1).fill(9),
      // Text is measured in UTF-8 bytes: 3 per character here, so this one is over the limit.
      'over-limit.txt': '한'.repeat(Math.ceil(SYNC_WRITE_MAX_BYTES / 3) + 1),
      'small.txt': '{"a":"한"}\n',
      'empty.txt': '',
    };
    await Promise.all(Object.entries(files).map(([rel, data]) => staging.write(rel, data)));
    await staging.commit();
    for (const [rel, data] of Object.entries(files)) {
      expect(await readFile(path.join(p.output, rel)), rel).toEqual(Buffer.from(typeof data === 'string' ? Buffer.from(data) : data));
    }
  });

  it('rejects paths outside the folder and repeated paths; the output stays byte-identical', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'a.json': 'previous\n' });
    const before = await treeHashes(p.output);
    const staging = await stage(p.output);
    await staging.write('x.json', '1');
    await expect(staging.write('../escape.json', '2')).rejects.toThrow(/invalid or duplicate artifact path/);
    await expect(staging.write('x.json', '2')).rejects.toThrow(/duplicate/);
    await staging.abort();
    expect(await treeHashes(p.output)).toEqual(before);
    expect(await siblings(p)).toEqual([]);
  });

  it('shows nothing until commit; abort leaves the output untouched', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'a.json': 'previous\n' });
    const staging = await stage(p.output);
    await staging.write('a.json', 'next\n');
    await staging.write('report.json', '{}\n');
    expect(await readFile(path.join(p.output, 'a.json'), 'utf8')).toBe('previous\n');
    await staging.abort();
    expect(await readFile(path.join(p.output, 'a.json'), 'utf8')).toBe('previous\n');
    expect(await siblings(p)).toEqual([]);
    const second = await stage(p.output);
    await second.write('a.json', 'next\n');
    await second.commit();
    expect(await readFile(path.join(p.output, 'a.json'), 'utf8')).toBe('next\n');
  });

  it('replaceFile swaps one file atomically', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'report.json': 'old' });
    await replaceFile(p.output, 'report.json', 'new');
    expect(await readFile(path.join(p.output, 'report.json'), 'utf8')).toBe('new');
  });
});

describe('recoverPublish', () => {
  it('restores the previous output when a kill fell between the two renames', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'a.json': 'previous\n' });
    const before = await treeHashes(p.output);
    // The state a kill -9 leaves right after `rename(output, .output.old-<pid>)`.
    await rename(p.output, path.join(p.dir, '.output.old-999999'));
    await writeFiles(path.join(p.dir, '.output.staging-999999'), { 'a.json': 'half' });
    const notes = await recoverPublish(p.output);
    expect(notes.join('\n')).toMatch(/restored the previous output/);
    expect(await treeHashes(p.output)).toEqual(before);
    expect(await siblings(p)).toEqual([]);
  });

  it('removes leftovers of dead runs but not the staging folder of a live one', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'a.json': 'current\n' });
    await mkdir(path.join(p.dir, '.output.old-999998'));
    await writeFiles(path.join(p.dir, `.output.trash-${process.ppid}`), { 'a.json': 'left to a remover that did not finish' });
    await mkdir(path.join(p.dir, `.output.staging-${process.ppid}`));
    await recoverPublish(p.output);
    expect(await siblings(p)).toEqual([`.output.staging-${process.ppid}`]);
    expect(await readFile(path.join(p.output, 'a.json'), 'utf8')).toBe('current\n');
  });
});

describe('the run lock', () => {
  it('lets one run in at a time, with a message naming the holder', async () => {
    const p = await project({});
    const lock = await acquireLock(p.output);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      // Another live process holds it.
      await lock.release();
      await writeFile(lockPath(p.output), JSON.stringify({ pid: sleeper.pid, host: hostname(), started: '2025-01-01T00:00:00.000Z' }));
      const error = await acquireLock(p.output).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockError);
      expect((error as Error).message).toMatch(new RegExp(`another pipeline run \\(pid ${sleeper.pid} on .*started 2025-01-01.*wait for it to finish.*delete .*\\.output\\.lock`));
    } finally {
      sleeper.kill('SIGKILL');
    }
    await new Promise((resolve) => sleeper.once('exit', resolve));
    // Its process is gone now: the stale lock is taken over.
    const taken = await acquireLock(p.output);
    expect(taken.note).toMatch(new RegExp(`removed a stale lock of pid ${sleeper.pid}`));
    expect(JSON.parse(await readFile(lockPath(p.output), 'utf8')).pid).toBe(process.pid);
    await taken.release();
    await expect(stat(lockPath(p.output))).rejects.toThrow();
  });

  it('two acquisitions at once in one process: exactly one gets the lock', async () => {
    const p = await project({});
    const results = await Promise.allSettled([acquireLock(p.output), acquireLock(p.output)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(LockError);
    for (const r of results) if (r.status === 'fulfilled') await r.value.release();
  });

  it('two processes started at once: exactly one gets the lock', async () => {
    const p = await project({});
    const script = path.join(p.dir, 'take-lock.mts');
    await writeFile(
      script,
      `import { acquireLock } from ${JSON.stringify(path.resolve('pipeline/publish/publish.ts'))};\n` +
        `try { const lock = await acquireLock(${JSON.stringify(p.output)}); console.log('locked'); ` +
        `await new Promise((r) => setTimeout(r, 6000)); await lock.release(); } catch (e) { console.log(e.name); }\n`,
    );
    const runOne = (): Promise<string> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', TSX, script], { cwd: process.cwd() });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.once('exit', () => resolve(out.trim()));
      });
    const outcomes = await Promise.all([runOne(), runOne()]);
    expect(outcomes.sort()).toEqual(['LockError', 'locked']);
  }, 60_000);
});
