/**
 * A sharded key-value cache layer, shared by the feed items (pipeline/cache/feed-cache.ts) and
 * the page records (pipeline/cache/page-cache.ts): values keyed by a sha256 (hex) live in up to
 * 256 files `<xx>.bin` in one folder, named by the key's first two hex digits, in the shared file
 * format of cache-file.ts (JSON header line `{ format, version, shard }` + V8 payload: a Map of
 * key to value).
 *
 * A run reads every usable shard (`load`), asks for values by key (`value`: the one it already
 * used, the stored one, or a new one built), and once it has published rewrites only the shards
 * whose values differ from those it used (a value built anew, or a stored one no longer used),
 * each with exactly the values it used, and removes a shard left with none (`stage`, then
 * `write`). One new digest so rewrites a tenth of the shards, not the whole layer. A corrupt or
 * foreign shard is reported (`problem`) and rebuilt; a shard of another version is not used.
 * Without a folder nothing is read or written, and `value` builds every time.
 *
 * A lazy store (the page records) reads no shard in `load`: `value` reads a key's shard the
 * first time it is asked for one of its keys, and a value the run keeps without reading it
 * (`keep`) stays in its shard. Only the shards read can be rewritten, so a run that reads ten
 * shards writes at most those.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { decodeCacheFile, encodeCacheFile, readWholeFile, writeEntryFile } from './cache-file.ts';

/** A shard file's header (cache-file.ts adds v8, sha256 and length). */
export interface ShardHeader {
  format: string;
  version: string;
  /** The two hex digits every key of the shard starts with. */
  shard: string;
}

/** A shard's file name (`0a.bin`); group 1 is the shard's two hex digits. */
export const SHARD_FILE = /^([0-9a-f]{2})\.bin$/;

/** The shard of a key (sha256 hex): its first two hex digits. */
export const shardOf = (key: string): string => key.slice(0, 2);

/** Entries grouped by shard: shard -> (key -> value), in the entries' order. */
export function groupByShard<V>(entries: Iterable<[string, V]>): Map<string, Map<string, V>> {
  const groups = new Map<string, Map<string, V>>();
  for (const [key, value] of entries) {
    const shard = shardOf(key);
    let group = groups.get(shard);
    if (!group) groups.set(shard, (group = new Map()));
    group.set(key, value);
  }
  return groups;
}

/** A shard serialized by `ShardStore#stage`: its file and bytes, or null to remove it. */
export interface StagedShard {
  file: string;
  bytes: Uint8Array | null;
}

export class ShardStore<V> {
  /** Values taken from the shards. */
  hits = 0;
  /** Values built because no shard held them. */
  misses = 0;
  private stored = new Map<string, V>();
  /** How many values each shard file held. */
  private storedPerShard = new Map<string, number>();
  /** Shards where this run built a value. */
  private readonly missedShards = new Set<string>();
  /** Values this run used (stored or built), by key: the run's sharing, and the next files. */
  private readonly used = new Map<string, V>();
  /** Keys this run keeps without reading their values (`keep`). */
  private readonly kept = new Set<string>();
  /** Shards read (or found missing) so far: lazy stores only. */
  private readonly read = new Set<string>();

  /**
   * @param dir the shards' folder (absolute), or null: nothing read or written
   * @param format the header's `format`; a file of another format is a problem
   * @param version the fingerprint of the code that builds the values; another version's shard is not used
   * @param isValue whether a payload value has the right shape (a shard holding another is a problem)
   * @param problem where a corrupt or foreign shard file is reported (absolute path, reason)
   * @param lazy read each shard when a value of it is first asked for, not in `load`
   */
  constructor(
    readonly dir: string | null,
    private readonly format: string,
    private readonly version: string,
    private readonly isValue: (value: unknown) => boolean,
    private readonly problem: (file: string, reason: string) => void,
    private readonly lazy = false,
  ) {}

  /** Reads every usable shard of the folder, in parallel (nothing for a lazy store). Never throws. */
  async load(): Promise<void> {
    const dir = this.dir;
    if (dir === null || this.lazy) return;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const shards = await Promise.all(
      names.flatMap((name) => {
        const shard = SHARD_FILE.exec(name)?.[1];
        if (shard === undefined) return [];
        const file = path.join(dir, name);
        return [readFile(file).then((bytes) => ({ shard, file, bytes }), () => null)];
      }),
    );
    for (const read of shards) if (read !== null) this.take(read.shard, read.file, read.bytes);
  }

  /** Takes the values of shard file `file` (shard `shard`) when it is usable; reports it when corrupt or foreign. */
  private take(shard: string, file: string, bytes: Buffer): void {
    const decoded = decodeCacheFile<ShardHeader>(bytes, this.format, (h) =>
      h.version !== this.version ? 'stale' : h.shard !== shard ? 'shard does not match its file name' : null,
    );
    if ('stale' in decoded) return;
    if ('problem' in decoded) {
      this.problem(file, decoded.problem);
      return;
    }
    const payload = decoded.payload;
    if (!(payload instanceof Map) || ![...payload].every(([k, v]) => typeof k === 'string' && shardOf(k) === shard && this.isValue(v))) {
      this.problem(file, 'payload has the wrong shape');
      return;
    }
    for (const [key, value] of payload as Map<string, V>) this.stored.set(key, value);
    this.storedPerShard.set(shard, payload.size);
  }

  /** How many shards a lazy store has read (or found missing) since `stage`. */
  get shardsRead(): number {
    return this.read.size;
  }

  /** A lazy store's shard `shard`, read once (in one synchronous call: a few shards per run). */
  private readShard(shard: string): void {
    if (this.read.has(shard) || this.dir === null) return;
    this.read.add(shard);
    const file = path.join(this.dir, `${shard}.bin`);
    const bytes = readWholeFile(file);
    if (bytes !== null) this.take(shard, file, bytes);
  }

  /**
   * The value under `key`: the one this run already used, else the stored one (a hit), else
   * `build()`'s (a miss), which must depend on nothing but what `key` names.
   */
  value(key: string, build: () => V): V {
    let value = this.used.get(key);
    if (value !== undefined) return value;
    if (this.lazy) this.readShard(shardOf(key));
    value = this.stored.get(key);
    if (value !== undefined) this.hits++;
    else {
      this.misses++;
      value = build();
      this.missedShards.add(shardOf(key));
    }
    if (this.dir !== null) this.used.set(key, value);
    return value;
  }

  /**
   * Notes that this run uses the value under `key` as stored, without reading it: it stays in
   * its shard (when that shard is rewritten for other values, the stored value is kept).
   */
  keep(key: string): void {
    if (this.dir !== null) this.kept.add(key);
  }

  /**
   * Serializes the shards whose values differ from those this run used from them (one value
   * built, or fewer used or kept than the file holds; a shard left with none is to be removed),
   * for `write` once the run has published, and frees every value it holds. Only shards read
   * are staged. Empty without a folder.
   */
  stage(): StagedShard[] {
    const dir = this.dir;
    const staged: StagedShard[] = [];
    if (dir !== null) {
      for (const key of this.kept) {
        const value = this.stored.get(key);
        if (value !== undefined && !this.used.has(key)) this.used.set(key, value);
      }
      const usedPerShard = groupByShard(this.used);
      for (const shard of new Set([...usedPerShard.keys(), ...this.storedPerShard.keys()])) {
        const values = usedPerShard.get(shard);
        if (!this.missedShards.has(shard) && (values?.size ?? 0) === (this.storedPerShard.get(shard) ?? 0)) continue;
        const bytes = values ? encodeCacheFile({ format: this.format, version: this.version, shard } satisfies ShardHeader, values) : null;
        staged.push({ file: path.join(dir, `${shard}.bin`), bytes });
      }
    }
    this.stored = new Map();
    this.storedPerShard = new Map();
    this.used.clear();
    this.kept.clear();
    this.read.clear();
    return staged;
  }

  /**
   * Writes what `stage` serialized (each shard renamed into place: cache-file.ts
   * `writeEntryFile`), removes the shards left with none, and removes every other file of the
   * folder (temporary files of killed runs). Does nothing for an empty list. Throws when a file
   * cannot be written or removed.
   */
  write(staged: readonly StagedShard[]): void {
    const dir = this.dir;
    if (dir === null || staged.length === 0) return;
    mkdirSync(dir, { recursive: true });
    for (const { file, bytes } of staged) {
      if (bytes === null) rmSync(file, { force: true });
      else writeEntryFile(file, bytes);
    }
    for (const name of readdirSync(dir)) if (!SHARD_FILE.test(name)) rmSync(path.join(dir, name), { force: true });
  }
}
