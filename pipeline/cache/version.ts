/**
 * The pipeline version: the package version plus a fingerprint of the code that produces the
 * output (src/ and pipeline/). Part of every cache key, so editing the parser invalidates
 * cached results instead of serving stale ones. Nothing is read at import time: each value is
 * computed on first use and kept for the process (the code does not change while it runs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT as ROOT } from '../package-root.ts';

let version: string | undefined;
let fingerprint: string | undefined;
const moduleFingerprints = new Map<string, string>();

/** The `version` of package.json ("0.0.0" when it has none), read on first use. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  return version;
}

/** The relative `.ts` imports of a source file (static `import`/`export ... from`). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+\.ts)['"]/gm)) {
    out.push(path.resolve(path.dirname(file), m[1]!));
  }
  return out;
}

/**
 * sha256 (12 hex) over a module and every local module it imports, plus package-lock.json:
 * the parse cache depends on the parser's code only, not on the rest of the pipeline.
 */
export function moduleFingerprint(entry: string): string {
  const start = path.resolve(ROOT, entry);
  const known = moduleFingerprints.get(start);
  if (known) return known;
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of localImports(file)) queue.push(dep);
  }
  const hash = createHash('sha256');
  for (const file of [...seen].sort()) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(lockFile());
  const value = hash.digest('hex').slice(0, 12);
  moduleFingerprints.set(start, value);
  return value;
}

/** package-lock.json's bytes: the dependencies' versions (empty in an installed package, which ships no lock file). */
function lockFile(): Uint8Array {
  const file = path.join(ROOT, 'package-lock.json');
  return existsSync(file) ? readFileSync(file) : new Uint8Array();
}

/** The version the parse cache is keyed by: package version + parser code fingerprint. */
export function parserVersion(): string {
  return `${packageVersion()}+${moduleFingerprint('pipeline/parse/core.ts')}`;
}

/**
 * The versions the feed cache (feed-cache.ts) is keyed by: the item builders' fingerprint
 * (pipeline/feeds/items.ts and its imports), and the serializers' (rss.ts, atom.ts, json-feed.ts).
 */
export function feedCacheVersions(): { items: string; documents: string } {
  return {
    items: moduleFingerprint('pipeline/feeds/items.ts'),
    documents: ['rss', 'atom', 'json-feed'].map((f) => moduleFingerprint(`pipeline/feeds/${f}.ts`)).join('+'),
  };
}

/** The `.ts` files under the folder `dir` of the root (root-relative, `/`-separated). */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f.split(path.sep).join('/')}`);
}

/** sha256 (12 hex) over the sorted source files of src/ and pipeline/ (computed once per process). */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const files = [...sourceFiles('src'), ...sourceFiles('pipeline'), ...(existsSync(path.join(ROOT, 'package-lock.json')) ? ['package-lock.json'] : [])].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(path.join(ROOT, file))).update('\0');
  }
  fingerprint = hash.digest('hex').slice(0, 12);
  return fingerprint;
}

/** "0.1.0+1a2b3c4d5e6f". */
export function pipelineVersion(): string {
  return `${packageVersion()}+${codeFingerprint()}`;
}
