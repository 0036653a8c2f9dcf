/**
 * The bundle cache: the page's esbuild bundles (pipeline/page/bundle.ts, client.ts) of the last
 * run, under `bundles/<name>.bin` in the cache folder, so that a run whose page sources did
 * not change neither starts esbuild nor bundles KaTeX again (about 0.1 s of the critical path
 * and the esbuild process's own CPU).
 *
 * An entry is one bundle's output bytes, in the shared file format of cache-file.ts (JSON header
 * line + V8 payload). Its header holds the bundle's key (esbuild's version and the build options,
 * from the caller) and every input file esbuild read (its metafile) with the file's sha256. It is
 * used only when the key matches and every input still has that content: a changed source, a new
 * KaTeX or esbuild, other options — each is a rebuild. An entry is written as soon as its bundle
 * is built (it is a pure function of its inputs, so a run that fails later leaves nothing wrong
 * behind); without a cache folder (`--no-cache`) nothing is read or written. A corrupt entry is
 * discarded (a `CacheProblem`) and rebuilt.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCacheFile, encodeCacheFile, sha256, writeEntryFile, type CacheProblem } from './cache-file.ts';

export const BUNDLES_FORMAT = 'daily-papers-bundle@1';

interface BundleHeader {
  format: string;
  name: string;
  key: string;
  /** [absolute path, sha256] of every file the bundle was built from. */
  inputs: [string, string][];
}

/** What a bundle build returns: its output bytes and the absolute paths of the files it read. */
export interface BuiltBundle {
  output: Uint8Array;
  inputs: string[];
}

export class BundleCache {
  /** `bundles/` under the cache folder, or null: nothing cached. */
  readonly dir: string | null;
  hits = 0;
  misses = 0;
  /** Entries found corrupt or foreign in this run (each was rebuilt). */
  readonly discarded: CacheProblem[] = [];

  /** @param cacheDir the absolute cache folder, or null (`--no-cache`) */
  constructor(cacheDir: string | null) {
    this.dir = cacheDir === null ? null : path.join(cacheDir, 'bundles');
  }

  /**
   * The output of bundle `name` (a file name: letters, digits, `.`, `-`, `_`) built under `key`
   * (everything but the input files that decides the output: esbuild's version, the options):
   * the cached bytes when every input of the cached build still has its content, else
   * `build()`'s, which are then cached. Rejects only when `build` does.
   */
  async get(name: string, key: string, build: () => Promise<BuiltBundle>): Promise<Uint8Array> {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`bundle cache: bad entry name ${JSON.stringify(name)}`);
    const file = this.dir === null ? null : path.join(this.dir, `${name}.bin`);
    const cached = file === null ? null : this.read(file, name, key);
    if (cached !== null) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const built = await build();
    if (file !== null) {
      const inputs: [string, string][] = [];
      for (const input of [...built.inputs].sort()) {
        const content = contentHash(input);
        if (content === null) return built.output; // an input that cannot be read back: not cached
        inputs.push([input, content]);
      }
      const header: BundleHeader = { format: BUNDLES_FORMAT, name, key, inputs };
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeEntryFile(file, encodeCacheFile(header, built.output));
      } catch {
        // A cache that cannot be written costs the next run a rebuild, nothing more.
      }
    }
    return built.output;
  }

  /** The cached output in `file` when its key matches and its inputs are unchanged, else null. */
  private read(file: string, name: string, key: string): Uint8Array | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    const decoded = decodeCacheFile<BundleHeader>(bytes, BUNDLES_FORMAT, (h) =>
      h.name !== name ? 'name does not match its file name' : h.key !== key || !Array.isArray(h.inputs) ? 'stale' : null,
    );
    if ('stale' in decoded) return null;
    if ('problem' in decoded) {
      this.discarded.push({ file: path.relative(path.dirname(this.dir!), file), reason: decoded.problem });
      return null;
    }
    if (!(decoded.payload instanceof Uint8Array)) {
      this.discarded.push({ file: path.relative(path.dirname(this.dir!), file), reason: 'payload has the wrong shape' });
      return null;
    }
    for (const entry of decoded.header.inputs) {
      if (!Array.isArray(entry) || contentHash(String(entry[0])) !== entry[1]) return null;
    }
    return decoded.payload;
  }
}

/** sha256 of a file's bytes, or null when it cannot be read. */
function contentHash(file: string): string | null {
  try {
    return sha256(readFileSync(file));
  } catch {
    return null;
  }
}
