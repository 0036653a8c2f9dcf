/**
 * The feed cache (pipeline/cache/feed-cache.ts): items shared within a run and reused across runs
 * by content, complete archive documents reused by their input, nothing written before `stage`
 * is written, unused archive documents listed for pruning, corrupt and stale files handled.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { FeedCache, type FeedBytes, type FeedDocuments } from '../../../pipeline/cache/feed-cache.ts';
import { useTempDirs } from '../../helpers/ops.ts';

const VERSIONS = { items: 'items-1', documents: 'docs-1' };
const SITE = { base: 'https://example.org/', link: 'huggingface' };

interface Item {
  id: string;
  html: string;
  published: number;
  updated: number;
}

const cacheDir = useTempDirs('dpf-feed-cache-');

/** An item builder that counts its calls. */
function builder() {
  const calls: string[] = [];
  const build = (paper: { id: string; text: string }, published: number, updated: number) => (): Item => {
    calls.push(paper.id);
    return { id: paper.id, html: `<p>${paper.text}</p>`, published, updated };
  };
  return { calls, build };
}

const docs = (tag: string): FeedDocuments => ({ rss: `<rss>${tag}</rss>\n`, atom: `<feed>${tag}</feed>\n`, json: `{"t":"${tag}"}\n` });
/** A planned feed's stand-in: what the serializers would read. */
const feed = (...tags: string[]) => ({ tags, items: [] as object[] });
/** Documents as text, whichever form the cache returned. */
const text = (d: FeedDocuments | FeedBytes): FeedDocuments => ({ rss: String(Buffer.from(d.rss)), atom: String(Buffer.from(d.atom)), json: String(Buffer.from(d.json)) });

describe('items', () => {
  it('builds an item once per run and gives each caller its own times', () => {
    const cache = new FeedCache(null, VERSIONS);
    const { calls, build } = builder();
    const paper = { id: 'a', text: 'x' };
    const main = cache.item('paper', SITE, paper, 10, 20, build(paper, 10, 20));
    const archive = cache.item('paper', SITE, paper, 10, 10, build(paper, 10, 10));
    expect(calls).toEqual(['a']);
    expect(main).toEqual({ id: 'a', html: '<p>x</p>', published: 10, updated: 20 });
    expect(archive).toEqual({ id: 'a', html: '<p>x</p>', published: 10, updated: 10 });
    // Another kind, or another site, is another item.
    cache.item('day', SITE, paper, 10, 10, build(paper, 10, 10));
    cache.item('paper', { ...SITE }, paper, 10, 10, build(paper, 10, 10));
    expect(calls).toEqual(['a', 'a', 'a']);
  });

  it('shares equal content between different objects when it has a cache folder', async () => {
    const cache = new FeedCache(await cacheDir(), VERSIONS);
    const { calls, build } = builder();
    cache.item('paper', SITE, { id: 'a', text: 'x' }, 1, 1, build({ id: 'a', text: 'x' }, 1, 1));
    cache.item('paper', SITE, { id: 'a', text: 'x' }, 2, 2, build({ id: 'a', text: 'x' }, 2, 2));
    expect(calls).toEqual(['a']);
  });

  it('keys an item by the digest the caller gives instead of its JSON', async () => {
    const cache = new FeedCache(await cacheDir(), VERSIONS);
    const { calls, build } = builder();
    cache.item('paper', SITE, { id: 'a', text: 'x' }, 1, 1, build({ id: 'a', text: 'x' }, 1, 1), 'digest-1');
    // Same digest: the same content, whatever the object says.
    cache.item('paper', SITE, { id: 'b', text: 'y' }, 1, 1, build({ id: 'b', text: 'y' }, 1, 1), 'digest-1');
    cache.item('paper', SITE, { id: 'a', text: 'x' }, 1, 1, build({ id: 'a', text: 'x' }, 1, 1), 'digest-2');
    expect(calls).toEqual(['a', 'a']);
  });

  it('writes nothing without a cache folder', () => {
    const cache = new FeedCache(null, VERSIONS);
    const { build } = builder();
    cache.item('paper', SITE, { id: 'a', text: 'x' }, 1, 1, build({ id: 'a', text: 'x' }, 1, 1));
    expect(text(cache.archive(true, SITE, feed('input'), () => docs('a')))).toEqual(docs('a'));
    expect(cache.stage()).toBeNull();
  });

  it('reuses the items of the last written run by content, and keeps only the items a run used', async () => {
    const dir = await cacheDir();
    const first = new FeedCache(dir, VERSIONS);
    await first.load();
    const one = builder();
    for (const p of [{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }]) first.item('paper', SITE, p, 1, 1, one.build(p, 1, 1));
    const staged = first.stage();
    expect(staged).toMatchObject({ items: true, archives: 0 });
    // Nothing is on disk before the stage is written (a run that fails never writes it).
    await expect(readdir(dir)).resolves.toEqual([]);
    await staged!.write();

    const second = new FeedCache(dir, VERSIONS);
    await second.load();
    const two = builder();
    const a = second.item('paper', SITE, { id: 'a', text: 'x' }, 5, 6, two.build({ id: 'a', text: 'x' }, 5, 6));
    second.item('paper', SITE, { id: 'b', text: 'changed' }, 1, 1, two.build({ id: 'b', text: 'changed' }, 1, 1));
    expect(two.calls).toEqual(['b']);
    expect(a).toEqual({ id: 'a', html: '<p>x</p>', published: 5, updated: 6 });
    expect([second.itemHits, second.itemMisses]).toEqual([1, 1]);
    await second.stage()!.write();

    // The old "b" is gone from the file: a run that asks for it builds it again.
    const third = new FeedCache(dir, VERSIONS);
    await third.load();
    const three = builder();
    third.item('paper', SITE, { id: 'b', text: 'y' }, 1, 1, three.build({ id: 'b', text: 'y' }, 1, 1));
    third.item('paper', SITE, { id: 'b', text: 'changed' }, 1, 1, three.build({ id: 'b', text: 'changed' }, 1, 1));
    expect(three.calls).toEqual(['b']);
  });

  it('does not rewrite an unchanged items file', async () => {
    const dir = await cacheDir();
    const run = async () => {
      const cache = new FeedCache(dir, VERSIONS);
      await cache.load();
      const { build } = builder();
      cache.item('paper', SITE, { id: 'a', text: 'x' }, 1, 1, build({ id: 'a', text: 'x' }, 1, 1));
      return cache.stage();
    };
    await (await run())!.write();
    expect(await run()).toBeNull();
  });

  it('rewrites only the shards whose items changed, and removes a shard left with none', async () => {
    const dir = await cacheDir();
    const shards = path.join(dir, 'feeds', 'items');
    const papers = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, text: `t${i}` }));
    const first = new FeedCache(dir, VERSIONS);
    for (const p of papers) first.item('paper', SITE, p, 1, 1, builder().build(p, 1, 1));
    const staged = first.stage()!;
    await staged.write();
    const names = (await readdir(shards)).sort();
    expect(staged.itemShards).toBe(names.length);
    expect(names.length).toBeGreaterThan(20);

    // One paper more, one paper fewer: two shards at most change.
    const second = new FeedCache(dir, VERSIONS);
    await second.load();
    const built = builder();
    for (const p of [...papers.slice(1), { id: 'new', text: 'n' }]) second.item('paper', SITE, p, 1, 1, built.build(p, 1, 1));
    expect(built.calls).toEqual(['new']);
    const next = second.stage()!;
    expect(next.itemShards).toBeGreaterThanOrEqual(1);
    expect(next.itemShards).toBeLessThanOrEqual(2);
    await next.write();

    // Every item of the second run is in the shards, and only those.
    const third = new FeedCache(dir, VERSIONS);
    await third.load();
    const again = builder();
    for (const p of [...papers.slice(1), { id: 'new', text: 'n' }]) third.item('paper', SITE, p, 1, 1, again.build(p, 1, 1));
    expect(again.calls).toEqual([]);
    expect(third.stage()).toBeNull();
    const fourth = new FeedCache(dir, VERSIONS);
    await fourth.load();
    const old = builder();
    fourth.item('paper', SITE, papers[0]!, 1, 1, old.build(papers[0]!, 1, 1));
    expect(old.calls).toEqual(['p0']);

    // A run that uses no item removes every shard.
    const empty = new FeedCache(dir, VERSIONS);
    await empty.load();
    await empty.stage()!.write();
    expect(await readdir(shards)).toEqual([]);
  });

  it('ignores the items of another item code version, and discards a corrupt items file', async () => {
    const dir = await cacheDir();
    const first = new FeedCache(dir, VERSIONS);
    const paper = { id: 'a', text: 'x' };
    first.item('paper', SITE, paper, 1, 1, builder().build(paper, 1, 1));
    await first.stage()!.write();

    const other = new FeedCache(dir, { ...VERSIONS, items: 'items-2' });
    await other.load();
    const b = builder();
    other.item('paper', SITE, paper, 1, 1, b.build(paper, 1, 1));
    expect(b.calls).toEqual(['a']);
    expect(other.discarded).toEqual([]);

    const [shard] = await readdir(path.join(dir, 'feeds', 'items'));
    const file = path.join(dir, 'feeds', 'items', shard!);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));
    const broken = new FeedCache(dir, VERSIONS);
    await broken.load();
    const c = builder();
    broken.item('paper', SITE, paper, 1, 1, c.build(paper, 1, 1));
    expect(c.calls).toEqual(['a']);
    expect(broken.discarded).toEqual([{ file: path.join('feeds', 'items', shard!), reason: 'checksum mismatch (truncated or edited)' }]);
  });
});

describe('complete archive documents', () => {
  it('renders an open document every time, and a complete one once for the same input', async () => {
    const dir = await cacheDir();
    const first = new FeedCache(dir, VERSIONS);
    let renders = 0;
    const render = (tag: string) => () => (renders++, docs(tag));
    expect(text(first.archive(false, SITE, feed('open'), render('open')))).toEqual(docs('open'));
    expect(text(first.archive(true, SITE, feed('jan'), render('jan')))).toEqual(docs('jan'));
    expect(text(first.archive(true, SITE, feed('feb'), render('feb')))).toEqual(docs('feb'));
    expect(renders).toBe(3);
    const staged = first.stage();
    expect(staged).toMatchObject({ archives: 2 });
    // Written by the stage only.
    await expect(readdir(dir)).resolves.toEqual([]);
    await staged!.write();

    const again = new FeedCache(dir, VERSIONS);
    renders = 0;
    expect(text(again.archive(true, SITE, feed('jan'), render('other')))).toEqual(docs('jan'));
    expect(text(again.archive(false, SITE, feed('open'), render('open')))).toEqual(docs('open'));
    expect(text(again.archive(true, SITE, feed('feb', 'changed'), render('feb2')))).toEqual(docs('feb2'));
    expect(renders).toBe(2);
    expect([again.archiveHits, again.archiveMisses]).toEqual([1, 1]);
    // The entry of the old February input is unused: a publishing run prunes it.
    const unused = await again.unused();
    expect(unused).toHaveLength(1);
    expect(await again.remove(unused)).toBe(1);
    await again.stage()!.write();
    expect((await readdir(path.join(dir, 'feeds', 'archives'))).length).toBe(2);
  });

  it('names the items it gave out by their content and times: a changed item or time is another document', async () => {
    const dir = await cacheDir();
    const planned = (cache: FeedCache, text: string, updated: number) => {
      const paper = { id: 'a', text };
      return { title: 'jan', items: [cache.item('paper', SITE, paper, 1, updated, builder().build(paper, 1, updated))] };
    };
    const first = new FeedCache(dir, VERSIONS);
    first.archive(true, SITE, planned(first, 'x', 1), () => docs('jan'));
    await first.stage()!.write();
    const second = new FeedCache(dir, VERSIONS);
    await second.load();
    expect(text(second.archive(true, SITE, planned(second, 'x', 1), () => docs('again')))).toEqual(docs('jan'));
    expect(text(second.archive(true, SITE, planned(second, 'y', 1), () => docs('edited')))).toEqual(docs('edited'));
    expect(text(second.archive(true, SITE, planned(second, 'x', 2), () => docs('later')))).toEqual(docs('later'));
    expect([second.archiveHits, second.archiveMisses]).toEqual([1, 2]);
  });

  it('uses no document of another serializer version, and discards a tampered one', async () => {
    const dir = await cacheDir();
    const first = new FeedCache(dir, VERSIONS);
    first.archive(true, SITE, feed('jan'), () => docs('jan'));
    await first.stage()!.write();

    const other = new FeedCache(dir, { ...VERSIONS, documents: 'docs-2' });
    expect(text(other.archive(true, SITE, feed('jan'), () => docs('new')))).toEqual(docs('new'));
    expect(await other.unused()).toHaveLength(1);

    const [name] = await readdir(path.join(dir, 'feeds', 'archives'));
    const file = path.join(dir, 'feeds', 'archives', name!);
    const bytes = await readFile(file);
    await writeFile(file, Buffer.concat([bytes.subarray(0, bytes.length - 3), Buffer.from('xyz')]));
    const tampered = new FeedCache(dir, VERSIONS);
    expect(text(tampered.archive(true, SITE, feed('jan'), () => docs('rebuilt')))).toEqual(docs('rebuilt'));
    expect(tampered.discarded).toEqual([{ file: path.join('feeds', 'archives', name!), reason: 'checksum mismatch (truncated or edited)' }]);
  });

  it("reads a hit's header only: each document's sha256 and size, the bytes on first access", async () => {
    const dir = await cacheDir();
    const first = new FeedCache(dir, VERSIONS);
    first.archive(true, SITE, feed('jan'), () => docs('jan'));
    await first.stage()!.write();
    const [name] = await readdir(path.join(dir, 'feeds', 'archives'));
    const file = path.join(dir, 'feeds', 'archives', name!);
    const bytes = await readFile(file);
    // A payload edited after the header: not noticed until the documents are read.
    await writeFile(file, Buffer.concat([bytes.subarray(0, bytes.length - 3), Buffer.from('xyz')]));

    const again = new FeedCache(dir, VERSIONS);
    let renders = 0;
    const hit = again.archive(true, SITE, feed('jan'), () => (renders++, docs('rebuilt')));
    const content = (t: string) => ({ sha256: createHash('sha256').update(t).digest('hex'), size: Buffer.byteLength(t) });
    expect('known' in hit && hit.known).toEqual({ rss: content(docs('jan').rss), atom: content(docs('jan').atom), json: content(docs('jan').json) });
    expect([again.archiveHits, renders, again.discarded.length]).toEqual([1, 0, 0]);
    expect(text(hit)).toEqual(docs('rebuilt'));
    expect(renders).toBe(1);
    expect(again.discarded).toEqual([{ file: path.join('feeds', 'archives', name!), reason: 'checksum mismatch (truncated or edited)' }]);
    // The rebuilt documents are written again by a publishing run.
    expect(again.stage()).toMatchObject({ archives: 1 });
  });
});
