/**
 * What the cache layers share: the sha256 helper, the record of a discarded cache file, the
 * binary file format of the parse cache and the vector cache, the checked read and atomic
 * write of a whole-file layer (the term vectors, the merged index, the dataset snapshot and its
 * segments), and `WholeFileLayer`, the load / stage / write cycle of the merged index (the
 * dataset cache has a cycle of its own, over dataset.bin and the segment files it lists).
 *
 * A cache file is a JSON header line (the layer's `format`, its own keys, the V8 version, and the
 * checksum (CRC-32, or sha256 on a Node without it) and length of the payload) followed by the
 * payload in V8's serialization format (node:v8; several times faster to read back than JSON of
 * the same mostly-Korean text, which would be decoded from UTF-8 and then parsed). A file whose
 * header or checksum does not match is a problem (discarded with a warning); a file written by
 * another V8 version is stale (not used, not reported).
 */
import * as nodeCrypto from 'node:crypto';
import * as zlib from 'node:zlib';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** A cache file that was not trusted: its path relative to the cache folder, and why. */
export interface CacheProblem {
  file: string;
  reason: string;
}

/**
 * Node's one-shot `crypto.hash` (Node 20.12 and later, 21.7 and later), or null on an earlier
 * Node 20. For the many short inputs hashed here (each paper's JSON, cache keys) it costs
 * about half of `createHash(...).update(...).digest(...)`, which builds a Hash object per call.
 */
const hashOnce = (nodeCrypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash ?? null;

/**
 * zlib's CRC-32 (Node 20.15 and later, 22.2 and later), or null on an earlier Node. A cache
 * file's payload is checked by it when it is there: it only has to catch a truncated or edited
 * file (what gzip and PNG use it for), and over the 55 MB a one-new-digest run reads and the
 * 20 MB it writes it took about a tenth of sha256's time (8.5 MB: 1.3 ms against 4 to 13 ms).
 */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ?? null;

/** The checksum fields of a cache file's header for `body`: `crc32`, or `sha256` where Node has no CRC-32. */
function checksumOf(body: Uint8Array): { crc32: number } | { sha256: string } {
  return crc32 ? { crc32: crc32(body) } : { sha256: sha256(body) };
}

/**
 * Whether `body` matches the header's checksum (`crc32` or `sha256`, as `checksumOf` wrote it);
 * 'stale' for a CRC-32 this Node cannot compute (the file is then rebuilt, not reported).
 */
function checksumMatches(header: { crc32?: unknown; sha256?: unknown }, body: Uint8Array): boolean | 'stale' {
  if (typeof header.crc32 === 'number') return crc32 ? crc32(body) === header.crc32 : 'stale';
  return typeof header.sha256 === 'string' && sha256(body) === header.sha256;
}

/** sha256 of a string (as UTF-8) or bytes, as 64 lowercase hex digits. */
export function sha256(data: string | Uint8Array): string {
  return hashOnce ? hashOnce('sha256', data, 'hex') : nodeCrypto.createHash('sha256').update(data).digest('hex');
}

const NEWLINE = 0x0a;

/** The V8 build that can read a payload back (V8's format may change between Node versions). */
const V8_VERSION = process.versions.v8;

/** A cache file's bytes: `header` (plus v8, the checksum, length) as a JSON line, then `value` serialized (by `write`: `v8.serialize`, unless the layer gives bytes of its own). */
export function encodeCacheFile<T>(header: object, value: T, write: (value: T) => Buffer = serialize): Buffer {
  const body = write(value);
  const head = Buffer.from(`${JSON.stringify({ ...header, v8: V8_VERSION, ...checksumOf(body), length: body.byteLength })}\n`);
  return Buffer.concat([head, body]);
}

/** A decoded cache file, a problem to report (with the reason), or a stale file to ignore. */
export type Decoded<H> = { header: H; payload: unknown } | { problem: string } | { stale: true };

/**
 * Splits and checks a cache file read as bytes: its header must be JSON of `format`, pass the
 * layer's own `check` (null = fine, else the problem; `'stale'` = not used, not reported), come
 * from this V8 version, and match the payload's length and checksum (CRC-32, or sha256 where the
 * writer's Node had no CRC-32: `checksumOf`), before it is deserialized
 * (by `read`: `v8.deserialize`, unless the layer reads the checked body itself, later).
 */
export function decodeCacheFile<H extends { format?: unknown; crc32?: unknown; sha256?: unknown; length?: unknown; v8?: unknown }>(
  bytes: Buffer,
  format: string,
  check: (header: H) => string | 'stale' | null,
  read: (body: Buffer) => unknown = deserialize,
): Decoded<H> {
  const newline = bytes.indexOf(NEWLINE);
  if (newline < 0) return { problem: 'no header line' };
  let header: H;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline)) as H;
  } catch {
    return { problem: 'header is not JSON' };
  }
  if (header === null || typeof header !== 'object') return { problem: 'header is not an object' };
  if (header.format !== format) return { problem: `foreign format ${JSON.stringify(header.format)}` };
  const other = check(header);
  if (other === 'stale') return { stale: true };
  if (other !== null) return { problem: other };
  if (header.v8 !== V8_VERSION) return { stale: true };
  const body = bytes.subarray(newline + 1);
  const matches = body.byteLength === header.length && checksumMatches(header, body);
  if (matches === 'stale') return { stale: true };
  if (!matches) return { problem: 'checksum mismatch (truncated or edited)' };
  try {
    return { header, payload: read(body) };
  } catch {
    return { problem: 'payload cannot be read' };
  }
}

let tmpSeq = 0;

/**
 * Writes a file under a temporary name in its folder, then renames it over `file` (atomic on
 * one file system), so that a killed run never leaves a half-written entry. Synchronous: each
 * call is three system calls with nothing to wait for, against write-file-atomic's dozen
 * (realpath, stat, chmod, an exit handler per write...): 2 s of CPU against 0.15 s for the
 * 3,570 entries of a 10x cold run, measured on two cores. A killed run can leave a `*.tmp` file;
 * `ParseCache#prune` removes it with the other unused names.
 */
export function writeEntryFile(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}-${tmpSeq++}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * `writeEntryFile` with the same calls made in Node's thread pool, for entries written while the
 * main thread has work of its own: the parse cache's, one per input file during the parse step
 * (on the real corpus, 357 synchronous writes held the main thread for about 0.14 s of a cold run).
 */
export async function writeEntryFileAsync(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}-${tmpSeq++}.tmp`;
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * The bytes of a whole cache or output file, or null when it cannot be read; read with one
 * synchronous call. Through `fs.promises` a file is read in 512 KB parts, each a trip to libuv's
 * four threads, which this process shares with the feeds thread reading its 256 shards: at the
 * start of a one-new-digest run the main thread waited idle for dataset.bin, its segments and
 * merged.bin (36 MB, in about 70 parts) behind those reads. In one call they cost the main thread
 * the copy alone.
 */
export function readWholeFile(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * A whole-file cache layer's payload (the term vectors, the merged index): `file` read and
 * decoded as `format` (`decodeCacheFile`; a header whose `version` is not `version` is stale),
 * then checked by `check` (what is wrong with the payload's shape, or null). Null when the file
 * is absent or stale (not reported), or unusable: `discard` then gets the file's path relative
 * to the cache folder (`index/vectors.bin`) and why.
 */
export async function readVersionedFile<T>(
  file: string,
  format: string,
  version: string,
  check: (payload: unknown) => string | null,
  discard: (problem: CacheProblem) => void,
): Promise<T | null> {
  const bytes = readWholeFile(file);
  if (bytes === null) return null;
  const name = path.relative(path.dirname(path.dirname(file)), file);
  const decoded = decodeCacheFile<{ format?: unknown; version?: unknown }>(bytes, format, (h) => (h.version !== version ? 'stale' : null));
  if ('stale' in decoded) return null; // another code or V8 version: not used, not broken
  if ('problem' in decoded) {
    discard({ file: name, reason: decoded.problem });
    return null;
  }
  const wrong = check(decoded.payload);
  if (wrong !== null) {
    discard({ file: name, reason: `payload has the wrong shape (${wrong})` });
    return null;
  }
  return decoded.payload as T;
}

/**
 * Writes a whole-file cache layer's bytes (`encodeCacheFile`) as `writeEntryFile` does, its
 * folder made first, in synchronous calls: the layers are written as a run ends, when through
 * write-file-atomic each file went to libuv's threads in 512 KB parts (merged.bin and dataset.bin
 * are about 8 MB each) and the main thread waited idle for them.
 */
export async function writeCacheBytes(file: string, bytes: Buffer): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  writeEntryFile(file, bytes);
}

/**
 * A staged write of a whole-file layer (after the publish), serialized by `prepare` (while the run
 * has nothing else for its main thread) or else as it is written.
 */
export interface StagedFile {
  prepare(): void;
  write(): Promise<void>;
}

/**
 * A whole-file cache layer: one file of `format`, valid for one `version`, whose payload `check`
 * accepts (`readVersionedFile`); read by `load`, written only through `stage`. `file` is null
 * when the layer lives in memory only (`--no-cache`): nothing is read or written.
 */
export class WholeFileLayer<T> {
  /** The file found corrupt or foreign, with why (path relative to the cache folder). */
  readonly discarded: CacheProblem[] = [];
  protected value: T | null = null;

  constructor(
    /** The cache file (absolute), or null. */
    readonly file: string | null,
    private readonly format: string,
    /** A code fingerprint: a file of another version is not used (not reported). */
    private readonly version: string,
    private readonly check: (payload: unknown) => string | null,
  ) {}

  /** Reads the file, if there is a usable one. */
  async load(): Promise<void> {
    if (this.file === null) return;
    this.value = await readVersionedFile<T>(this.file, this.format, this.version, this.check, (p) => this.discarded.push(p));
  }

  /** What the last run wrote, or null (none, unusable, or released). */
  get previous(): T | null {
    return this.value;
  }

  /** Forgets what was loaded. */
  release(): void {
    this.value = null;
  }

  /** `value`, to write once the run has published (`StagedFile`); null when memory only. */
  stage(value: T): StagedFile | null {
    const file = this.file;
    if (file === null) return null;
    let bytes: Buffer | null = null;
    const encode = (): Buffer => (bytes ??= encodeCacheFile({ format: this.format, version: this.version }, value));
    return {
      prepare: () => void encode(),
      write: () => writeCacheBytes(file, encode()),
    };
  }
}
