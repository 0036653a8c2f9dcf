/** The sharded cache layer: shard names, grouping, and a store's load, value, stage and write over runs. */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../pipeline/cache/cache-file.ts';
import { groupByShard, shardOf, SHARD_FILE, ShardStore } from '../../../pipeline/cache/shard-store.ts';
import { useTempDirs } from '../../helpers/ops.ts';

const tempDir = useTempDirs('dpf-shard-store-');
const isString = (v: unknown) => typeof v === 'string';

/** One run: a store over `dir` asked for `keys` (each built as its own text); returns it, what it built and the problems. */
async function run(dir: string | null, keys: string[], version = 'v1', { lazy = false, kept = [] as string[] } = {}) {
  const problems: string[] = [];
  const store = new ShardStore<string>(dir, 'test-shards@1', version, isString, (file, reason) => problems.push(`${path.basename(file)}: ${reason}`), lazy);
  await store.load();
  const built: string[] = [];
  const values = keys.map((key) => store.value(key, () => (built.push(key), `value of ${key}`)));
  for (const key of kept) store.keep(key);
  const read = store.shardsRead;
  const staged = store.stage();
  store.write(staged);
  return { store, built, values, staged, problems, read };
}

describe('shards', () => {
  it('names a shard by the key’s first two hex digits; shard files match SHARD_FILE', () => {
    const key = sha256('x');
    expect(shardOf(key)).toBe(key.slice(0, 2));
    expect(SHARD_FILE.exec(`${shardOf(key)}.bin`)?.[1]).toBe(shardOf(key));
    expect(SHARD_FILE.test('0a.bin.tmp')).toBe(false);
    expect(SHARD_FILE.test('0A.bin')).toBe(false);
  });

  it('groups entries by shard, keeping their order within a shard', () => {
    const groups = groupByShard([
      ['ab01', 1],
      ['cd02', 2],
      ['ab03', 3],
    ]);
    expect([...groups.keys()]).toEqual(['ab', 'cd']);
    expect([...groups.get('ab')!]).toEqual([
      ['ab01', 1],
      ['ab03', 3],
    ]);
    expect(groupByShard([]).size).toBe(0);
  });
});

describe('ShardStore', () => {
  const a = sha256('a');
  const b = sha256('b');
  const c = sha256('c');

  it('builds once, then serves the stored value; rewrites only the shards that changed', async () => {
    const dir = await tempDir();
    const first = await run(dir, [a, b, a]);
    expect(first.built).toEqual([a, b]);
    expect(first.values).toEqual([`value of ${a}`, `value of ${b}`, `value of ${a}`]);
    expect(first.staged).toHaveLength(new Set([shardOf(a), shardOf(b)]).size);
    const second = await run(dir, [a, b]);
    expect(second.built).toEqual([]);
    expect([second.store.hits, second.store.misses]).toEqual([2, 0]);
    expect(second.staged).toEqual([]);
    const third = await run(dir, [a, c]);
    expect(third.built).toEqual([c]);
    // c's shard is new; b's is rewritten without b (or removed when b was alone in it).
    expect(third.staged.map((s) => path.basename(s.file)).sort()).toEqual([...new Set([`${shardOf(c)}.bin`, `${shardOf(b)}.bin`])].sort());
    expect((await run(dir, [a, b, c])).built).toEqual([b]);
  });

  it('does not use another version’s shards; reports a corrupt or foreign one and removes stray files on write', async () => {
    const dir = await tempDir();
    await run(dir, [a]);
    expect((await run(dir, [a], 'v2')).built).toEqual([a]);
    await writeFile(path.join(dir, `${shardOf(b)}.bin`), 'not a cache file');
    await writeFile(path.join(dir, 'left-by-a-killed-run.tmp'), 'x');
    const next = await run(dir, [a, c]);
    expect(next.problems).toEqual([`${shardOf(b)}.bin: no header line`]);
    expect((await readdir(dir)).every((name) => SHARD_FILE.test(name))).toBe(true);
  });

  it('without a folder builds every time and writes nothing', async () => {
    const none = await run(null, [a, a]);
    expect(none.built).toEqual([a, a]);
    expect(none.staged).toEqual([]);
  });

  it('lazy: reads only the shards of the keys asked for; keeps a kept value unread, and prunes only shards it read', async () => {
    const dir = await tempDir();
    // Keys in two shards: x1, x2 in one, y in another.
    const keys = Array.from({ length: 2000 }, (_, i) => sha256(String(i)));
    const [x1, x2] = keys.filter((k) => shardOf(k) === shardOf(keys[0]!));
    const y = keys.find((k) => shardOf(k) !== shardOf(x1!))!;
    await run(dir, [x1!, x2!, y], 'v1', { lazy: true });
    const asked = await run(dir, [x1!], 'v1', { lazy: true, kept: [x2!] });
    expect([asked.built, asked.read, asked.staged]).toEqual([[], 1, []]); // y's shard not read, x2 kept
    const pruned = await run(dir, [x1!], 'v1', { lazy: true });
    expect(pruned.staged.map((f) => path.basename(f.file))).toEqual([`${shardOf(x1!)}.bin`]); // x2 gone from it
    expect((await run(dir, [x2!, y], 'v1', { lazy: true })).built).toEqual([x2]);
    expect((await run(dir, [y], 'v1', { lazy: true })).built).toEqual([]); // y's shard was never pruned
    // Nothing asked for: nothing read or written.
    expect(await run(dir, [], 'v1', { lazy: true })).toMatchObject({ read: 0, staged: [] });
  });

  it('eager: a kept value stays in its shard as if used', async () => {
    const dir = await tempDir();
    await run(dir, [a, b]);
    const kept = await run(dir, [], 'v1', { kept: [a, b] });
    expect(kept.staged).toEqual([]);
    expect((await run(dir, [a, b])).built).toEqual([]);
  });
});
