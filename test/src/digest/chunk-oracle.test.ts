/**
 * Oracle test for `parseBlocks(text, false)`: whatever shortcuts it takes (cutting the text at ATX
 * headings and blank lines, parsing pieces separately, a hand-written fast path), its result must be
 * exactly `unified().use(remarkParse).parse(text).children`, positions included.
 *
 * Three sources of documents: hand-written ones aimed at the places where cutting a document apart
 * could go wrong, a seeded rule-based generator of mutated digests, and every digest of the real
 * archive (skipped visibly when absent). On a mismatch the report gives the smallest failing
 * document found by dropping lines (then characters) while it still fails, as a JS string literal,
 * and the path of the first differing node.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseBlocks } from '../../../src/digest/chunk.ts';
import { mulberry32 } from '../../eval/generate.ts';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../../helpers/corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// ---------------------------------------------------------------------------------------------
// The oracle and the comparison
// ---------------------------------------------------------------------------------------------

const processor = unified().use(remarkParse);

/** remark's whole parse: the expected answer. */
function oracle(text: string): unknown {
  return processor.parse(text).children;
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

function nodeTag(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'type' in value && typeof value.type === 'string') {
    return `(${value.type})`;
  }
  return '';
}

/**
 * The first place where `actual` differs from `expected`, as `path: remark X, parseBlocks Y`, or
 * null when they are deep-equal. Deep-equal as vitest's `toEqual`: a key whose value is `undefined`
 * counts as absent. Keys are visited in remark's order (`type`, ..., `children`, `position`), so
 * the first difference is the first one in document order, at the deepest node that shows it.
 */
function firstDiff(expected: unknown, actual: unknown, at: string): string | null {
  if (Object.is(expected, actual)) return null;
  const where = at === '' ? '(root)' : at;
  if (expected === null || actual === null || typeof expected !== 'object' || typeof actual !== 'object') {
    return `${where}: remark ${show(expected)}, parseBlocks ${show(actual)}`;
  }
  if (Array.isArray(expected) !== Array.isArray(actual)) {
    return `${where}: remark ${Array.isArray(expected) ? 'an array' : 'an object'}, parseBlocks ${show(actual)}`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const common = Math.min(expected.length, actual.length);
    for (let i = 0; i < common; i++) {
      const d = firstDiff(expected[i], actual[i], `${at}[${i}]${nodeTag(expected[i])}`);
      if (d !== null) {
        return expected.length === actual.length
          ? d
          : `${d}\n    (and ${where} has ${expected.length} element(s) in remark, ${actual.length} in parseBlocks)`;
      }
    }
    if (expected.length !== actual.length) {
      const extra = expected.length > actual.length ? expected[common] : actual[common];
      return `${where}.length: remark ${expected.length}, parseBlocks ${actual.length}; first unmatched element ${show(extra)}`;
    }
    return null;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = Object.keys(e).filter((k) => e[k] !== undefined);
  for (const k of Object.keys(a)) if (a[k] !== undefined && !keys.includes(k)) keys.push(k);
  for (const k of keys) {
    const d = firstDiff(e[k], a[k], `${at}.${k}`);
    if (d !== null) return d;
  }
  return null;
}

/** null when `parseBlocks(text, false)` matches remark, else what differs (or what it threw). */
function check(text: string, whole = false): string | null {
  let actual: unknown;
  try {
    actual = parseBlocks(text, whole);
  } catch (error) {
    return `parseBlocks threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  return firstDiff(oracle(text), actual, '');
}

// ---------------------------------------------------------------------------------------------
// Shrinking a failing document
// ---------------------------------------------------------------------------------------------

/** Delta debugging over a list: drop chunks while `fails` still holds, down to single items. */
function ddmin<T>(items: T[], fails: (candidate: T[]) => boolean, deadline: number): T[] {
  let current = items;
  let n = 2;
  while (current.length >= 1 && Date.now() < deadline) {
    const chunk = Math.max(1, Math.ceil(current.length / n));
    let reduced = false;
    for (let start = 0; start < current.length && Date.now() < deadline; start += chunk) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (fails(candidate)) {
        current = candidate;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunk === 1) break;
      n = Math.min(n * 2, current.length);
    }
  }
  return current;
}

/** The smallest document still failing: drop lines, then characters of each remaining line. */
function shrink(text: string, budgetMs = 4000): string {
  const deadline = Date.now() + budgetMs;
  const fails = (t: string): boolean => check(t) !== null;
  let lines = ddmin(text.split('\n'), (ls) => fails(ls.join('\n')), deadline);
  for (let i = 0; i < lines.length && Date.now() < deadline; i++) {
    const chars = Array.from(lines[i] ?? '');
    const kept = ddmin(
      chars,
      (cs) => fails([...lines.slice(0, i), cs.join(''), ...lines.slice(i + 1)].join('\n')),
      deadline,
    );
    lines = [...lines.slice(0, i), kept.join(''), ...lines.slice(i + 1)];
  }
  // Dropping a whole line (not just emptying it) may help again once lines have been shortened.
  lines = ddmin(lines, (ls) => fails(ls.join('\n')), deadline);
  return lines.join('\n');
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

/** A failure report: the shrunk document as a JS string literal and its first difference. */
function report(label: string, text: string, diff: string, small = shrink(text)): string {
  return [
    `${label}: parseBlocks(text, false) differs from remark's parse`,
    `  smallest failing document (${lineCount(small)} of ${lineCount(text)} lines):`,
    `    ${JSON.stringify(small)}`,
    `  first difference on it: ${check(small) ?? '(shrinking lost the failure)'}`,
    `  first difference on the whole document: ${diff}`,
  ].join('\n');
}

/** Check every document; throw one error that reports the failures, shrunk, one per distinct shrunk form. */
function expectAllMatch(docs: Iterable<{ label: string; text: string }>, shrinkAtMost = 12, budgetMs = 8000): number {
  const failures: { label: string; text: string; diff: string }[] = [];
  let total = 0;
  for (const { label, text } of docs) {
    total++;
    const diff = check(text);
    if (diff !== null) failures.push({ label, text, diff });
  }
  if (failures.length === 0) return total;
  const deadline = Date.now() + budgetMs;
  const seen = new Map<string, string[]>();
  const parts: string[] = [];
  for (const f of failures.slice(0, shrinkAtMost)) {
    const left = deadline - Date.now();
    if (left <= 0 && parts.length > 0) break;
    const small = shrink(f.text, Math.max(500, Math.min(left, budgetMs / 2)));
    const same = seen.get(small);
    if (same) {
      same.push(f.label);
      continue;
    }
    const labels = [f.label];
    seen.set(small, labels);
    parts.push(report(f.label, f.text, f.diff, small));
  }
  const also = [...seen.values()].filter((l) => l.length > 1).map((l) => `${l[0]} (same shrunk form: ${l.slice(1).join(', ')})`);
  throw new Error(
    `${failures.length} of ${total} document(s) differ from remark's parse; ` +
      `${parts.length} distinct shrunk form(s) among the first ${Math.min(failures.length, shrinkAtMost)}` +
      `\n\n${parts.join('\n\n')}` +
      (also.length > 0 ? `\n\n${also.join('\n')}` : '') +
      (failures.length > shrinkAtMost
        ? `\n\nfailing (first 30): ${failures.slice(0, 30).map((f) => f.label).join(', ')}`
        : ''),
  );
}

// ---------------------------------------------------------------------------------------------
// 1. Hand-written documents
// ---------------------------------------------------------------------------------------------

const L = (...lines: string[]): string => lines.join('\n');
const VIDEO = 'https://cdn-uploads.huggingface.co/production/uploads/64a1b2c3d4e5f6a7b8c9d0e1/demo.mp4';
const VIDEO_DIV = `<div><video controls src="${VIDEO}" muted="false"></video></div>`;
const VIDEO_BARE = `<video controls src="${VIDEO}" muted="false"></video>`;
const THUMB = '![](https://cdn-uploads.huggingface.co/production/uploads/abc/x_y.png)';

const HAND: [name: string, text: string][] = [
  // --- lists and blank lines
  ['loose list', L('- a', '', '- b', '', '- c', '')],
  ['item continued after a blank line by an indented paragraph', L('- a', '', '  continued', '- b', '')],
  ['item, blank line, paragraph indented too little to continue it', L('- a', '', ' not in the item', '')],
  ['item, blank line, unindented paragraph', L('- a', '', 'after the list', '')],
  ['item, two blank lines, indented paragraph', L('- a', '', '', '  still in the item', '')],
  ['item continued by a lazy line', L('- a', 'lazy', '- b', '')],
  ['nested bullets', L('- a', '  - b', '    - c', '  - d', '- e', '')],
  ['nested bullets with blank lines', L('- a', '', '  - b', '', '  - c', '', '- d', '')],
  ['nested bullet continued after a blank line', L('- a', '  - b', '', '    more of b', '', '  more of a', 'after', '')],
  ['nested bullet at 1 and 3 spaces', L('- a', ' - b', '   - c', '')],
  ['bullet then indented sublist after blank', L('- **What\'s New**: x', '', '  - sub', '- y', '')],
  ['ordered list with dots and parens', L('1. a', '2. b', '3) c', '4) d', '')],
  ['ordered list starting at 3, loose', L('3. a', '', '4. b', '', '10. c', '')],
  ['ordered list cannot interrupt a paragraph unless it starts at 1', L('para', '2. not a list', '', 'para', '1. a list', '')],
  ['digit-dot without space', L('1.a', '2024. year', '1. ', '')],
  ['empty list items', L('-', '  foo', '- ', '- b', '-', '')],
  ['list item starting with a blank line', L('-', '', '  foo', '')],
  ['changing bullet marker starts a new list', L('* a', '+ b', '- c', '* d', '')],
  ['list item holding indented code', L('- a', '', '      code', '', '- b', '')],
  ['heading ends a list', L('- a', '# h', '- b', '')],
  ['heading inside a list item', L('- a', '', '  # h in item', '  text', '')],
  ['list item continued after blank line by a heading-like line', L('1. one', '', '   ## two', '')],
  ['korean bullets with nested numbered list', L('- 첫 번째', '  1. 하나', '  2. 둘', '', '- 두 번째', '')],
  ['ordered items with 5-space content', L('1.     code in item', '2. b', '')],
  ['list, blank, blank, list', L('- a', '', '', '- b', '')],
  ['paragraph then bullet (interrupts)', L('Authors: A', '- b', '')],
  ['empty item cannot interrupt a paragraph', L('text', '*', '', 'text', '1.', '')],
  // --- indented code
  ['indented code spanning blank lines', L('    code', '', '    more', '', '', '    end', '')],
  ['indented code with whitespace-only blank lines', L('    a', '  ', '    b', '      ', '    c', '')],
  ['indented code followed by blank lines then paragraph', L('    code', '', '', 'para', '')],
  ['tab-indented code', L('\tcode', '', '\tmore', '\t\tdeeper', '')],
  ['indented code holding a heading-like line', L('    # not a heading', '', '    ## nor this', '# heading', '')],
  ['indented line after paragraph is a continuation', L('para', '    not code', '', '    code', '')],
  ['indented code after heading', L('# h', '    code', '# h2', '')],
  ['indented code at end without newline', L('    code', '', '    last')],
  // --- fenced code
  ['fenced code holding blank lines and a heading', L('```', '# not heading', '', '- not list', '', '```', 'after', '')],
  ['unclosed fence runs to the end', L('```js', 'a', '', '# h', '', '- x', '')],
  ['tilde fence', L('~~~', '', '~~~', '', '~~~ python', 'x', '~~~~', '')],
  ['fence with backtick in info string is not a fence', L('``` a`b', 'x', '```', '')],
  ['unclosed fence in a list item, blank line, heading', L('- ```', '', '# h', '')],
  ['fence in a list item', L('- a', '', '  ```', '  code', '', '  # x', '  ```', '- b', '')],
  ['fence indented 4 is code', L('    ```', '    a', '', '```', 'b', '')],
  ['fence closed by a longer fence, with trailing spaces', L('````', '```', '', '````  ', '')],
  // --- HTML blocks
  ['paragraph followed by <div> (interrupts)', L('para', '<div>x</div>', 'more', '')],
  ['paragraph followed by <video ...></video>', L('para', VIDEO_BARE, '')],
  ['paragraph followed by <video ...> alone (cannot interrupt)', L('para', `<video controls src="${VIDEO}">`, '')],
  ['<video ...> alone starts an HTML block', L(`<video controls src="${VIDEO}">`, 'next', '', 'after', '')],
  ['<div> block followed by a blank line', L('<div>', 'a', '</div>', '', 'para', '')],
  ['<div> block spans no blank line', L('<div>a', '', 'b</div>', '')],
  ['<div> block swallows a heading', L('<div>', '# h', '</div>', '')],
  ['HTML comment spanning blank lines and headings', L('<!-- comment', '', '# h', '', '-->', 'after', '')],
  ['unclosed HTML comment', L('text', '', '<!--', '', '# h', '- x', '')],
  ['<pre> spanning blank lines', L('<pre>', '', '# x', '', '</pre>', 'after', '')],
  ['<script> and <style>', L('<script>', '', 'x', '</script>', '<style>', '', '</style>', '')],
  ['processing instruction, declaration, CDATA', L('<?php', '', '?>', '<!DOCTYPE html>', '<![CDATA[', '', ']]>', '')],
  ['Watch Video link then video div', L('### [T](https://arxiv.org/abs/2401.00001)', '', `[Watch Video](${VIDEO})`, VIDEO_DIV, '', 'Vote: 1', '')],
  ['broken Watch Video link then video div', L(`[Watch Video]${VIDEO}`, VIDEO_DIV, '', 'Vote: 2', '')],
  ['Watch Video link, blank line, video div', L(`[Watch Video](${VIDEO})`, '', VIDEO_DIV, '', '')],
  ['bare video line between blank lines', L('', VIDEO_BARE, '', 'Vote: 3', '')],
  ['video src with a space', L(`<video controls src="https://x/patchplay demo.mp4" muted="false"></video>`, '')],
  ['HTML block in a list item', L('- a', '  <div>', '', '  b', '</div>', '')],
  ['closing tag line', L('</div>', 'text', '', '</video>', '')],
  ['<div> block with a heading on its third line', L('<div>', 'x', '# h', '</div>', '')],
  ['<video> block with a heading after a continuation line', L(`<video controls src="${VIDEO}">`, 'next', '## Daily Papers (2024-01-02)', '')],
  ['unclosed <pre> in a list item right before a heading', L('- <pre', '# h', '')],
  ['unclosed HTML comment in a list item right before a heading', L('- <!--', '# h', '')],
  ['inline HTML in a paragraph', L('a <b>bold</b> <br> c<d', 'x</a>', '')],
  // --- block quotes
  ['block quote with lazy continuation', L('> a', 'lazy', '> b', '')],
  ['block quote, blank line, paragraph', L('> a', '', 'b', '')],
  ['block quote interrupted by setext-like line', L('> a', '---', '')],
  ['block quote with heading and list', L('> # h', '> text', '> - x', 'lazy', '')],
  ['block quote with an empty line marker', L('>a', '>', '>b', '', '> c', '', '> d', '')],
  ['nested block quotes with laziness', L('> > a', '> b', 'c', '')],
  ['block quote holding code and a tab', L('>     code', '> ', '>     more', '>\tx', '')],
  ['block quote holding a fence closed by the quote ending', L('> ```', '> a', '# h', '```', '')],
  ['digit-dot after a quote', L('> 1. a', '2. b', '')],
  // --- setext headings and thematic breaks
  ['setext level 1 and 2', L('a', '===', '', 'b', 'c', '---', '')],
  ['--- after a blank line is a thematic break', L('a', '', '---', '---', '')],
  ['setext underline with spaces, and indented 4', L('a', '  ===  ', '', 'b', '    ===', '')],
  ['--- after a list is a break', L('- a', '---', '')],
  ['broken setext underlines', L('a', '= =', '', 'b', '-- -', '', 'c', '==x', '')],
  ['=== after a heading', L('# h', '===', '', '# h', '---', '')],
  ['Vote line as a setext heading', L('Vote: 12', '---', 'Authors: A, B', '===', '')],
  ['lone underline lines', L('===', '', '---', '', '-', '')],
  ['thematic breaks of all kinds', L('***', '* * *', '___', '_ _ _ _', '- - -', '*-*', '  ***', '    ***', '')],
  ['setext heading over two lines, hard break inside', L('a  ', 'b', '---', '')],
  // --- trailing spaces and hard breaks
  ['one trailing space', L('a ', 'b', '')],
  ['two trailing spaces: hard break', L('a  ', 'b', '')],
  ['three trailing spaces, and a tab', L('a   ', 'b\t', 'c', '')],
  ['trailing spaces before a blank line', L('a  ', '', 'b  ', '')],
  ['trailing spaces at end of document', L('a  ')],
  ['trailing spaces on heading and list', L('# h  ', '- a  ', '  b  ', '')],
  ['backslash hard break', L('a\\', 'b', '', 'c\\')],
  ['trailing spaces before a heading', L('line   ', '# h', '')],
  ['trailing spaces on a blank line between pieces', L('a', '   ', '# h', '  ', 'b', '')],
  // --- tabs
  ['tabs after markers', L('-\ta', '>\tb', '1.\tc', '#\th', '')],
  ['tab-indented list and sublist', L('\t- a', '- b', '\t- c', '')],
  ['tabs inside text and mixed indentation', L('a\tb', ' \tcode', '  \t- x', '')],
  ['tab continuation after blank in list', L('- a', '', '\tcontinued', '')],
  // --- links and references
  ['[label] not followed by (', L('[label] and more', '[label] (not a link)', '')],
  ['[label] directly followed by a URL', L('[label]https://example.com/x', '')],
  ['reference used before a blank-separated definition', L('[a]', '', '', '[a]: https://example.com', '')],
  ['definition before a heading, reference after it', L('[A]: /url "t"', '', '# h', '', 'see [a] and [x][A] and ![i][a]', '')],
  ['definition cannot interrupt a paragraph', L('para', '[a]: /u', '', '[a]', '')],
  ['definitions in a row, one per piece', L('[x]: /1', '', '[y]: /2', '# h', '[x][] [y]', '')],
  ['definition in a list item, reference after a heading', L('- [x]: /u', '# h', '[x]', '')],
  ['reference before a heading, definition in a block quote after it', L('[x]', '# h', '> [x]: /u', '')],
  ['definition spanning lines', L('[z]:', '/url', '"title"', '', '[z]', '')],
  ['collapsed and full references without definitions', L('[a][b] [a][] [] ]', '')],
  ['links with nested brackets, titles, angle URLs, spaces', L('[T [x]](url)', '[t](url "t")', '[t](<a b>)', '[t](a b)', '[t](url', '')],
  ['image variants', L('![alt *x*](u)', '![](u "t")', '![]( u )', '![](u', '')],
  // --- emphasis, code, entities, autolinks
  ['emphasis with * and _', L('*a* _b_ **c** __d__ ***e***', '')],
  ['intraword underscore and star', L('a_b_c 1120*1120 snake_case_name x*y*z', '')],
  ['labelled bullets', L('- **What\'s New**: x', '- ***Technical Details***: y', '- **a**b', '')],
  ['emphasis cannot span a blank line or a heading', L('*a', '', 'b*', '_c', '# h', 'd_', '')],
  ['backticks', L('`a` ``b`c`` `unclosed', '`x', '', 'y`', '')],
  ['entities', L('&amp; &lt;div&gt; &#35; x &#x20; &bogus; &nbsp; AT&T', '')],
  ['entity-encoded heading mark', L('&#35; not heading', '')],
  ['autolinks and URLs', L('<https://x.com> https://x.com <a@b.co> www.x.com <not a link> <https://x.com/a b>', '')],
  ['backslash escapes', L('\\# not heading', '\\- not list', '\\* \\_ \\` \\\\ \\[x\\]', 'a\\')],
  ['stray LaTeX', L('$x^2$ $$\\sum_{i=1}^n$$ \\(a_b\\)', '')],
  // --- headings
  ['headings of levels 1-6', L('# a', '## b', '### c', '#### d', '##### e', '###### f', '')],
  ['headings without text', L('#', '##', '# ', '###### ', '#\t', '')],
  ['not headings', L('####### seven', '#a', '#5', '')],
  ['closing sequences', L('# a #', '## b ##   ', '### c#', '# #', '## \\#', '')],
  ['indented headings', L('   # three spaces', '    # code', '')],
  ['heading at end without newline', L('text', '# h')],
  ['empty heading at end', L('a', '#')],
  ['text before the first heading', L('intro', '', '# h', 'x', '')],
  ['text directly before the first heading', L('intro', '# h', '')],
  ['heading right after a paragraph, no blank', L('para', '## h', 'para', '')],
  [
    'several paper listings in a row',
    L(
      '### [A](https://arxiv.org/abs/2401.00001)',
      '### [B](https://arxiv.org/abs/2401.00002)',
      '',
      '### [C: *x* _y_](https://arxiv.org/abs/2401.00003)',
      THUMB,
      '### [D [v2]](https://arxiv.org/abs/2401.00004) ###',
      '###[E](https://arxiv.org/abs/2401.00005)',
      '### [F](https://arxiv.org/abs/2401.00006 "t")  ',
      '',
    ),
  ],
  // --- empty and edge documents
  ['empty document', ''],
  ['a single newline', '\n'],
  ['only blank lines', '\n\n\n\n'],
  ['only whitespace lines', L('   ', '\t', '  ', ' ')],
  ['a single space', ' '],
  ['no trailing newline', 'a'],
  ['several trailing newlines', L('a', '', '', '', '')],
  ['leading blank lines', L('', '', '# h', '')],
  ['list without trailing newline', '- a'],
  ['quote without trailing newline', '> q'],
  ['fence without trailing newline', L('```', 'code')],
  ['div without trailing newline', '<div>'],
  ['byte order mark', '\uFEFF# h\n\ntext\n'],
  ['astral characters and Korean before positions', L('😀 한국어 ### x', '# 😀', '- 😀 *a*', '')],
  // --- a realistic digest
  [
    'realistic digest',
    L(
      '# Daily Papers',
      '',
      '## Daily Papers (2024-01-01)',
      '',
      '### [Some Title](https://arxiv.org/abs/2401.01234)',
      '',
      THUMB,
      '',
      'Vote: 12',
      '',
      'Authors: A. B, C D',
      '',
      '- **What\'s New**: 한국어 요약 텍스트',
      '- 두 번째 요점',
      '  - 하위 요점 1120*1120',
      '',
      '### [Another: A_B & C](https://arxiv.org/abs/2401.01235)',
      '',
      `[Watch Video](${VIDEO})`,
      VIDEO_DIV,
      '',
      'Vote: -',
      '',
      'Authors: [\'Sai Bi\', \'Hao Tan\'], +',
      '',
      '1. **Tokenizer**: BPE',
      '2. **GQA**: 효율적',
      '',
      '## Daily Papers (2024-01-01)',
      '',
    ),
  ],
];

describe('parseBlocks(text, false) against remark: hand-written documents', () => {
  it.each(HAND)('%s', (name, text) => {
    const diff = check(text);
    if (diff !== null) throw new Error(report(name, text, diff));
    // `whole = true` is the plain parse: it must match too.
    const wholeDiff = check(text, true);
    expect(wholeDiff, `parseBlocks(text, true) on ${JSON.stringify(text)}`).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Seeded rule-based generator
// ---------------------------------------------------------------------------------------------

/** mulberry32, the search eval's small deterministic PRNG (test/eval/generate.ts). */
const prng = mulberry32;

class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

const TITLES = [
  'Some Title',
  'Sparse Mixture Routers Learn Curricula on Their Own',
  'GPT-4o보다 작은 모델로 충분할까? Distilling Tool Use into 3B Models',
  'Video-LLaVA: Learning United Visual Representation by Alignment Before Projection',
  'SigLIP 2: Multilingual Vision-Language Encoders',
  'A_B Testing at 1120*1120 Resolution',
  'Towards *Robust* Multilingual Embeddings',
  'What [Really] Matters',
  'Q&A: Is <attention> all you need?',
  'MLGym: A New Framework & Benchmark',
];
const AUTHORS = [
  'A. B, C D',
  'Haruto Sato, Chloé Martin, Ying-Cong Chen',
  "['Ngozi Okafor', 'Mateus Oliveira', 'Sofía Navarro']",
  'Min-jun Park, Grace Liu, Tomás Díaz, +',
  'Lea_Schmidt, Kofi *Mensah*',
];
const SUMMARY = [
  '한국어 요약 텍스트',
  '두 번째 요점',
  '희소 전문가 혼합(Mixture-of-Experts) 모델의 라우터가 쉬운 토큰을 몰아준다.',
  '검증 손실이 12% 빠르게 감소하였다.',
  'SDR이 2.3dB 높았습니다.',
  '1B 규모 실험에서 1120*1120 해상도로 평가했다.',
  '`code` 와 $x^2$ 및 a_b_c 를 포함한다.',
  '자세한 내용은 https://github.com/x/y 에서 확인할 수 있습니다.',
];
const LABELS = ["**What's New**: ", '***Technical Details***: ', '**Performance Highlights**: ', ''];
const SPECIALS = ['*', '_', '`', '<', '>', '&', '[', ']', '(', ')', '!', '#', '=', '-', '\\', '**', '```', '&amp;', '](', '<div>', '</div>', '  ', '\t', '[x]', '1. ', '> ', '# '];
const LINE_REPLACEMENTS = ['---', '===', '***', '- - -', '```', '~~~', '<!--', '-->', '<div>', '</div>', '    ', '#', '-', '1.', '>', '[x]: /url', '[Watch Video]: /u', '<pre>', '</pre>', '    code', '- [Watch Video]: /u', '> [x]: /u', '- <pre', '- <!--', '- ```', '<!--', '<div'];

function arxiv(r: Rand): string {
  return `https://arxiv.org/abs/24${String(r.range(1, 12)).padStart(2, '0')}.${String(r.range(0, 99999)).padStart(5, '0')}`;
}

function video(r: Rand): string {
  return `https://cdn-uploads.huggingface.co/production/uploads/64a1b2c3/${r.pick(['demo', 'clip_1', 'patchplay demo', 'a*b'])}.mp4`;
}

function listing(r: Rand): string[] {
  const out: string[] = [`### [${r.pick(TITLES)}](${arxiv(r)})`, ''];
  switch (r.int(6)) {
    case 0:
    case 1:
      out.push(`![](https://cdn-uploads.huggingface.co/production/uploads/abc/${r.pick(['x_y', 'thumb', 'a b'])}.png)`, '');
      break;
    case 2: {
      const v = video(r);
      out.push(r.chance(0.5) ? `[Watch Video](${v})` : `[Watch Video]${v}`);
      if (r.chance(0.4)) out.push('');
      out.push(`<div><video controls src="${v}" muted="false"></video></div>`, '');
      break;
    }
    case 3:
      out.push(`<video controls src="${video(r)}" muted="false"></video>`, '');
      break;
    case 4:
      out.push(r.chance(0.5) ? `[Watch Video](${video(r)})` : `[Watch Video]${video(r)}`, '');
      break;
    default:
      break;
  }
  if (r.chance(0.85)) out.push(`Vote: ${r.chance(0.1) ? '-' : r.range(0, 300)}`, '');
  if (r.chance(0.85)) out.push(`Authors: ${r.pick(AUTHORS)}`, '');
  const bullets = r.range(0, 4);
  for (let i = 0; i < bullets; i++) {
    out.push(`- ${r.chance(0.5) ? r.pick(LABELS) : ''}${r.pick(SUMMARY)}`);
    if (r.chance(0.15)) out.push(`  - ${r.pick(SUMMARY)}`);
    if (r.chance(0.05)) out.push('', `  ${r.pick(SUMMARY)}`);
  }
  if (r.chance(0.1)) {
    for (let i = 1; i <= r.range(1, 3); i++) out.push(`${i}. ${r.pick(LABELS)}${r.pick(SUMMARY)}`);
  }
  out.push('');
  return out;
}

function piece(r: Rand): string[] {
  const k = r.int(20);
  if (k < 11) return listing(r);
  if (k < 13) return [`## Daily Papers (2024-01-${String(r.range(1, 31)).padStart(2, '0')})`, ''];
  if (k < 14) return [`# ${r.pick(['Daily Papers', 'Title', ''])}`, ''];
  if (k < 15) return [r.pick(SUMMARY), r.pick(SUMMARY), ''];
  if (k < 16) return ['```', r.pick(SUMMARY), '', '# x', '```', ''];
  if (k < 17) return [`> ${r.pick(SUMMARY)}`, r.pick(SUMMARY), ''];
  if (k < 18) return ['    code', '', '    more', ''];
  if (k < 19) return [r.pick(['---', '***', '<!-- note -->', '<div>', '[x]: https://example.com', '[x]'])];
  return [`${r.range(1, 3)}. ${r.pick(SUMMARY)}`, `${r.range(1, 3)}) ${r.pick(SUMMARY)}`, ''];
}

function insertAt(s: string, at: number, what: string): string {
  return s.slice(0, at) + what + s.slice(at);
}

function mutate(r: Rand, lines: string[]): void {
  const i = r.int(lines.length);
  const line = lines[i] ?? '';
  switch (r.int(13)) {
    case 0: // insert a blank line
      lines.splice(i, 0, '');
      break;
    case 1: {
      // remove a blank line
      const blanks = lines.flatMap((l, j) => (l === '' ? [j] : []));
      if (blanks.length > 0) lines.splice(r.pick(blanks), 1);
      break;
    }
    case 2: // indent by 1-4 spaces or a tab
      lines[i] = (r.chance(0.2) ? '\t' : ' '.repeat(r.range(1, 4))) + line;
      break;
    case 3: {
      // change a list marker
      const items = lines.flatMap((l, j) => (/^\s*[-*+] /.test(l) ? [j] : []));
      if (items.length > 0) {
        const j = r.pick(items);
        lines[j] = (lines[j] ?? '').replace(/^(\s*)[-*+] /, `$1${r.pick(['* ', '+ ', '1. ', '2) ', '3. ', '- '])}`);
      }
      break;
    }
    case 4:
    case 5: // a character that matters to CommonMark at a random place
      lines[i] = insertAt(line, r.int(line.length + 1), r.pick(SPECIALS));
      break;
    case 6: // trailing spaces or a tab
      lines[i] = line + r.pick([' ', '  ', '   ', '\t']);
      break;
    case 7: // a line starting with `>` or a digit and `.`
      lines[i] = r.pick(['> ', '>', '- ', `${r.range(0, 12)}. `, `${r.range(1, 3)}.`, `${r.range(1, 3)}) `]) + line;
      break;
    case 8: // replace or insert a structural line
      if (r.chance(0.5)) lines[i] = r.pick(LINE_REPLACEMENTS);
      else lines.splice(i, 0, r.pick(LINE_REPLACEMENTS));
      break;
    case 9: // duplicate
      lines.splice(i, 0, line);
      break;
    case 10: // delete
      lines.splice(i, 1);
      break;
    case 11: // join with the next line
      if (i + 1 < lines.length) lines.splice(i, 2, line + (r.chance(0.5) ? ' ' : '') + (lines[i + 1] ?? ''));
      break;
    default: {
      // split the line
      const at = r.int(line.length + 1);
      lines.splice(i, 1, line.slice(0, at), line.slice(at));
      break;
    }
  }
}

function generate(r: Rand): string {
  const lines: string[] = [];
  if (r.chance(0.15)) lines.push(r.pick(['intro text', '# Daily Papers', `[Watch Video]${video(r)}`]), r.chance(0.5) ? '' : 'more');
  const pieces = r.range(1, 6);
  for (let i = 0; i < pieces; i++) lines.push(...piece(r));
  const mutations = r.chance(0.15) ? 0 : r.range(1, 10);
  for (let i = 0; i < mutations && lines.length > 0; i++) mutate(r, lines);
  let text = lines.join('\n');
  switch (r.int(5)) {
    case 0:
      text = text.replace(/\n+$/, ''); // no trailing newline
      break;
    case 1:
      text += '\n'.repeat(r.range(1, 3)); // several trailing newlines
      break;
    case 2:
      text += r.pick(['  ', ' \n', '\t\n\n']);
      break;
    default:
      break;
  }
  return text;
}

const GENERATED = 4000;
const SEED = 0x5eed2024;

describe('parseBlocks(text, false) against remark: generated digests', () => {
  it(`matches on ${GENERATED} generated documents (seed ${SEED.toString(16)})`, () => {
    const r = new Rand(SEED);
    const docs: { label: string; text: string }[] = [];
    for (let i = 0; i < GENERATED; i++) docs.push({ label: `generated document #${i}`, text: generate(r) });
    // The generator must actually reach the places it is meant to stress.
    const all = docs.map((d) => d.text).join('\n\u0000\n');
    for (const needle of ['[Watch Video]https', '<div><video', '\n\t', '\n    ', '  \n', '\n> ', '\n1. ', '\n* ', '\n+ ', '\n===', '\n---', '\n```']) {
      expect(all.includes(needle), `no generated document contains ${JSON.stringify(needle)}`).toBe(true);
    }
    expect(expectAllMatch(docs)).toBe(GENERATED);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. The real archive (and the sample digests under input/)
// ---------------------------------------------------------------------------------------------

function readDigests(cwd: string): { label: string; text: string }[] {
  return fg
    .sync('**/*.md', { cwd, absolute: true })
    .sort()
    .map((file) => ({
      label: path.relative(ROOT, file),
      text: readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'),
    }));
}

describe('parseBlocks(text, false) against remark: real digests', () => {
  it('matches on the sample digests under input/', () => {
    const docs = readDigests(path.join(ROOT, 'input'));
    expect(docs.length).toBeGreaterThan(0);
    expect(expectAllMatch(docs)).toBe(docs.length);
  });

  if (!CORPUS_PRESENT) console.warn(`chunk-oracle: real-archive check${CORPUS_SKIP}`);

  it.skipIf(!CORPUS_PRESENT)(`matches on every digest of the real archive${CORPUS_SKIP}`, () => {
    const docs = readDigests(CORPUS);
    expect(docs.length).toBeGreaterThan(0);
    expect(expectAllMatch(docs)).toBe(docs.length);
  });
});
