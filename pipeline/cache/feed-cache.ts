/**
 * The feed cache: what the feeds step (pipeline/steps/feeds.ts) made in the last published run and
 * cannot have changed, under `feeds/` in the cache folder. Two layers, in the shared file format of
 * cache-file.ts (JSON header line + V8 payload):
 *
 * - items, `feeds/items/<xx>.bin`: the content of every feed item (HTML through unified,
 *   plain-text summary, links, byline…: pipeline/feeds/items.ts), keyed by sha256 of the item
 *   kind and everything its builder reads except the times (the site, and the paper, day or week
 *   as JSON), under the item code's fingerprint. Spread over 256 shard files by the key's first
 *   two hex digits (`xx`), all read once per run (`load`); a publishing run rewrites only the
 *   shards whose items differ from what it used (a new or changed item, or one no longer used),
 *   with exactly the items it used: one new digest rewrites a tenth of them, not the whole 20 MB.
 *   Within a run the same map shares one item between every feed and archive it appears in.
 * - complete archive documents, `feeds/archives/<key>.bin`: the RSS, Atom and JSON Feed bytes of
 *   a complete month (RFC 5005 `fh:archive`), keyed by sha256 of the site and the planned feed
 *   (its items included) under the serializers' fingerprint. Only complete months: every other
 *   document changes with every new digest. Read on demand, written by a publishing run, and
 *   the entries a publishing run did not use are pruned (`unused`, then `remove`). The header
 *   line records each document's sha256 and size, so that a hit reads the header only: the
 *   documents themselves are read (and checked) when first asked for, which a run that links
 *   the unchanged file of its last output (pipeline/publish/artifact-writer.ts) never does.
 *
 * Nothing is written before the run has published (`stage`, then `write` from pipeline/run.ts),
 * so that a failed run never replaces or prunes what the last good one left. Without a cache
 * folder (`--no-cache`) only the in-run sharing is left: nothing is read or written. A corrupt or
 * foreign file is discarded (a `CacheProblem`) and rebuilt; another version's file is not used.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { decodeCacheFile, encodeCacheFile, sha256, writeEntryFile, type CacheProblem } from './cache-file.ts';
import { ShardStore } from './shard-store.ts';

export const ITEMS_FORMAT = 'daily-papers-feed-items@2';
export const ARCHIVES_FORMAT = 'daily-papers-feed-archive@2';

/** The three documents of one feed, as the feeds step writes them. */
export interface FeedDocuments {
  rss: string;
  atom: string;
  json: string;
}

/** The same documents as UTF-8 bytes, as the archive layer keeps them. */
export interface FeedBytes {
  rss: Uint8Array;
  atom: Uint8Array;
  json: Uint8Array;
}

/** An item without its times: what the item cache keeps (every field is JSON data). */
type ItemContent<T extends { published: number; updated: number }> = Omit<T, 'published' | 'updated'>;


/** The sha256 (hex) and size (bytes) of one document. */
export interface DocumentContent {
  sha256: string;
  size: number;
}

interface ArchiveHeader {
  format: string;
  key: string;
  /** Each document's sha256 and size. */
  docs: Record<keyof FeedBytes, DocumentContent>;
  v8?: unknown;
}

/**
 * A complete archive's documents found in the cache: what the header says of each (`known`),
 * and the bytes, read and checked on first access (a file found corrupt then is reported and
 * the documents rendered anew: `known` then tells their content).
 */
export interface CachedDocuments extends FeedBytes {
  known: Record<keyof FeedBytes, DocumentContent>;
}

const DOCUMENTS = ['rss', 'atom', 'json'] as const;
/** Bytes read for an archive file's header line (about 600 bytes); a longer one is read whole. */
const HEADER_BYTES = 2048;

/** The code fingerprints the two layers are keyed by (pipeline/cache/version.ts `moduleFingerprint`). */
export interface FeedCacheVersions {
  /** The item builders (pipeline/feeds/items.ts and what it imports). */
  items: string;
  /** The serializers (pipeline/feeds/rss.ts, atom.ts, json-feed.ts and what they import). */
  documents: string;
}

export class FeedCache implements FeedCacheControl {
  /** `feeds/` under the cache folder, or null: in-run sharing only. */
  readonly dir: string | null;
  archiveHits = 0;
  archiveMisses = 0;
  /** Cache files found corrupt or foreign in this run (each was rebuilt). */
  readonly discarded: CacheProblem[] = [];
  /** The item shards: every item the last publishing run used, by key (null: no cache folder). */
  private readonly items: ShardStore<object> | null;
  /** Items built without a cache folder (no key to store them by). */
  private unkeyedMisses = 0;
  /** Items this run gave out, by the object they were built for (the run's sharing). */
  private readonly byObject = new WeakMap<object, { kind: string; site: object; key: string | null; content: object }>();
  /** Archive keys this run used; the documents it built, to write once it has published. */
  private readonly archivesUsed = new Set<string>();
  private readonly archivesBuilt = new Map<string, FeedBytes>();
  /** Each site's JSON, for item keys. */
  private readonly sites = new WeakMap<object, string>();
  /** The key of each item this run gave out (with a cache folder): archive keys name items by it. */
  private readonly itemKeys = new WeakMap<object, string>();

  constructor(
    /** The absolute cache folder, or null (`--no-cache`). */
    cacheDir: string | null,
    private readonly versions: FeedCacheVersions,
  ) {
    this.dir = cacheDir === null ? null : path.join(cacheDir, 'feeds');
    this.items =
      this.dir === null
        ? null
        : new ShardStore<object>(path.join(this.dir, 'items'), ITEMS_FORMAT, versions.items, (v) => v !== null && typeof v === 'object', (file, reason) =>
            this.problem(file, reason),
          );
  }

  /** Items taken from the item shards. */
  get itemHits(): number {
    return this.items?.hits ?? 0;
  }

  /** Items built. */
  get itemMisses(): number {
    return (this.items?.misses ?? 0) + this.unkeyedMisses;
  }

  private archiveFile(key: string): string {
    return path.join(this.dir!, 'archives', `${key}.bin`);
  }

  private problem(file: string, reason: string): void {
    this.discarded.push({ file: path.relative(path.dirname(this.dir!), file), reason });
  }

  private siteJson(site: object): string {
    let json = this.sites.get(site);
    if (json === undefined) this.sites.set(site, (json = JSON.stringify(site)));
    return json;
  }

  /** Reads the item shards of the last published run, those that are usable. Never throws. */
  async load(): Promise<void> {
    await this.items?.load();
  }

  /**
   * The item `build` makes for `of` (a paper, day or week) on `site`, given `published` and
   * `updated` (epoch ms): built once per run and per content, and taken from the item shards when
   * the last published run built it. `build` must read nothing but `site` and `of` (both JSON
   * data) and the times, and its other fields must not depend on the times; `kind` tells the
   * builders apart. Keyed by sha256 of kind, site and `of` as JSON; without a cache folder, by
   * the objects themselves (nothing to hash: the same paper object in several feeds). `digest`,
   * when the caller has one, is sha256 of `of`'s JSON (pipeline/cache/paper-digest.ts): the key
   * is then sha256 of kind, site and that digest, and `of` is not serialized.
   */
  item<T extends { published: number; updated: number }>(
    kind: string,
    site: object,
    of: object,
    published: number,
    updated: number,
    build: () => T,
    digest?: string,
  ): T {
    const seen = this.byObject.get(of);
    let content = seen !== undefined && seen.site === site && seen.kind === kind ? (seen.content as ItemContent<T>) : undefined;
    let key = seen?.key ?? null;
    if (content === undefined) {
      const withoutTimes = (): ItemContent<T> => {
        const { published: _p, updated: _u, ...built } = build();
        return built;
      };
      key = this.dir === null ? null : digest === undefined ? sha256(`${kind}\0${JSON.stringify([site, of])}`) : sha256(`${kind}\0${this.siteJson(site)}\0${digest}`);
      if (key === null || this.items === null) {
        this.unkeyedMisses++;
        content = withoutTimes();
      } else content = this.items.value(key, withoutTimes) as ItemContent<T>;
      this.byObject.set(of, { kind, site, key, content });
    }
    const item = { ...content, published, updated } as T;
    if (key !== null) this.itemKeys.set(item, key);
    return item;
  }

  /**
   * The documents of a feed on `site`: `render()`, or, for a complete archive document
   * (`complete`) with a cache folder, the bytes (UTF-8) the last published run rendered for the
   * same input: the site and the planned feed, whose items this cache gave out are taken by
   * their key and times (their content is what the key names), the others as they are. The
   * serializers must read nothing but `site` and `feed`. A hit reads the file's header only
   * (`CachedDocuments`): its documents are read on first access.
   */
  archive(complete: boolean, site: object, feed: { items: readonly object[] }, render: () => FeedDocuments): FeedDocuments | FeedBytes | CachedDocuments {
    if (!complete || this.dir === null) return render();
    const items = feed.items.map((item) => {
      const key = this.itemKeys.get(item);
      return key === undefined ? item : [key, (item as { published: number }).published, (item as { updated: number }).updated];
    });
    const input = [ARCHIVES_FORMAT, this.versions.documents, this.versions.items, site, { ...feed, items }];
    const key = sha256(JSON.stringify(input));
    this.archivesUsed.add(key);
    const file = this.archiveFile(key);
    const header = this.archiveHeader(file, key);
    if (header !== null) {
      this.archiveHits++;
      return this.cachedDocuments(file, key, header, render);
    }
    this.archiveMisses++;
    return this.renderArchive(key, render);
  }

  private renderArchive(key: string, render: () => FeedDocuments): FeedBytes {
    const text = render();
    const docs: FeedBytes = { rss: Buffer.from(text.rss), atom: Buffer.from(text.atom), json: Buffer.from(text.json) };
    this.archivesBuilt.set(key, docs);
    return docs;
  }

  /** The header of archive file `file` when it is one of this key, format and V8 version; null on a miss (a problem is recorded). */
  private archiveHeader(file: string, key: string): ArchiveHeader | null {
    let head: Buffer;
    try {
      const fd = openSync(file, 'r');
      try {
        head = Buffer.alloc(HEADER_BYTES);
        head = head.subarray(0, readSync(fd, head, 0, HEADER_BYTES, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      return null; // a miss
    }
    const newline = head.indexOf(0x0a);
    let header: ArchiveHeader;
    try {
      header = JSON.parse(newline < 0 ? readFileSync(file, 'utf8').split('\n', 1)[0]! : head.toString('utf8', 0, newline)) as ArchiveHeader;
    } catch {
      this.problem(file, 'header is not JSON');
      return null;
    }
    const docs = header?.docs;
    const valid =
      docs !== null && typeof docs === 'object' && DOCUMENTS.every((d) => typeof docs[d]?.sha256 === 'string' && Number.isInteger(docs[d]?.size));
    if (header?.format !== ARCHIVES_FORMAT) this.problem(file, `foreign format ${JSON.stringify(header?.format)}`);
    else if (header.key !== key) this.problem(file, 'key does not match its file name');
    else if (!valid) this.problem(file, 'header has the wrong shape');
    else if (header.v8 === process.versions.v8) return header;
    return null;
  }

  /** The documents of a header hit: `known` from the header, the bytes read and checked on first access. */
  private cachedDocuments(file: string, key: string, header: ArchiveHeader, render: () => FeedDocuments): CachedDocuments {
    let docs: FeedBytes | null = null;
    let known = header.docs;
    const load = (): FeedBytes => {
      if (docs !== null) return docs;
      let bytes: Buffer | null = null;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        this.problem(file, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const decoded = bytes === null ? null : decodeCacheFile<ArchiveHeader>(bytes, ARCHIVES_FORMAT, (h) => (h.key !== key ? 'key does not match its file name' : null));
      if (decoded !== null && 'payload' in decoded) {
        const payload = decoded.payload as FeedBytes;
        if (payload && DOCUMENTS.every((d) => payload[d] instanceof Uint8Array && sha256(payload[d]) === header.docs[d].sha256)) return (docs = payload);
        this.problem(file, 'payload does not match its header');
      } else if (decoded !== null && 'problem' in decoded) this.problem(file, decoded.problem);
      else if (decoded !== null) this.problem(file, 'written by another V8 version');
      docs = this.renderArchive(key, render);
      known = contentOf(docs);
      return docs;
    };
    return {
      get known() {
        return known;
      },
      get rss() {
        return load().rss;
      },
      get atom() {
        return load().atom;
      },
      get json() {
        return load().json;
      },
    };
  }

  /**
   * What this run would write, serialized now, for a publishing run to `write` once its output is
   * in place: each item shard whose items differ from those this run used from it (a new or
   * changed item, or one no longer used; a shard left with none is removed), and the archive
   * documents built. Null when there is nothing to write
   * (or no cache folder). Frees the items and documents it holds.
   */
  stage(): StagedFeedCache | null {
    const items = this.items;
    if (items === null || this.dir === null) return null;
    // A shard is rewritten when this run built an item in it or used fewer of its items than it holds.
    const shards = items.stage();
    const archives = [...this.archivesBuilt].map(([key, docs]) => ({
      file: this.archiveFile(key),
      bytes: encodeCacheFile({ format: ARCHIVES_FORMAT, key, docs: contentOf(docs) }, docs),
    }));
    this.archivesBuilt.clear();
    if (shards.length === 0 && archives.length === 0) return null;
    const dir = this.dir;
    return {
      items: shards.length > 0,
      itemShards: shards.length,
      archives: archives.length,
      write: async () => {
        if (archives.length) mkdirSync(path.dirname(archives[0]!.file), { recursive: true });
        for (const { file, bytes } of archives) writeEntryFile(file, bytes);
        if (shards.length === 0) return;
        items.write(shards);
        // The single items file of the format before shards.
        rmSync(path.join(dir, 'items.bin'), { force: true });
      },
    };
  }

  /**
   * The archive documents of the cache folder this run did not use (months that changed or are
   * gone, old versions, temporary files of killed runs), as absolute paths; removes nothing. Only
   * meaningful after the feeds step ran: a publishing run passes them to `remove`.
   */
  async unused(): Promise<string[]> {
    if (this.dir === null) return [];
    const dir = path.join(this.dir, 'archives');
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    return names
      .sort()
      .filter((name) => !this.archivesUsed.has(name.replace(/\.bin$/, '')))
      .map((name) => path.join(dir, name));
  }

  /** Removes `files` (from `unused`); returns how many were removed. Never throws. */
  async remove(files: readonly string[]): Promise<number> {
    let removed = 0;
    for (const file of files) await rm(file, { force: true }).then(() => removed++, () => undefined);
    return removed;
  }
}

/**
 * What a run does with the feed cache after the feeds step: the `FeedCache` itself, or the
 * feeds thread standing in for the one it holds (pipeline/feeds/thread.ts).
 */
export interface FeedCacheControl {
  /** Cache files found corrupt or foreign in this run (each was rebuilt). */
  readonly discarded: readonly CacheProblem[];
  /** See `FeedCache#stage`. */
  stage(): StagedFeedCache | null | Promise<StagedFeedCache | null>;
  /** See `FeedCache#unused`. */
  unused(): Promise<string[]>;
  /** See `FeedCache#remove`. */
  remove(files: readonly string[]): Promise<number>;
}

/** The feed cache's writes, serialized by `FeedCache#stage`, waiting for the run to publish. */
export interface StagedFeedCache {
  /** Item shards are rewritten (or removed). */
  items: boolean;
  /** How many item shards are rewritten or removed. */
  itemShards: number;
  /** Archive documents written. */
  archives: number;
  /** Writes them (each file renamed into place: cache-file.ts `writeEntryFile`); rejects when it cannot. */
  write(): Promise<void>;
}

/** Each document's sha256 and size, as an archive file's header records them. */
function contentOf(docs: FeedBytes): Record<keyof FeedBytes, DocumentContent> {
  const of = (bytes: Uint8Array): DocumentContent => ({ sha256: sha256(bytes), size: bytes.byteLength });
  return { rss: of(docs.rss), atom: of(docs.atom), json: of(docs.json) };
}
