/**
 * Step "page": the static search page. Emits `index.html`, the bundled script and style under
 * `assets/`, and the search data split into chunks the page fetches on demand (`search/`,
 * format in src/page/format.ts). Every URL in the page is relative, so `output/` works from
 * any static host, including a sub-path.
 */
import { escapeHtml as escapeText } from '../../src/escape.ts';
import { byString } from '../../src/compare.ts';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Dataset, Paper } from '../../src/types.ts';
import type { Artifact } from '../publish/artifact.ts';
import { ANALYZER_VERSION, toSearchDocument } from '../../src/search/options.ts';
import { PAGE_FORMAT } from '../../src/page/format.ts';
import type { DocChunk, Manifest, MetaChunk, MetaRecord } from '../../src/page/format.ts';
import { buildIndex, entriesBytes, entryLength } from '../../src/search/index-builder.ts';
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import type { StepContext, StepResult } from '../context.ts';
import { listFeeds } from './feeds.ts';

const PAGE_DIR = fileURLToPath(new URL('../../src/page/', import.meta.url));

/** Target size of a term chunk's JSON (a single large posting list may exceed it). */
export const TERM_CHUNK_BYTES = 48 * 1024;
/** Documents per doc chunk (scoring data: id, field lengths, date, votes). */
export const DOC_BLOCK = 1024;
/** Documents per meta chunk (what a result shows). */
export const META_BLOCK = 8;
const EXCERPT_CHARS = 320;
const MAX_AUTHORS = 12;

export interface PageInput {
  dataset: Dataset;
  /** The index the index step built: saves building it a second time. */
  index?: BuiltIndex;
}

function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

const escapeHtml = (text: string): string => escapeText(text, { apostrophe: true });

function metaRecord(p: Paper): MetaRecord {
  let excerpt = '';
  for (const s of p.summary) {
    const line = s.label ? `${s.label}: ${s.text}` : s.text;
    excerpt += (excerpt ? '\n' : '') + line;
    if (excerpt.length >= EXCERPT_CHARS) break;
  }
  if (excerpt.length > EXCERPT_CHARS) excerpt = `${excerpt.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/u, '')}…`;
  return {
    id: p.id,
    title: p.title,
    date: p.date,
    votes: p.votes,
    authors: p.authors.slice(0, MAX_AUTHORS).map((a) => a.name),
    authorsMore: p.authorsTruncated || p.authors.length > MAX_AUTHORS,
    excerpt,
    thumbnail: p.thumbnail,
    abs: p.links.abs,
    pdf: p.links.pdf,
    huggingface: p.links.huggingface,
  };
}

export interface SearchChunks {
  manifest: Manifest;
  artifacts: Artifact[];
}

/** Splits the index of `papers` (added in dataset order) into the page's chunks. */
export function chunkSearchData(
  papers: Paper[],
  index: BuiltIndex,
  { prefix = 'search/', termChunkBytes = TERM_CHUNK_BYTES }: { prefix?: string; termChunkBytes?: number } = {},
): SearchChunks {
  // Chunks are named by position; the folder they live in is named by a hash of all of them,
  // so a new build never mixes with cached chunks of an old one and the manifest stays small.
  const chunks: { file: string; data: string | Uint8Array }[] = [];
  const emit = (dir: string, n: number, value: unknown): string => {
    const file = `${dir}/${n}.json`;
    chunks.push({ file, data: JSON.stringify(value) });
    return file;
  };

  const js = index.head;
  // Doc and meta chunks are cut by MiniSearch short id (dataset order).
  const byId = new Map<string, Paper>();
  for (const p of papers) if (!byId.has(p.id)) byId.set(p.id, p);
  const ids = js.documentIds as Record<string, string>;
  const byShort: (Paper | null)[] = Array.from({ length: js.nextId }, (_, s) => {
    const id = ids[String(s)];
    return id === undefined ? null : (byId.get(String(id)) ?? null);
  });

  // Terms are sorted; a chunk is the JSON array of its entries ([term, postings]), at most
  // termChunkBytes long (counted in UTF-16 code units, like the JSON text).
  const first: string[] = [];
  const termFiles: string[] = [];
  let from = 0;
  let size = 0;
  const flush = (to: number) => {
    if (to === from) return;
    first.push(index.terms[from]!);
    const file = `t/${termFiles.length}.json`;
    chunks.push({ file, data: entriesBytes(index, from, to) });
    termFiles.push(file);
    from = to;
    size = 0;
  };
  for (let i = 0; i < index.terms.length; i++) {
    const n = entryLength(index, i) + 1;
    if (size > 0 && size + n > termChunkBytes) flush(i);
    size += n;
  }
  flush(index.terms.length);
  if (first.length === 0) {
    first.push('');
    termFiles.push(emit('t', 0, []));
  }
  first[0] = ''; // the first chunk also holds any term sorting before its first one

  const fieldCount = Object.keys(js.fieldIds).length;
  const docFiles: string[] = [];
  for (let start = 0, n = 0; start < byShort.length || n === 0; start += DOC_BLOCK, n++) {
    const slice = byShort.slice(start, start + DOC_BLOCK);
    const doc: DocChunk = {
      start,
      ids: slice.map((p) => p?.id ?? ''),
      fieldLength: slice.map((_, i) => {
        const fl = (js.fieldLength as Record<string, number[]>)[String(start + i)] ?? [];
        return Array.from({ length: fieldCount }, (_, f) => fl[f] ?? 0);
      }),
      date: slice.map((p) => p?.date ?? ''),
      votes: slice.map((p) => p?.votes ?? null),
    };
    docFiles.push(emit('d', n, doc));
  }

  const metaFiles: string[] = [];
  for (let start = 0, n = 0; start < byShort.length || n === 0; start += META_BLOCK, n++) {
    const meta: MetaChunk = { start, docs: byShort.slice(start, start + META_BLOCK).map((p) => (p ? metaRecord(p) : null)) };
    metaFiles.push(emit('m', n, meta));
  }

  const dates = papers.map((p) => p.date).filter((d) => d !== '').sort();
  const manifest: Manifest = {
    format: PAGE_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    documentCount: js.documentCount,
    nextId: js.nextId,
    fieldIds: js.fieldIds,
    averageFieldLength: js.averageFieldLength,
    serializationVersion: js.serializationVersion,
    dates: { min: dates[0] ?? '', max: dates[dates.length - 1] ?? '' },
    root: '',
    terms: { first, count: termFiles.length },
    docs: { block: DOC_BLOCK, count: docFiles.length },
    meta: { block: META_BLOCK, count: metaFiles.length },
  };
  const h = createHash('sha256');
  for (const c of chunks) h.update(c.file).update('\0').update(c.data).update('\0');
  manifest.root = `${h.digest('hex').slice(0, 12)}/`;
  const artifacts: Artifact[] = chunks.map((c) => ({ path: `${prefix}${manifest.root}${c.file}`, data: c.data }));
  artifacts.push({ path: `${prefix}manifest.json`, data: JSON.stringify(manifest) });
  return { manifest, artifacts };
}

/** Bundles src/page/main.ts and style.css (minified, deterministic, content-hashed names). */
export async function bundlePage(): Promise<{ js: Artifact; worker: Artifact; css: Artifact }> {
  const script = async (entry: string, format: 'iife' | 'esm') =>
    (
      await build({
        entryPoints: [`${PAGE_DIR}${entry}`],
        bundle: true,
        minify: true,
        format,
        target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
        platform: 'browser',
        write: false,
        legalComments: 'none',
        charset: 'utf8',
        logLevel: 'silent',
      })
    ).outputFiles[0]!.contents;
  const worker = await script('worker.ts', 'iife');
  const js = await script('main.ts', 'esm');
  const css = await build({
    entryPoints: [`${PAGE_DIR}style.css`],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const cssBytes = css.outputFiles[0]!.contents;
  return {
    js: { path: `assets/main.${hash(js)}.js`, data: js },
    worker: { path: `assets/worker.${hash(worker)}.js`, data: worker },
    css: { path: `assets/style.${hash(cssBytes)}.css`, data: cssBytes },
  };
}

/** The page's Content-Security-Policy: scripts and data only from the same origin. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; manifest-src 'self'";

/** The search page and its data chunks; count: `artifacts`. */
export async function pageStep(ctx: StepContext, { dataset, index: built }: PageInput): Promise<StepResult<Artifact[]>> {
  const { config } = ctx;
  const index = built ?? buildIndex(dataset.papers.map(toSearchDocument));
  const { manifest, artifacts } = chunkSearchData(dataset.papers, index);
  ctx.logger.info(
    `page: ${manifest.terms.count} term chunks, ${manifest.docs.count} doc chunks, ${manifest.meta.count} meta chunks`,
  );
  const { js: script, worker, css } = await bundlePage();
  const feeds = listFeeds(config);
  const template = await readFile(`${PAGE_DIR}index.html`, 'utf8');
  const site = config.site;
  const vars: Record<string, string> = {
    lang: escapeHtml(site.language),
    title: escapeHtml(site.title),
    description: escapeHtml(site.description),
    csp: escapeHtml(CSP),
    script: escapeHtml(script.path),
    worker: escapeHtml(worker.path),
    style: escapeHtml(css.path),
    count: escapeHtml(String(dataset.papers.length)),
    feeds: feeds
      .map((f) => `<link rel="alternate" type="${escapeHtml(f.type)}" title="${escapeHtml(f.title)}" href="${escapeHtml(f.path)}">`)
      .join('\n    '),
    feedList: feeds
      .map((f) => `<li><a href="${escapeHtml(f.path)}" type="${escapeHtml(f.type)}">${escapeHtml(f.title)}</a></li>`)
      .join(''),
  };
  const html = template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
  const files = [{ path: 'index.html', data: html }, script, worker, css, ...artifacts].sort(byString((a) => a.path));
  return { value: files, counts: { artifacts: files.length } };
}
