/**
 * The parse cache: `parse/<ab>/<key>.bin` under the cache folder (`.cache/pipeline/` unless the
 * config's `cacheDir` says otherwise) holds one input file's parse result, its entries AND its
 * diagnostics, so that a cached run reports exactly what a cold run reports. The key is
 * sha256(format, parser version, path, content hash): parsing depends on nothing else (not on the
 * config: a new feed or site URL re-parses nothing); the file format is the shared one of
 * pipeline/cache/cache-file.ts (header line `{format, key, path}` + V8 payload).
 *
 * Only a run that publishes prunes it (`unused`, then `remove`), so that a failed run (an empty
 * or wrong input folder) never costs the next run its cache.
 */
import { mkdirSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DigestEntry } from '../../src/types.ts';
import type { SerializedMessage } from '../report/diagnostics.ts';
import { decodeCacheFile, encodeCacheFile, sha256, writeEntryFileAsync, type CacheProblem } from './cache-file.ts';

export const CACHE_FORMAT = 'daily-papers-parse-cache@4';

/** What parsing one input file gives: its entries in source order and its diagnostics as data. */
export interface ParsedFile {
  entries: DigestEntry[];
  messages: SerializedMessage[];
}

interface Header {
  format: string;
  key: string;
  path: string;
  sha256: string;
  length: number;
}

export class ParseCache {
  readonly dir: string;
  hits = 0;
  misses = 0;
  /** Entries found corrupt, edited or foreign in this run (each was parsed again). */
  readonly discarded: CacheProblem[] = [];
  /** Keys this run looked up or wrote; `unused` lists the others. */
  private readonly used = new Set<string>();
  /** Shard folders known to exist. */
  private readonly shards = new Set<string>();

  /**
   * @param cacheDir the absolute cache folder
   * @param version the parser version (pipeline/cache/version.ts `parserVersion`)
   */
  constructor(
    cacheDir: string,
    private readonly version: string,
  ) {
    this.dir = path.join(cacheDir, 'parse');
  }

  /** The key of an input file by its relative path and the sha256 of its bytes (64 hex). */
  key(relPath: string, contentHash: string): string {
    return sha256(JSON.stringify([CACHE_FORMAT, this.version, relPath, contentHash]));
  }

  private fileFor(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.bin`);
  }

  /** The cached result, or undefined (a miss). A corrupt or foreign file is discarded. */
  async get(key: string, relPath: string): Promise<ParsedFile | undefined> {
    this.used.add(key);
    const file = this.fileFor(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      this.misses++;
      return undefined;
    }
    const problem = (reason: string): undefined => {
      this.discarded.push({ file: path.relative(path.dirname(this.dir), file), reason });
      this.misses++;
      return undefined;
    };
    const decoded = decodeCacheFile<Header>(bytes, CACHE_FORMAT, (h) =>
      h.key !== key || h.path !== relPath ? 'key does not match its file name' : null,
    );
    if ('stale' in decoded) {
      this.misses++;
      return undefined;
    }
    if ('problem' in decoded) return problem(decoded.problem);
    const parsed = decoded.payload as ParsedFile;
    if (!parsed || !Array.isArray(parsed.entries) || !Array.isArray(parsed.messages)) {
      return problem('payload has the wrong shape');
    }
    this.hits++;
    return parsed;
  }

  /** Marks an entry as used without reading it (an input the dataset cache holds), so that it is not pruned. */
  keep(key: string): void {
    this.used.add(key);
  }

  /** Stores one input's result under its key (written in the thread pool and renamed into place, see `writeEntryFileAsync`). */
  async set(key: string, relPath: string, value: ParsedFile): Promise<void> {
    this.used.add(key);
    const bytes = encodeCacheFile({ format: CACHE_FORMAT, key, path: relPath }, value);
    const file = this.fileFor(key);
    const shard = path.dirname(file);
    if (!this.shards.has(shard)) {
      mkdirSync(shard, { recursive: true });
      this.shards.add(shard);
    }
    await writeEntryFileAsync(file, bytes);
  }

  /**
   * The files of the cache folder this run did not use (entries of changed, deleted or renamed
   * inputs, of old versions, temporary files of killed runs), as absolute paths. Removes nothing:
   * a run that publishes passes them to `remove`. A folder that cannot be listed lists nothing.
   */
  async unused(): Promise<string[]> {
    const found: string[] = [];
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch {
      return found;
    }
    for (const shard of shards.sort()) {
      const dir = path.join(this.dir, shard);
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names.sort()) if (!this.used.has(name.replace(/\.bin$/, ''))) found.push(path.join(dir, name));
    }
    return found;
  }

  /** Removes `files` (from `unused`); returns how many were removed. Never throws. */
  async remove(files: readonly string[]): Promise<number> {
    let removed = 0;
    for (const file of files) {
      await rm(file, { force: true, recursive: true }).then(() => removed++, () => undefined);
    }
    return removed;
  }
}
