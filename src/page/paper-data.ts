/**
 * The data behind the paper page and the author filter, fetched on demand by the search worker
 * (src/page/worker.ts): paper chunks (the whole summary, every listing date, all authors),
 * related chunks and author shards (a person's name and papers), format in src/page/format.ts. Each file is fetched
 * once; a failed fetch is tried again next time. Browser-safe.
 */
import { authorShard, positionOf } from './format.ts';
import type { AuthorEntry, AuthorShard, Manifest, PaperChunk, PaperRecord, RelatedChunk } from './format.ts';
import type { ChunkedIndex, FetchJson } from './loader.ts';

export class PaperData {
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly manifest: Manifest;

  /** `base`: the search data folder (manifest.json's), as given to ChunkedIndex.open. */
  constructor(
    private readonly fetchJson: FetchJson,
    private readonly base: string,
    private readonly index: ChunkedIndex,
  ) {
    this.manifest = index.manifest;
  }

  private file<T>(path: string): Promise<T> {
    let p = this.files.get(path);
    if (!p) {
      p = this.fetchJson(`${this.base}${this.manifest.root}${path}`);
      p.catch(() => this.files.delete(path));
      this.files.set(path, p);
    }
    return p as Promise<T>;
  }

  /** The person with author key `key` (name and papers' short ids), or null when no paper has it. */
  async author(key: string): Promise<AuthorEntry | null> {
    if (!key || !this.manifest.authors?.count) return null;
    const shard = await this.file<AuthorShard>(`a/${authorShard(key, this.manifest.authors.count)}.json`);
    return Object.hasOwn(shard, key) ? shard[key]! : null;
  }

  /** Short id `shortId`'s entry of the `kind` chunks, `block` documents each, cut by position (`positionOf`); undefined past the end. */
  private async atPosition<C extends PaperChunk | RelatedChunk>(kind: 'p' | 'r', block: number, shortId: number): Promise<C['docs'][number] | undefined> {
    const at = positionOf(shortId, this.manifest.nextId);
    const chunk = await this.file<C>(`${kind}/${Math.floor(at / block)}.json`);
    return chunk.docs[at - chunk.start];
  }

  /** What the paper page adds for short id `shortId`, or null when no document holds it. */
  async paper(shortId: number): Promise<PaperRecord | null> {
    return (await this.atPosition<PaperChunk>('p', this.manifest.papers.block, shortId)) ?? null;
  }

  /** The short ids of the papers related to short id `shortId`, most similar first ([] when none). */
  async related(shortId: number): Promise<number[]> {
    return (await this.atPosition<RelatedChunk>('r', this.manifest.related.block, shortId)) ?? [];
  }

  /**
   * The short id of the paper with id `id`, or null: a search for the id first (arXiv IDs are
   * indexed: one small fetch), then the doc chunks in order.
   */
  async shortIdOf(id: string): Promise<number | null> {
    const hit = (await this.index.search(id, {}, 50)).find((h) => h.id === id);
    if (hit) return hit.shortId;
    for (let n = 0; n < this.manifest.docs.count; n++) {
      const c = await this.index.docs(n);
      const i = c.ids.indexOf(id);
      if (i >= 0) return c.start + i;
    }
    return null;
  }
}
