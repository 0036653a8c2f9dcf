/**
 * Independent oracle test for `fastBlocks` (src/digest/fast-blocks.ts), the fast path that parses
 * one paper chunk of a digest without running the full markdown parser.
 *
 * The oracle is remark-parse itself: `unified().use(remarkParse).parse(chunk).children`. The fast
 * path's contract is "return null (decline) or exactly what remark-parse returns, positions
 * included", so the only thing a test may check about a non-null answer is that it deep-equals
 * remark's tree. Nothing here restates CommonMark rules as expectations of its own: this file was
 * written without reading the implementation (nor src/digest/chunk.ts), and it does not try to
 * predict what the fast path accepts, only that whatever it accepts is right. Declining is always
 * allowed, with one exception that keeps the test from being vacuous: the canonical listing shape
 * that the fast path promises to handle must be accepted.
 *
 * Inputs:
 * - hand-written edge cases around the canonical listing;
 * - a seeded, rule-based generator (own PRNG, fixed seed) that starts from canonical listings and
 *   mutates them with characters and line shapes that matter to CommonMark;
 * - every `### ` chunk of the digests under input/, of the test fixtures, and of the real archive
 *   (../shared/corpus or $DAILY_PAPERS_CORPUS; skipped visibly when absent).
 *
 * Inputs outside the contract are not compared, whatever the fast path answers; that is decided
 * from remark's own tree: chunks that do not start with `### `, that hold another ATX heading
 * line, or whose document holds a fenced code block, an HTML block of kinds 1-5 or a link
 * reference definition (callers never pass those to the fast path).
 *
 * A mismatch is shrunk to a small chunk that still shows it, and reported as a JS string literal
 * with the first node where the fast path's answer and remark's differ.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, RootContent } from 'mdast';
import { fastBlocks } from '../../../src/digest/fast-blocks.ts';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../../helpers/corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const processor = unified().use(remarkParse);

/** The oracle: remark-parse's top-level nodes for the chunk parsed as a document of its own. */
function remarkChildren(chunk: string): RootContent[] {
  return processor.parse(chunk).children;
}

// ---------------------------------------------------------------------------------------------
// Contract filter: which chunks may be passed to fastBlocks at all.
// ---------------------------------------------------------------------------------------------

/** An ATX heading line: `#` to `######` then space, tab or end of line, at the start of a line. */
const ATX_LINE = /^#{1,6}(?:[ \t]|$)/;

/**
 * True when the chunk has the shape a caller passes: it starts with `### ` and holds no other ATX
 * heading line. Lines are split at LF, CR and CRLF alike (conservative: a heading line after a
 * lone CR is left out rather than guessed about).
 */
function chunkShapeOk(chunk: string): boolean {
  if (!chunk.startsWith('### ')) return false;
  const lines = chunk.split(/\r\n|\r|\n/);
  for (let i = 1; i < lines.length; i++) if (ATX_LINE.test(lines[i]!)) return false;
  return true;
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'link', 'linkReference', 'delete', 'tableCell']);
const HTML_KIND_1_TO_5 = /^(?:<!--|<\?|<![A-Za-z]|<!\[CDATA\[|<(?:script|pre|style|textarea)(?=[\s>]|$))/i;

/**
 * Name of a construct that callers promise never to pass (fenced code, HTML block of kinds 1-5,
 * link reference definition), found in remark's tree of `text`; null when there is none.
 */
function forbiddenConstruct(text: string, children: readonly RootContent[]): string | null {
  let found: string | null = null;
  const walk = (node: Nodes, parentType: string): void => {
    if (found) return;
    if (node.type === 'definition') found = 'definition';
    else if (node.type === 'code') {
      const start = node.position?.start.offset ?? 0;
      if (/^[ \t>]*(?:`{3,}|~{3,})/.test(text.slice(start))) found = 'fenced code';
    } else if (node.type === 'html' && !PHRASING_PARENTS.has(parentType)) {
      if (HTML_KIND_1_TO_5.test(node.value.trimStart())) found = 'html block kind 1-5';
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, node.type);
  };
  for (const child of children) walk(child, 'root');
  return found;
}

// ---------------------------------------------------------------------------------------------
// Comparison and reporting.
// ---------------------------------------------------------------------------------------------

interface Diff {
  path: string;
  fastNode: unknown;
  remarkNode: unknown;
  fastValue: unknown;
  remarkValue: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const hasType = (v: unknown): boolean => isObject(v) && typeof v.type === 'string';

/**
 * First place where `a` (fast path) and `b` (remark) differ, with the innermost mdast node that
 * holds it on each side; null when they are equal. Like vitest's toEqual, a property whose value
 * is undefined counts as absent.
 */
function firstDiff(a: unknown, b: unknown, at = '', nodeA: unknown = a, nodeB: unknown = b): Diff | null {
  if (Object.is(a, b)) return null;
  const here = (): Diff => ({ path: at || '(top)', fastNode: nodeA, remarkNode: nodeB, fastValue: a, remarkValue: b });
  if (!isObject(a) || !isObject(b)) return here();
  if (Array.isArray(a) !== Array.isArray(b)) return here();
  const na = hasType(a) ? a : nodeA;
  const nb = hasType(b) ? b : nodeB;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) return { path: `${at}.length`, fastNode: na, remarkNode: nb, fastValue: a.length, remarkValue: b.length };
      const d = firstDiff(a[i], b[i], `${at}[${i}]`, na, nb);
      if (d) return d;
    }
    return null;
  }
  // `type` first so that the report names a wrong node kind rather than a wrong field.
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => a[k] !== undefined || b[k] !== undefined);
  keys.sort((x, y) => (x === 'type' ? -1 : y === 'type' ? 1 : 0));
  for (const k of keys) {
    const d = firstDiff(a[k], b[k], `${at}.${k}`, na, nb);
    if (d) return d;
  }
  return null;
}

type Outcome =
  | { kind: 'skip'; why: string }
  | { kind: 'null' }
  | { kind: 'ok' }
  | { kind: 'bad'; diff: Diff | null; error?: unknown; fast?: unknown; remark: RootContent[] };

/**
 * Runs one chunk through the fast path and, unless it declines, through the contract filter and
 * the oracle (`tree`: remark's answer when already known). A declined chunk is not parsed, so
 * "declined" counts chunks outside the contract too; an answer (or a throw) on a chunk outside
 * the contract is ignored ("skip").
 */
function check(chunk: string, tree?: RootContent[]): Outcome {
  if (!chunkShapeOk(chunk)) return { kind: 'skip', why: 'shape' };
  let fast: RootContent[] | null;
  let error: unknown;
  let threw = false;
  try {
    fast = fastBlocks(chunk);
  } catch (e) {
    fast = null;
    error = e;
    threw = true;
  }
  if (fast === null && !threw) return { kind: 'null' };
  const remark = tree ?? remarkChildren(chunk);
  const forbidden = forbiddenConstruct(chunk, remark);
  if (forbidden) return { kind: 'skip', why: forbidden };
  if (threw) return { kind: 'bad', diff: null, error, remark };
  const diff = firstDiff(fast, remark);
  return diff ? { kind: 'bad', diff, fast, remark } : { kind: 'ok' };
}

/**
 * Smallest chunk found (by deleting ever smaller slices, keeping the `### ` start) on which the
 * fast path still answers non-null and differently from remark (or throws).
 */
function shrink(chunk: string): string {
  const fails = (c: string): boolean => check(c).kind === 'bad';
  let best = chunk;
  let progress = true;
  let budget = 20_000;
  while (progress && budget > 0) {
    progress = false;
    for (let size = Math.max(1, best.length >> 1); size >= 1 && budget > 0; size = size > 1 ? size >> 1 : 0) {
      for (let i = 4; i < best.length && budget > 0; ) {
        const candidate = best.slice(0, i) + best.slice(i + size);
        budget--;
        if (candidate !== best && fails(candidate)) {
          best = candidate;
          progress = true;
        } else i += size;
      }
    }
  }
  return best;
}

/**
 * A JS string literal for `s` in which every character that does not show plainly (controls,
 * format characters, whitespace other than the space, combining marks) is written as \uXXXX.
 */
function literal(s: string): string {
  return JSON.stringify(s).replace(/[^ \P{C}]|[^ \P{Z}]|\p{M}/gu, (c) =>
    [...c].map((u) => `\\u${u.codePointAt(0)!.toString(16).padStart(4, '0')}`).join(''));
}

const SHOW = (v: unknown): string => {
  const s = JSON.stringify(v, (_k, x) => (x === undefined ? '<undefined>' : x));
  if (s === undefined) return String(v);
  const t = s.replace(/[^ \P{C}]|[^ \P{Z}]|\p{M}/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return t.length > 1500 ? `${t.slice(0, 1500)}…` : t;
};

/** Human-readable account of one failing chunk (already shrunk). */
function describeFailure(chunk: string, origin: string): string {
  const outcome = check(chunk);
  const lines = [`chunk (${origin}, shrunk to ${chunk.length} chars): ${literal(chunk)}`];
  if (outcome.kind !== 'bad') return `${lines[0]}\n  (no longer fails: ${outcome.kind})`;
  if (outcome.error !== undefined) {
    lines.push(`  fastBlocks threw: ${outcome.error instanceof Error ? outcome.error.stack ?? outcome.error.message : String(outcome.error)}`);
  } else if (outcome.diff) {
    const d = outcome.diff;
    lines.push(`  first difference at ${d.path}: fast=${SHOW(d.fastValue)} remark=${SHOW(d.remarkValue)}`);
    lines.push(`  fast node:   ${SHOW(d.fastNode)}`);
    lines.push(`  remark node: ${SHOW(d.remarkNode)}`);
  }
  return lines.join('\n');
}

/** Tally of a batch of chunks run through `check`, with the failures kept for the report. */
class Tally {
  total = 0;
  skipped = 0;
  declined = 0;
  accepted = 0;
  readonly skipWhy = new Map<string, number>();
  readonly failures: { chunk: string; origin: string; signature: string }[] = [];

  run(chunk: string, origin: string, tree?: RootContent[]): Outcome {
    this.total++;
    const o = check(chunk, tree);
    if (o.kind === 'skip') {
      this.skipped++;
      this.skipWhy.set(o.why, (this.skipWhy.get(o.why) ?? 0) + 1);
    } else if (o.kind === 'null') this.declined++;
    else {
      this.accepted++;
      if (o.kind === 'bad') {
        const signature = o.error !== undefined ? 'throws' : `${o.diff?.path.replace(/\[\d+\]/g, '[]')} in ${(o.diff?.remarkNode as { type?: string })?.type}`;
        this.failures.push({ chunk, origin, signature });
      }
    }
    return o;
  }

  summary(name: string): string {
    const why = [...this.skipWhy].map(([k, n]) => `${k}: ${n}`).join(', ');
    return `[fast-blocks oracle] ${name}: ${this.total} chunks, ${this.accepted} accepted by fastBlocks (compared with remark), ${this.declined} declined, ${this.skipped} outside the contract, not compared${why ? ` (${why})` : ''}; ${this.failures.length} mismatches`;
  }

  /** Fails the test with shrunk examples of up to `max` distinct kinds of mismatch. */
  assertNoMismatch(max = 4): void {
    if (this.failures.length === 0) return;
    const bySignature = new Map<string, { chunk: string; origin: string }>();
    for (const f of [...this.failures].sort((x, y) => x.chunk.length - y.chunk.length)) {
      if (!bySignature.has(f.signature)) bySignature.set(f.signature, f);
    }
    const shrunk = new Map<string, string>();
    for (const f of [...bySignature.values()].slice(0, 3 * max)) {
      const small = shrink(f.chunk);
      if (!shrunk.has(small)) shrunk.set(small, describeFailure(small, f.origin));
      if (shrunk.size >= max) break;
    }
    const reports = [...shrunk.entries()].sort((x, y) => x[0].length - y[0].length).map(([, report]) => report);
    const message = `fastBlocks answered non-null and differently from remark-parse on ${this.failures.length} chunk(s); smallest examples (shrunk), first difference each:\n\n${reports.join('\n\n')}`;
    expect(this.failures.length, message).toBe(0);
  }
}

// ---------------------------------------------------------------------------------------------
// Seeded generator.
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small deterministic PRNG (no Math.random, so every run sees the same chunks). */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const TITLE_WORDS = ['Scaling', 'Laws', 'for', 'Vision', 'Language', 'Models', 'Diffusion', 'Agents', 'Efficient', 'Training', 'of', 'Large', 'Transformers', 'Video', 'Generation', 'with', 'Sparse', 'Attention', 'Benchmark', '3D', 'Reasoning', 'LLMs', 'Zero', 'Shot', 'Retrieval', 'Data', 'Mixture', 'GPT4', 'Alignment', 'Speech'];
const FIRST = ['Alice', 'Bob', 'Chloe', 'Daniel', 'Hana', 'Jiwoo', 'Minseo', 'Arjun', 'Lea', 'Kofi', 'Elena', 'Haruto', 'Yingcong', 'Sai', 'Mateus', 'Grace'];
const LAST = ['Kim', 'Lee', 'Park', 'Schmidt', 'Mehta', 'Mensah', 'Petrova', 'Sato', 'Chen', 'Bi', 'Oliveira', 'Liu', 'Martin', 'Choi', 'Tan', 'Wu'];
const KO_WORDS = ['이', '논문은', '새로운', '방법을', '제안합니다', '실험', '결과', '성능이', '향상되었습니다', '모델', '학습', '데이터', '대규모', '언어', '기반의', '평가에서', '우수한', '결과를', '보여줍니다', '제안된', '방법은', '사용합니다', '기존', '대비', '효율적인', '구조를', '도입하여', '추론', '속도를', '높였습니다'];
const EN_WORDS = ['Self-supervised', 'Learning', 'Transformer', 'LLM', 'diffusion', 'GPT-4', 'benchmark', 'ImageNet', 'BEIR', 'nDCG', 'token', 'RLHF', 'LoRA', 'CLIP', 'ViT'];
const LABELS = ["What's New", 'Technical Details', 'Performance Highlights'];

function title(r: Rng): string {
  return Array.from({ length: r.range(2, 8) }, () => r.pick(TITLE_WORDS)).join(' ');
}
function arxivId(r: Rng): string {
  return `2${r.range(3, 5)}${String(r.range(1, 12)).padStart(2, '0')}.${String(r.int(100000)).padStart(5, '0')}`;
}
function authors(r: Rng): string {
  return Array.from({ length: r.range(1, 8) }, () => `${r.pick(FIRST)} ${r.pick(LAST)}`).join(', ');
}
/**
 * A sentence of "plain" prose as the contract means it: Korean and English words, digits, spaces
 * and only the punctuation of the contract's own example (. , ( ) % ' -), never at a line start.
 */
function prose(r: Rng): string {
  const words: string[] = [];
  const n = r.range(3, 14);
  for (let i = 0; i < n; i++) {
    const roll = r.int(10);
    if (roll < 6) words.push(r.pick(KO_WORDS));
    else if (roll < 8) words.push(r.pick(EN_WORDS));
    else if (roll < 9) words.push(`${r.range(1, 99)}%`);
    else words.push(`(${r.pick(KO_WORDS)} ${r.pick(KO_WORDS)})`);
    if (i < n - 1 && r.chance(0.15)) words[words.length - 1] += ',';
  }
  return `${words.join(' ')}.`;
}

interface Listing {
  heading: string;
  thumb: string | null;
  video: string | null;
  vote: string | null;
  authors: string | null;
  bullets: string[];
  /** What separates blocks (normally one blank line). */
  sep: string;
  /** What follows the last line. */
  ending: string;
}

function render(l: Listing): string {
  const blocks = [l.heading, l.thumb, l.video, l.vote, l.authors].filter((b): b is string => b !== null);
  if (l.bullets.length > 0) blocks.push(l.bullets.join('\n'));
  return blocks.join(l.sep) + l.ending;
}

type LabelStyle = 'bold' | 'triple' | 'none';

/** The canonical listing the fast path promises to accept (contract's example shape). */
function canonicalListing(r: Rng, style: LabelStyle, video: boolean): Listing {
  const id = arxivId(r);
  const label = (name: string): string => (style === 'bold' ? `**${name}**: ` : style === 'triple' ? `***${name}***: ` : '');
  const bullets = style === 'none'
    ? Array.from({ length: r.range(1, 7) }, () => `- ${prose(r)}`)
    : LABELS.map((name) => `- ${label(name)}${Array.from({ length: r.range(1, 3) }, () => prose(r)).join(' ')}`);
  return {
    heading: `### [${title(r)}](https://arxiv.org/abs/${id})`,
    thumb: `![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png)`,
    video: video ? '[Watch Video](https://example.com/v.mp4)' : null,
    vote: `Vote: ${r.int(1000)}`,
    authors: `Authors: ${authors(r)}`,
    bullets,
    sep: '\n\n',
    ending: '\n\n',
  };
}

const LABEL_NAMES = [...LABELS, 'Limitations', 'Conclusion', 'LLM', '고찰', '프로젝터 (Projector)', 'What’s New', 'Step-1', 'Top 5', "Model's Key-Ideas", 'A', '2024', 'What\'s New - Related Work'];
const LABEL_FORMS: ((x: string) => string)[] = [
  (x) => `**${x}**: `,
  (x) => `**${x}:** `,
  (x) => `***${x}***: `,
  (x) => `***${x}:*** `,
  (x) => `*${x}*: `,
  (x) => `__${x}__: `,
  (x) => `___${x}___: `,
  (x) => `_${x}_: `,
  (x) => `**${x}** : `,
  (x) => `**${x}**：`,
  (x) => `**${x}**:`,
  (x) => `**${x}**`,
  (x) => `**${x}** `,
  (x) => `** ${x}**: `,
  (x) => `**${x} **: `,
  (x) => `**${x}\u00a0**: `,
  (x) => `**\u00a0${x}**: `,
  (x) => `**${x}:**`,
  (x) => `__${x}__`,
  (x) => `**${x}*: `,
  (x) => `***${x}**: `,
  (x) => `**${x}***: `,
  (x) => `****: `,
  (x) => `**${x}**:**${x}** `,
  (x) => `**${x}\\**: `,
  (x) => `**\`${x}\`**: `,
  (x) => `**[${x}](https://x.y)**: `,
  (x) => `**${x}**: **${x}**: `,
  (x) => `**${x}**\t: `,
  (x) => `**${x}**:\t`,
  (x) => `**${x}**:  `,
  (x) => `*** ${x}***: `,
  (x) => `**${x}.**`,
  (x) => `**${x}!**: `,
  (x) => `**${x}😀**: `,
  (x) => `**😀${x}**: `,
  (x) => `**(${x})**: `,
  (x) => `**${x}(**: `,
  (x) => `**&amp;${x}**: `,
  (x) => `* *${x}**: `,
];

/** A listing near the canonical one, before mutation: parts dropped, labels varied, odd separators. */
function looseListing(r: Rng): Listing {
  const style = r.pick<LabelStyle | 'mixed'>(['bold', 'triple', 'none', 'mixed']);
  const l = canonicalListing(r, style === 'mixed' ? 'none' : style, r.chance(0.15));
  if (style === 'mixed') {
    l.bullets = l.bullets.map((b) => (r.chance(0.6) ? `- ${r.pick(LABEL_FORMS)(r.pick(LABEL_NAMES))}${b.slice(2)}` : b));
  }
  if (r.chance(0.1)) l.thumb = null;
  if (r.chance(0.1)) l.vote = null;
  else if (r.chance(0.1)) l.vote = 'Vote: -';
  if (r.chance(0.1)) l.authors = null;
  else if (r.chance(0.08)) l.authors = `Authors: ['${r.pick(FIRST)} ${r.pick(LAST)}', '${r.pick(FIRST)} ${r.pick(LAST)}']`;
  else if (r.chance(0.08)) l.authors += ', +';
  if (r.chance(0.05)) l.bullets = [];
  if (r.chance(0.05)) l.video = `[Watch Video]https://cdn-uploads.huggingface.co/production/uploads/${arxivId(r)}/x.mp4`;
  if (r.chance(0.05)) l.video = '<video controls src="https://example.com/v.mp4" muted="false"></video>';
  if (r.chance(0.05)) l.video = '[Watch Video](https://example.com/v.mp4)\n<div><video controls src="https://example.com/v.mp4" muted="false"></video></div>';
  if (r.chance(0.1)) l.sep = r.pick(['\n', '\n\n\n', '\n \n', '\n\t\n', '\n   \n\n', '\r\n\r\n', '\n\u00a0\n']);
  l.ending = r.pick(['\n\n', '\n\n', '\n', '\n', '', '\n\n\n', '\n  ', '\n \n', '  \n', '\r\n', '\r', '\n\n    \n']);
  return l;
}

/** Characters and short strings that matter to CommonMark (or to naive string handling). */
const TOKENS = [
  '\\', '\\\\', '\\*', '\\_', '\\[', '\\]', '\\`', '\\<', '\\&', '\\!', '\\#', '\\a', '\\\n',
  '`', '``', '```', '` `', '`x`', '``x``', '`` ` ``',
  '*', '**', '***', '* ', ' *', '*x*', '**x**', '*x', 'x*',
  '_', '__', '___', '_x_', '__x__', 'snake_case_word', '2*3*4',
  '[', ']', '[]', '[x]', '[x][]', '[x][y]', '](', '[a](b)', '[a](<b c>)', '[a](b "t")', '[a]()', '[ ]', '[x]: y',
  '(', ')', '()', '(x)',
  '<', '>', '<>', '<b>', '</b>', '<br/>', '<https://x.y>', '<a@b.co>', '<x y="z">', '<!-- c -->', '<?x?>', '< b>',
  '&', '&amp;', '&#123;', '&#x1F600;', '&nbsp;', '&bogus;', '&#0;', '&#xD800;', '&amp', '&#;', '&lt;b&gt;', '&AMP;', '&copy;',
  '!', '![', '![a](b)', '!!',
  '#', '##', '#x', ' #', '# ', '\\#',
  '=', '==', '===', '-', '--', '---', '- ', '+', '+ ', '~', '~~', '~~x~~', '|', '| a |', ':', '::', '"', "'", '.', ',', '$', '$x$', '@', '%',
  '1.', '1. ', '1)', '1) ', '2.', '2. ', '0. ', '10. ', '123456789. ', '1234567890. ', '3)',
  ' ', '  ', '   ', '    ', '\t', ' \t', '\t ',
  '\u00a0', '\u2003', '\u2002', '\u3000', '\u202f', '\u2028', '\u2029', '\ufeff', '\u200b', '\u000b', '\u000c', '\u0085', '\u1680',
  '😀', '𝕏', '👨‍👩‍👧', '🇰🇷', 'e\u0301', '\u0301', '\u20dd', '한\u0300', '\ud800', '\udc00',
  '\r', '\r\n', '\n', '\n\n', '\n  ', '\n    ', '\n- ', '\n> ', '\n1. ',
  '\u0000', '\u0001', '\u007f',
  'https://x.y', 'www.x.y', 'a@b.co',
];

/** Whole lines that start or end CommonMark blocks. */
const LINES = [
  '---', '***', '___', '- - -', '* * *', '_ _ _', '===', '=', '-', ' ---', '   ---', '--- ', '---\t', '-- -',
  '    indented code', '\tindented code', '     five', '  two spaces', '   three spaces',
  '> quote', '>', '> - quoted bullet', '>> nested', ' > spaced quote', '> **What\'s New**: 인용',
  '1. item', '2) item', '1) item', '0. zero', '10. ten', '1.', '1. ', '2.', '123456789. long', '1234567890. too long',
  '- ', '-', '*', '+', '* star item', '+ plus item', '-\ttab item', '-  two', '-    four', '-     five spaces', '- - nested', '- * nested', '- > quote',
  '  - nested2', '   - nested3', '    - nested4', '\t- nested tab', '  1. nested ordered', '- [ ] task', '- [x] done',
  '<div>', '</div>', '<div><video controls src="https://x.y/v.mp4" muted="false"></video></div>', '<video controls src="x.mp4"></video>', '<p>para</p>', '<details>', '<b>inline</b> text', '<a href="x">', '</a>', '<custom-tag>', '<br>',
  '   ## indented heading', '  # one', ' ###### six', '#hashtag', '####### seven', '#\u00a0nbsp', '\\## escaped',
  '[Watch Video](https://example.com/v.mp4)', '[Watch Video]https://cdn-uploads.huggingface.co/production/uploads/abc/x.mp4', '[Watch Video]', '[Watch Video](https://example.com/a b.mp4)',
  '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2401.01234.png)', '![alt](u "title")', '![](<u v>)', '![]()', '![](u)![](v)', '![](u) trailing', '![[nested](x)](u)',
  'Vote: 12', 'Vote: -', 'Vote:', 'Vote: 1,234', 'Authors: Alice Kim, +', "Authors: ['Sai Bi', 'Hao Tan']",
  '&amp; &#123; &#x1F600; &nbsp; &bogus;', '<https://example.com>', '| a | b |', '|---|---|', '~~strike~~', '$$', '$x^2$',
  '', ' ', '    ', '\t', '\u00a0', '\u3000', 'x  ', 'x\\', 'trailing two  ', 'trailing tab\t',
];

const URLS = [
  'https://arxiv.org/abs/2401.01234', 'https://a.b/c d', 'https://a.b/(x)', 'https://a.b/(x', 'https://a.b/x)', '<https://a.b/c d>', '<https://a.b/c>',
  'https://a.b "title"', "https://a.b 'title'", 'https://a.b (title)', 'https://a.b "ti\\"tle"', '', ' ', '<>', 'https://a.b/\\)', 'https://a.b/&amp;x',
  'https://a.b/%20', 'https://a.b/한글', 'javascript:alert(1)', ' https://a.b ', '\thttps://a.b', 'https://a.b/\u00a0x', 'https://a.b\n"t"', 'https://a.b\n',
  'https://a.b/😀', 'https://a.b/<x>', '<https://a.b/>x', 'https://a.b/((x))', 'https://a.b/\\_x', 'https://a.b "t" x', 'https://a.b/\u0000',
  'https://a.b/&#41;', 'a b', '<a\nb>', 'https://a.b "a\n\nb"', 'https://a.b/*x*', 'https://a.b/`x`',
];

const TITLES = [
  'Sampling Negatives in [0,1) Intervals', 'a]b', 'a [b] c', '[a', 'a[', '*em* title', '**strong** title', '`code` title', 'Speech &amp; Text', 'A & B', '<b>x</b>',
  'a\\]b', '![img](x)', '[nested](link)', '', ' ', 'T ', ' T', '\u00a0T', 'T\u00a0', 'x_y_z', '_em_', '😀 Emoji', 'e\u0301', 'Title #', 'Title \\#', 'a\\', '2*3',
  '[[double]]', 'a](b', 'GPT-4: 한국어 제목', 'x  \ny', 'x\ny', 'Title\t', '&#91;x&#93;', 'a <https://x.y> b', 'a `]` b', '`a](b`',
];

const HEADING_FORMS: ((t: string, u: string) => string)[] = [
  (t, u) => `### [${t}](${u})`,
  (t, u) => `### [${t}](${u}) ###`,
  (t, u) => `### [${t}](${u}) #`,
  (t, u) => `### [${t}](${u})#`,
  (t, u) => `### [${t}](${u}) \\#`,
  (t, u) => `### [${t}](${u})   `,
  (t, u) => `### [${t}](${u})\t`,
  (t, u) => `###  [${t}](${u})`,
  (t, u) => `### \t[${t}](${u})`,
  (t, u) => `### ${t}`,
  (t) => `### [${t}]`,
  (t, u) => `### [${t}] (${u})`,
  (t, u) => `### [${t}](${u}) and more`,
  (t, u) => `### before [${t}](${u})`,
  (t, u) => `### ![${t}](${u})`,
  (t, u) => `### [![](${u})](${u})`,
  () => '### ',
  () => '###  ',
  () => '### #',
  () => '### ###',
  (t, u) => `### [${t}](${u}) ### x`,
  (t, u) => `### <${u}>`,
];

/** Offsets where mutations matter most: line starts and ends, and next to label delimiters. */
function interestingOffset(r: Rng, s: string): number {
  const roll = r.int(10);
  if (roll < 4) {
    const starts = [0];
    for (let i = 0; i < s.length; i++) if (s[i] === '\n') starts.push(i + 1);
    const st = r.pick(starts);
    return Math.min(s.length, st + (r.chance(0.7) ? 0 : r.range(1, 4)));
  }
  if (roll < 6) {
    const ends: number[] = [];
    for (let i = 0; i < s.length; i++) if (s[i] === '\n') ends.push(i);
    ends.push(s.length);
    return r.pick(ends);
  }
  if (roll < 8) {
    const marks: number[] = [];
    for (let i = 0; i < s.length; i++) if ('*:[]()!_'.includes(s[i]!)) marks.push(i, i + 1);
    if (marks.length) return r.pick(marks);
  }
  return r.int(s.length + 1);
}

/** The chunk's lines (line endings kept apart) and a way to put them back together. */
function splitLines(s: string): string[] {
  return s.split('\n');
}

type Mutation = (r: Rng, s: string) => string;

const MUTATIONS: [weight: number, name: string, fn: Mutation][] = [
  [10, 'insert token', (r, s) => {
    const at = Math.max(4, interestingOffset(r, s));
    return s.slice(0, at) + r.pick(TOKENS) + s.slice(at);
  }],
  [6, 'replace char', (r, s) => {
    const at = Math.max(4, interestingOffset(r, s));
    return s.slice(0, at) + r.pick(TOKENS) + s.slice(at + 1);
  }],
  [3, 'delete chars', (r, s) => {
    const at = Math.max(4, interestingOffset(r, s));
    return s.slice(0, at) + s.slice(at + r.range(1, 3));
  }],
  [5, 'insert line', (r, s) => {
    const lines = splitLines(s);
    const at = r.range(1, lines.length);
    const blank = r.chance(0.3);
    lines.splice(at, 0, ...(blank ? ['', r.pick(LINES)] : [r.pick(LINES)]));
    return lines.join('\n');
  }],
  [4, 'relabel bullet', (r, s) => {
    const lines = splitLines(s);
    const idx = lines.map((l, i) => (/^\s*[-*+] /.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return s;
    const i = r.pick(idx);
    const text = lines[i]!.replace(/^(\s*[-*+] )(?:\*{1,3}[^*]*\*{1,3}:? ?)?/, '');
    lines[i] = `${lines[i]!.match(/^\s*[-*+] /)![0]}${r.pick(LABEL_FORMS)(r.pick(LABEL_NAMES))}${text}`;
    return lines.join('\n');
  }],
  [4, 'line structure', (r, s) => {
    const lines = splitLines(s);
    if (lines.length < 3) return s;
    const i = r.range(1, lines.length - 1);
    switch (r.int(8)) {
      case 0: lines.splice(i, 1); break; // delete a line (often a blank: paragraphs run together)
      case 1: lines.splice(i, 0, lines[i]!); break; // duplicate
      case 2: if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!]; break;
      case 3: lines.splice(i, 0, ''); break; // blank line (e.g. between bullets)
      case 4: { // split a line, continuation indented 0-4
        const l = lines[i]!;
        const at = r.int(l.length + 1);
        lines.splice(i, 1, l.slice(0, at), ' '.repeat(r.int(5)) + l.slice(at).trimStart());
        break;
      }
      case 5: if (i + 1 < lines.length) lines.splice(i, 2, lines[i]! + r.pick(['', ' ', '  ']) + lines[i + 1]!); break; // join
      case 6: lines[i] = lines[i]!.replace(/^- /, r.pick(['* ', '+ ', '1. ', '2) ', '-\t', '-  ', '- - ', '0. ', '-'])); break;
      default: lines.splice(i, 0, ...lines.slice(i, i + r.range(1, 3)).map((l) => `  ${l}`)); break;
    }
    return lines.join('\n');
  }],
  [4, 'indent line', (r, s) => {
    const lines = splitLines(s);
    const i = r.range(1, Math.max(1, lines.length - 1));
    if (i >= lines.length) return s;
    lines[i] = r.pick([' ', '  ', '   ', '    ', '     ', '\t', ' \t', '  \t', '\u00a0', '\u3000']) + lines[i];
    return lines.join('\n');
  }],
  [3, 'trailing whitespace', (r, s) => {
    const lines = splitLines(s);
    const i = r.int(lines.length);
    lines[i] += r.pick([' ', '  ', '   ', '    ', '\t', ' \t', '\u00a0', '\u3000', '\u2028', '\\', '  \\', '\ufeff', '\u000b', '\u000c']);
    return lines.join('\n');
  }],
  [3, 'heading', (r, s) => {
    const nl = s.indexOf('\n');
    const rest = nl < 0 ? '' : s.slice(nl);
    const form = r.pick(HEADING_FORMS);
    return form(r.chance(0.6) ? r.pick(TITLES) : title(r), r.chance(0.6) ? r.pick(URLS) : 'https://arxiv.org/abs/2401.01234') + rest;
  }],
  [3, 'thumbnail or link url', (r, s) => {
    return s.replace(/(!?\[[^\]\n]*\])\(([^)\n]*)\)/g, (m, text: string) => (r.chance(0.5) ? `${text}(${r.pick(URLS)})` : m));
  }],
  [2, 'line endings', (r, s) => {
    switch (r.int(3)) {
      case 0: return s.replace(/\n/g, '\r\n');
      case 1: return s.replace(/\n/g, '\r');
      default: {
        const at = s.indexOf('\n', r.int(s.length));
        return at < 0 ? s : s.slice(0, at) + r.pick(['\r\n', '\r', '\r\r\n', '\n\r']) + s.slice(at + 1);
      }
    }
  }],
  [2, 'ending', (r, s) => s.replace(/[\s]*$/, '') + r.pick(['', '\n', '\n\n', '\n\n\n', ' ', '  \n', '\n ', '\n    \n', '\t', '\r\n\r\n', '\n\u00a0'])],
  [1, 'only heading', (r, s) => {
    const nl = s.indexOf('\n');
    return (nl < 0 ? s : s.slice(0, nl)) + r.pick(['', '\n', '\n\n', '\n  \n'] as const);
  }],
  [2, 'setext or break under a paragraph', (r, s) => {
    const lines = splitLines(s);
    const idx = lines.map((l, i) => (i > 0 && l.trim() !== '' ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return s;
    const i = r.pick(idx);
    lines.splice(i + 1, 0, r.pick(['---', '===', '=', '-', '  ---', '   ===', '    ---', '- - -', '***', '--- x', '==  ', '-\t-\t-', '  =', '___']));
    return lines.join('\n');
  }],
];

const TOTAL_WEIGHT = MUTATIONS.reduce((n, [w]) => n + w, 0);

function mutate(r: Rng, s: string): string {
  let t = r.int(TOTAL_WEIGHT);
  for (const [w, , fn] of MUTATIONS) {
    if (t < w) return fn(r, s);
    t -= w;
  }
  return s;
}

/** One generated chunk: a loose canonical listing with 0 to 5 mutations. */
function generatedChunk(r: Rng): string {
  let s = render(looseListing(r));
  const n = r.pick([0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5]);
  for (let i = 0; i < n; i++) s = mutate(r, s);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Hand-written edge cases around the canonical shape.
// ---------------------------------------------------------------------------------------------

const EXAMPLE = [
  '### [Some Title Words](https://arxiv.org/abs/2401.01234)',
  '',
  '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2401.01234.png)',
  '',
  'Vote: 12',
  '',
  'Authors: Alice Kim, Bob Lee',
  '',
  "- **What's New**: 이 논문은 새로운 방법을 제안합니다.",
  '- **Technical Details**: 제안된 방법은 Self-supervised Learning (자기 감독 학습)을 사용합니다.',
  '- **Performance Highlights**: 실험 결과 성능이 5% 향상되었습니다.',
  '',
  '',
].join('\n');

/** The contract's example and its promised variants (`***X***:` labels, no labels, a Watch Video paragraph). */
const CANONICAL_EXAMPLES: Record<string, string> = {
  'bold labels': EXAMPLE,
  'triple-asterisk labels': EXAMPLE.replace(/\*\*([^*\n]+)\*\*:/g, '***$1***:'),
  'bullets without labels': EXAMPLE.replace(/\*\*[^*\n]+\*\*: /g, ''),
  'Watch Video paragraph': EXAMPLE.replace('\n\nVote:', '\n\n[Watch Video](https://example.com/v.mp4)\n\nVote:'),
};

/** Edges of the canonical example, each one small change. All are checked only when accepted. */
function edgeCases(): string[] {
  const E = EXAMPLE;
  const edits: [string | RegExp, string][] = [
    ['Vote: 12', 'Vote: 12  '], ['Vote: 12', 'Vote: 12\u00a0'], ['Vote: 12', 'Vote: 12\t'], ['Vote: 12', 'Vote:\t12'], ['Vote: 12', '\u00a0Vote: 12'],
    ['Vote: 12', '\ufeffVote: 12'], ['Vote: 12', 'Vote: 12\ufeff'], ['Vote: 12', 'Vote: 12\u000b'], ['Vote: 12', 'Vote: 12\u000c'], ['Vote: 12', 'Vote: 12\u2028'],
    ['Vote: 12', 'Vote: 12\u3000'], ['Vote: 12', 'Vote: 12\u200b'], ['Vote: 12', ' Vote: 12'], ['Vote: 12', '   Vote: 12'], ['Vote: 12', '    Vote: 12'], ['Vote: 12', '\tVote: 12'],
    ['Vote: 12', 'Vote: 12\n---'], ['Vote: 12', 'Vote: 12\n==='], ['Vote: 12', 'Vote: 12\n- - -'], ['Vote: 12', 'Vote: 12\n***'], ['Vote: 12', 'Vote: -'],
    ['Vote: 12', 'Vote: 12\\'], ['Vote: 12', 'Vote: 12\\\nmore'], ['Vote: 12', 'Vote: 12  \nmore'], ['Vote: 12', 'Vote: &#49;2'], ['Vote: 12', 'Vote: 1\u0000'],
    ['Vote: 12\n\nAuthors', 'Vote: 12\nAuthors'], ['Authors: Alice Kim, Bob Lee\n\n- ', 'Authors: Alice Kim, Bob Lee\n- '],
    ['Authors: Alice Kim, Bob Lee\n\n- ', 'Authors: Alice Kim, Bob Lee\n1. x\n- '], ['Authors: Alice Kim, Bob Lee', 'Authors: Alice Kim, Bob Lee\n---'],
    ['Authors: Alice Kim, Bob Lee', 'Authors: Alice_Kim, Bob_Lee_'], ['Authors: Alice Kim, Bob Lee', 'Authors: Alice *Kim*, Bob Lee'],
    ['Authors: Alice Kim, Bob Lee', "Authors: ['Sai Bi', 'Hao Tan']"], ['Authors: Alice Kim, Bob Lee', 'Authors: Chloé Martin, Tomás Dí\u00adaz, Grace\u200b Liu'],
    ['Authors: Alice Kim, Bob Lee', 'Authors: 😀 Kim, 𝕏 Lee'], ['Authors: Alice Kim, Bob Lee', 'Authors: Alice Kim, +'],
    ['(자기 감독 학습)', '(자기 감독 학습)😀'], ['5%', '5%\u00a0'], ['5%', '**5%**'], ['5%', '*5%*'], ['5%', '`5%`'], ['5%', '5% & more'], ['5%', '5% &amp; more'],
    ['5%', '<b>5%</b>'], ['5%', '<https://x.y>'], ['5%', '[5%](https://x.y)'], ['5%', '[5%]'], ['5%', '5\\%'], ['5%', '5\\\\%'], ['5%', 'https://x.y/a_b_c'],
    ["- **What's New**:", "* **What's New**:"], ["- **What's New**:", "+ **What's New**:"], ["- **What's New**:", "1. **What's New**:"], ["- **What's New**:", "1) **What's New**:"],
    ["- **What's New**:", "-\t**What's New**:"], ["- **What's New**:", "-  **What's New**:"], ["- **What's New**:", "-    **What's New**:"], ["- **What's New**:", "-     **What's New**:"],
    ["- **What's New**:", " - **What's New**:"], ["- **What's New**:", "   - **What's New**:"], ["- **What's New**:", "    - **What's New**:"],
    ["- **What's New**:", "- **What's New:**"], ["- **What's New**:", "- **What's New**이"], ["- **What's New**:", "- **What's New:**이"], ["- **What's New**:", "- __What's New__:"],
    ["- **What's New**:", "- __What's New__이"], ["- **What's New**:", "- *What's New*:"], ["- **What's New**:", "- ***What's New***:"], ["- **What's New**:", "- ** What's New**:"],
    ["- **What's New**:", "- **What's New **:"], ["- **What's New**:", "- **What's New\u00a0**:"], ["- **What's New**:", "- **What’s New**:"], ["- **What's New**:", '- **Step-1 2**:'],
    ["- **What's New**:", "- **What's New**"], ["- **What's New**:", "- **What's New**:**"], ["- **What's New**:", "- **What's New***:"], ["- **What's New**:", "- ***What's New**:"],
    ["- **What's New**:", '- **프로젝터 (Projector)**:'], ["- **What's New**:", "- **What's New**:\n  continuation line"], ["- **What's New**:", "- **What's New**:\nlazy line"],
    ["- **What's New**:", "- **What's New**:\n\n  second paragraph\n"], ["- **What's New**:", "- **What's New**:\n  - nested bullet\n"], ["- **What's New**:", "- **What's New**:\n    - nested four\n"],
    ["- **What's New**:", '- \n- '], ["- **What's New**:", '-\n- '], ["- **What's New**:", '- - -\n- '], ["- **What's New**:", '- ---\n- '],
    ['- **Technical Details**', '\n- **Technical Details**'], ['- **Technical Details**', '\n\n- **Technical Details**'], ['- **Technical Details**', '  \n- **Technical Details**'],
    ['습니다.\n- **Technical', '습니다.  \n- **Technical'], ['습니다.\n- **Technical', '습니다.\\\n- **Technical'], ['습니다.\n- **Technical', '습니다.\n  ---\n- **Technical'],
    ['습니다.\n- **Technical', '습니다.\n  ===\n- **Technical'], ['습니다.\n- **Technical', '습니다.\n---\n- **Technical'], ['습니다.\n- **Technical', '습니다.\n> quote\n- **Technical'],
    ['습니다.\n- **Technical', '습니다.\n<div>\n- **Technical'], ['습니다.\n- **Technical', '습니다.\n   ## nested heading\n- **Technical'],
    ['습니다.\n- **Technical', '습니다.\n  ## in item\n- **Technical'], ['습니다.\n- **Technical', '습니다.\n2. ordered\n- **Technical'],
    ['향상되었습니다.\n\n', '향상되었습니다.\n'], ['향상되었습니다.\n\n', '향상되었습니다.'], ['향상되었습니다.\n\n', '향상되었습니다.\n\n\n\n'],
    ['향상되었습니다.\n\n', '향상되었습니다.\n    \n'], ['향상되었습니다.\n\n', '향상되었습니다.  \n'], ['향상되었습니다.\n\n', '향상되었습니다.\n\nTrailing paragraph\n'],
    ['향상되었습니다.\n\n', '향상되었습니다.\n\n    code after\n'], ['향상되었습니다.\n\n', '향상되었습니다.\n\n- new list\n'], ['향상되었습니다.\n\n', '향상되었습니다.\n  \n  indented para\n'],
    [/^### .*$/m, '### [Some Title Words](https://arxiv.org/abs/2401.01234) ###'], [/^### .*$/m, '### [Some Title Words](https://arxiv.org/abs/2401.01234) #'],
    [/^### .*$/m, '### [Some Title Words](https://arxiv.org/abs/2401.01234)#'], [/^### .*$/m, '### [Some Title Words](https://arxiv.org/abs/2401.01234)   '],
    [/^### .*$/m, '###  [Some Title Words](https://arxiv.org/abs/2401.01234)'], [/^### .*$/m, '### [Some [0,1) Words](https://arxiv.org/abs/2401.01234)'],
    [/^### .*$/m, '### [Some ] Words](https://arxiv.org/abs/2401.01234)'], [/^### .*$/m, '### [Speech &amp; Text](https://arxiv.org/abs/2401.01234)'],
    [/^### .*$/m, '### [A & B](https://arxiv.org/abs/2401.01234)'], [/^### .*$/m, '### [*A* B](https://arxiv.org/abs/2401.01234)'],
    [/^### .*$/m, '### [A](<https://arxiv.org/abs/2401 01234>)'], [/^### .*$/m, '### [A](https://arxiv.org/abs/2401.01234 "t")'],
    [/^### .*$/m, '### [A](https://arxiv.org/abs/(2401))'], [/^### .*$/m, '### [A](https://arxiv.org/abs/2401 01234)'], [/^### .*$/m, '### [A]()'],
    [/^### .*$/m, '### [A](https://arxiv.org/abs/2401.01234)\u00a0'], [/^### .*$/m, '### 😀 [A](https://arxiv.org/abs/2401.01234)'], [/^### .*$/m, '### '],
    [/^### .*$/m, '### Plain title'], [/^### .*$/m, '### [A](https://arxiv.org/abs/2401.01234) \\#'], [/^### .*$/m, '### [A\\](https://arxiv.org/abs/2401.01234)'],
    ['![](https', '![alt](https'], ['.png)', '.png "t")'], ['.png)', '.png) tail'], ['.png)', '.png)\n![](https://x.y/z.png)'], ['![](https', '!\\[](https'],
    ['![](https', '![](<https'], ['\n\n![]', '\n![]'], ['\n\n![]', '\n  ![]'], ['\n\n![]', '\n\n    ![]'],
  ];
  const out: string[] = [];
  for (const [from, to] of edits) out.push(E.replace(from, to));
  out.push(E.replace(/\n/g, '\r\n'), E.replace(/\n/g, '\r'), E.replace(/\n+$/, ''), E.split('\n')[0]!, `${E.split('\n')[0]!}\n`, `${E.split('\n')[0]!}\n\n`, '### ', '### \n', '### x');
  for (const ex of Object.values(CANONICAL_EXAMPLES)) out.push(ex, ex.replace(/\n+$/, '\n'), ex.replace(/\n+$/, ''));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Real digests.
// ---------------------------------------------------------------------------------------------

/** The chunks of one document: split before every ATX heading line (lines split at LF). */
function splitChunks(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, nl < 0 ? text.length : nl);
    if (lineStart > start && /^#{1,6}(?:[ \t\r]|$)/.test(line)) {
      chunks.push(text.slice(start, lineStart));
      start = lineStart;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/**
 * Runs every `### ` chunk of the digests under `dir` through the differential check. A document
 * that holds a construct callers never pass (fenced code, HTML block kinds 1-5, definition) is
 * left out whole.
 */
function runDigests(dir: string, pattern: string, tally: Tally): { files: number; excludedFiles: number } {
  const files = fg.sync(pattern, { cwd: dir, absolute: true }).sort();
  let excludedFiles = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const chunks = splitChunks(text);
    const trees = chunks.map((c) => remarkChildren(c));
    if (chunks.some((c, i) => forbiddenConstruct(c, trees[i]!) !== null)) {
      excludedFiles++;
      continue;
    }
    const rel = path.relative(dir, file);
    chunks.forEach((c, i) => {
      if (c.startsWith('### ')) tally.run(c, rel, trees[i]);
    });
  }
  return { files: files.length, excludedFiles };
}

// ---------------------------------------------------------------------------------------------
// Suites.
// ---------------------------------------------------------------------------------------------

describe('fastBlocks against remark-parse (the oracle)', () => {
  it('accepts the canonical listing shapes of its contract, and answers them as remark does', () => {
    for (const [name, chunk] of Object.entries(CANONICAL_EXAMPLES)) {
      const fast = fastBlocks(chunk);
      expect(fast, `canonical shape "${name}" must be accepted (non-null)`).not.toBeNull();
      expect(fast, name).toEqual(remarkChildren(chunk));
    }
    // The same shapes with other plain prose, titles, authors and bullet counts.
    const r = new Rng(0x5eed_c0de);
    for (let i = 0; i < 300; i++) {
      const style = r.pick<LabelStyle>(['bold', 'triple', 'none']);
      const chunk = render(canonicalListing(r, style, r.chance(0.25)));
      const fast = fastBlocks(chunk);
      expect(fast, `canonical chunk must be accepted: ${JSON.stringify(chunk)}`).not.toBeNull();
      expect(fast, JSON.stringify(chunk)).toEqual(remarkChildren(chunk));
    }
  });

  it('answers hand-written edge cases around the canonical shape as remark does (when it accepts them)', () => {
    const tally = new Tally();
    for (const chunk of edgeCases()) tally.run(chunk, 'edge case');
    console.log(tally.summary('edge cases'));
    tally.assertNoMismatch();
  });

  it('answers 38,000 generated (seeded, mutated) chunks as remark does whenever it accepts one', () => {
    const r = new Rng(20240101);
    const random = new Tally();
    const guided = new Tally();
    const seen = new Set<string>();
    const pool: string[] = [];
    /** Accepted chunks with a list and a paragraph: preferred starting points, so the walk does not drift to bare headings. */
    const rich: string[] = [];
    const keep = (chunk: string): void => {
      if (pool.length < 6000) pool.push(chunk);
      if (rich.length < 6000 && /\n[-*+] /.test(chunk) && /\n\n[^-*+\s]/.test(chunk)) rich.push(chunk);
    };
    // Phase 1: loose canonical listings with 0-5 random mutations each.
    for (let attempts = 0; random.total < 8000 && attempts < 80_000; attempts++) {
      const chunk = generatedChunk(r);
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      if (random.run(chunk, `generated #${random.total + 1}`).kind === 'ok') keep(chunk);
    }
    // Phase 2, guided by acceptance: mutate chunks the fast path accepted, one or two steps at a
    // time, and keep the accepted results as new starting points. Most random mutations make the
    // fast path decline; this walks along the edge of what it accepts, where mistakes would be.
    for (let attempts = 0; guided.total < 30_000 && attempts < 300_000; attempts++) {
      let chunk = rich.length > 0 && r.chance(0.75) ? r.pick(rich) : pool.length > 0 ? r.pick(pool) : render(canonicalListing(r, r.pick<LabelStyle>(['bold', 'triple', 'none']), r.chance(0.2)));
      chunk = mutate(r, chunk);
      if (r.chance(0.25)) chunk = mutate(r, chunk);
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      if (guided.run(chunk, `guided #${guided.total + 1}`).kind === 'ok') keep(chunk);
    }
    console.log(random.summary('generator, random phase (seed 20240101)'));
    console.log(guided.summary('generator, acceptance-guided phase'));
    random.assertNoMismatch();
    guided.assertNoMismatch();
  });

  it('answers every paper chunk of the digests under input/ and the test fixtures as remark does', () => {
    const tally = new Tally();
    const input = runDigests(path.join(ROOT, 'input'), '**/*.md', tally);
    const fixtures = runDigests(path.join(ROOT, 'test/fixtures/digests'), '**/*.md', tally);
    console.log(`${tally.summary('input/ and test fixtures')} [${input.files} + ${fixtures.files} files, ${input.excludedFiles + fixtures.excludedFiles} left out whole]`);
    expect(input.files).toBeGreaterThan(0);
    tally.assertNoMismatch();
  });

  it.skipIf(!CORPUS_PRESENT)(`answers every paper chunk of the real archive as remark does${CORPUS_SKIP}`, () => {
    const tally = new Tally();
    const corpus = runDigests(CORPUS, '[0-9][0-9][0-9][0-9]/**/*.md', tally);
    console.log(`${tally.summary(`archive ${CORPUS}`)} [${corpus.files} files, ${corpus.excludedFiles} left out whole]`);
    expect(corpus.files).toBeGreaterThan(0);
    tally.assertNoMismatch();
  });
});
