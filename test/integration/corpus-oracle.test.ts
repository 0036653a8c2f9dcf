/**
 * Independent oracle for the real corpus (../shared/corpus).
 *
 * The CLI is run once on the whole corpus; its papers.json and authors.json are then compared with a
 * plain line-by-line reading of every digest written here from the input format alone (no markdown
 * library, nothing imported from the implementation):
 *
 * - `## Daily Papers (YYYY-MM-DD)` opens a digest (a file may hold two); any other `##` closes it;
 * - `### [Title](url)` inside a digest opens a paper; the title is the text between the first `[` and
 *   the LAST `](` on the line, the url what follows up to the final `)`;
 * - the first `Vote:` and the first `Authors:` line after a heading (before the next heading) belong
 *   to that paper, wherever they sit (also right under an image, in the same paragraph);
 * - `Authors:` is a comma list or a Python list; `+` is never a person: last item = list truncated,
 *   anywhere else = names folded away; names are trimmed and NFC; repeats (modulo case,
 *   diacritics and hyphens) count once.
 *
 * A paper listed on several days is one record: `dates` = every digest date (ascending, unique),
 * `date` = the earliest, `votes` = the highest known (null when none), `title` and `authors` from the
 * first listing (earliest date, then file order).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../helpers/corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SHOW = Number(process.env.ORACLE_SHOW) || 20; // examples printed per kind of mismatch

// ---------------------------------------------------------------------------------------------
// The oracle's own reading of the corpus
// ---------------------------------------------------------------------------------------------

interface Listing {
  id: string;
  file: string; // relative to the corpus folder
  line: number; // 1-based line of the heading
  date: string;
  title: string; // normalized
  rawTitle: string;
  votes: number | null;
  authors: string[];
  authorsLine: number | null;
  truncated: boolean; // last item was `+`
  foldedAway: boolean; // a `+` somewhere else in the list
}

interface Expected {
  id: string;
  listings: Listing[]; // sorted: date, then file, then line
  title: string;
  dates: string[];
  date: string;
  votes: number | null;
  authors: string[];
  truncated: boolean;
  foldedAway: boolean;
}

interface Reading {
  files: number;
  digests: number;
  headings: number;
  nonArxiv: { file: string; line: number; url: string }[];
  listings: Listing[];
  papers: Map<string, Expected>;
}

const where = (l: { file: string; line: number }): string => `${l.file}:${l.line}`;

function markdownFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full, base));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md') {
      out.push(path.relative(base, full).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

/** Canonical arXiv id (no version) of a heading link, or null when the link is not arXiv. */
function arxivId(rawUrl: string): string | null {
  let url = rawUrl.trim();
  if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1).trim();
  url = url.replace(/\s+"[^"]*"$/, ''); // optional link title
  const NEW = String.raw`(\d{4}\.\d{4,5})`;
  const OLD = String.raw`([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})`;
  const VERSION = String.raw`(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$`;
  const patterns = [
    new RegExp(String.raw`^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(?:${NEW}|${OLD})${VERSION}`, 'i'),
    new RegExp(String.raw`^(?:https?:\/\/)?(?:www\.)?huggingface\.co\/papers\/(?:${NEW}|${OLD})${VERSION}`, 'i'),
    new RegExp(String.raw`^arxiv:\s*(?:${NEW}|${OLD})${VERSION}`, 'i'),
    new RegExp(String.raw`^(?:${NEW}|${OLD})${VERSION}`),
  ];
  for (const re of patterns) {
    const m = re.exec(url);
    if (m) {
      const id = m[1] ?? m[2];
      if (id) return m[1] ? id : id.replace(/^([a-z-]+)/i, (a) => a.toLowerCase());
    }
  }
  return null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', times: '×',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (all, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[body] ?? all;
  });
}

/** Inline text outside code spans: backslash escapes, character references, emphasis markers. */
function plainInline(s: string): string {
  let t = decodeEntities(s.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => `\u0000${c.codePointAt(0)}\u0000`));
  // emphasis: a run of * or _ that opens before non-space and closes after non-space
  const EMPH = /(^|[^\p{L}\p{N}*_\\])(\*\*|__|\*|_)(?![\s*_])((?:(?!\2).)*?[^\s*_])\2(?![\p{L}\p{N}*_])/u;
  for (let i = 0; i < 20 && EMPH.test(t); i++) t = t.replace(EMPH, '$1$3');
  return t.replace(/\u0000(\d+)\u0000/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** Plain text of a heading's link text: code markers and emphasis removed, whitespace collapsed. */
function plainTitle(raw: string): string {
  let out = '';
  let rest = raw;
  for (;;) {
    const open = /(?<!\\)(`+)/.exec(rest);
    if (!open || open[1] === undefined) break;
    const fence = open[1];
    const after = rest.slice(open.index + fence.length);
    const close = new RegExp(String.raw`(?<!\`)${fence}(?!\`)`).exec(after);
    if (!close) {
      // an unmatched backtick run is literal text
      out += plainInline(rest.slice(0, open.index)) + fence;
      rest = after;
      continue;
    }
    let code = after.slice(0, close.index).replace(/\n/g, ' ');
    if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
    out += plainInline(rest.slice(0, open.index)) + code;
    rest = after.slice(close.index + fence.length);
  }
  out += plainInline(rest);
  return out.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Titles with LaTeX (a `$...$` pair or a `\command`) are compared in a folded form. */
const hasLatex = (raw: string): boolean => /\$[^$]+\$|\\[A-Za-z]/.test(raw);

/** Letters and digits only, lowercased, LaTeX command names dropped. */
const foldTitle = (s: string): string =>
  s.normalize('NFKC').replace(/\\[A-Za-z]+/g, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** Items of a Python list body (`'a', "b", +`): quoted strings with escapes, or bare tokens. */
function pythonListItems(body: string): string[] {
  const items: string[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i] ?? '';
    if (c === ',' || /\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let s = '';
      i++;
      while (i < body.length && body[i] !== c) {
        if (body[i] === '\\' && i + 1 < body.length) {
          const e = body[i + 1] ?? '';
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          i += 2;
        } else {
          s += body[i];
          i++;
        }
      }
      i++; // closing quote
      items.push(s);
    } else {
      const end = body.indexOf(',', i);
      items.push(body.slice(i, end < 0 ? body.length : end));
      i = end < 0 ? body.length : end;
    }
  }
  return items;
}

/**
 * Same person modulo case, diacritics and hyphens (the program's documented author-key rule folds
 * hyphens: `Keren Gu-Lemberg` = `Keren GuLemberg`, src/authors.ts).
 */
const sameNameKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/-/g, '').toLowerCase();

function parseAuthors(rest: string): { names: string[]; truncated: boolean; foldedAway: boolean } {
  const body = rest.trim();
  const raw = body.startsWith('[') && body.endsWith(']') ? pythonListItems(body.slice(1, -1)) : body.split(',');
  const items = raw.map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
  const truncated = items.length > 0 && items[items.length - 1] === '+';
  const foldedAway = items.slice(0, -1).includes('+');
  const seen = new Set<string>();
  const names: string[] = [];
  for (const item of items) {
    if (item === '+') continue;
    const k = sameNameKey(item);
    if (seen.has(k)) continue;
    seen.add(k);
    names.push(item);
  }
  return { names, truncated, foldedAway };
}

function readCorpus(dir: string): Reading {
  const files = markdownFiles(dir);
  const listings: Listing[] = [];
  const nonArxiv: Reading['nonArxiv'] = [];
  let digests = 0;
  let headings = 0;
  for (const file of files) {
    const lines = readFileSync(path.join(dir, file), 'utf8').replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
    let date: string | null = null;
    let current: Listing | null = null;
    let voteSeen = false;
    lines.forEach((line, index) => {
      const h2 = /^ {0,3}##(?!#)(?:\s+(.*?))?\s*$/.exec(line);
      if (h2) {
        current = null;
        const m = /^Daily Papers \((\d{4}-\d{2}-\d{2})\)(?:\s+#*)?$/.exec(h2[1] ?? '');
        date = m?.[1] ?? null;
        if (date) digests++;
        return;
      }
      if (/^ {0,3}#(?!#)\s/.test(line)) {
        current = null;
        date = null;
        return;
      }
      const h3 = /^ {0,3}###\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
      if (h3 && date) {
        current = null;
        voteSeen = false;
        const text = h3[1] ?? '';
        const close = text.lastIndexOf('](');
        if (!text.startsWith('[') || close < 0 || !text.endsWith(')')) return;
        headings++;
        const rawTitle = text.slice(1, close);
        const url = text.slice(close + 2, -1);
        const id = arxivId(url);
        if (!id) {
          nonArxiv.push({ file, line: index + 1, url });
          return;
        }
        current = {
          id, file, line: index + 1, date, rawTitle, title: plainTitle(rawTitle),
          votes: null, authors: [], authorsLine: null, truncated: false, foldedAway: false,
        };
        listings.push(current);
        return;
      }
      const paper = current as Listing | null;
      if (!paper) return;
      const vote = /^ {0,3}Vote:\s*(.*?)\s*$/.exec(line);
      if (vote && !voteSeen) {
        voteSeen = true;
        paper.votes = /^\d+$/.test(vote[1] ?? '') ? Number(vote[1]) : null;
        return;
      }
      const authors = /^ {0,3}Authors:(.*)$/.exec(line);
      if (authors && paper.authorsLine === null) {
        const parsed = parseAuthors(authors[1] ?? '');
        paper.authors = parsed.names;
        paper.truncated = parsed.truncated;
        paper.foldedAway = parsed.foldedAway;
        paper.authorsLine = index + 1;
      }
    });
  }

  const byId = new Map<string, Listing[]>();
  for (const l of listings) byId.set(l.id, [...(byId.get(l.id) ?? []), l]);
  const papers = new Map<string, Expected>();
  for (const [id, ls] of byId) {
    ls.sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file) || a.line - b.line);
    const first = ls[0] as Listing;
    const votes = ls.map((l) => l.votes).filter((v): v is number => v !== null);
    const dates = [...new Set(ls.map((l) => l.date))].sort();
    papers.set(id, {
      id, listings: ls, title: first.title, dates, date: dates[0] as string,
      votes: votes.length ? Math.max(...votes) : null,
      authors: first.authors, truncated: first.truncated, foldedAway: first.foldedAway,
    });
  }
  return { files: files.length, digests, headings, nonArxiv, listings, papers };
}

// ---------------------------------------------------------------------------------------------
// The program's output
// ---------------------------------------------------------------------------------------------

interface OutAuthorRef {
  name: string;
  key: string;
}
interface OutPaper {
  id: string;
  title: string;
  date: string;
  dates: string[];
  votes: number | null;
  authors: OutAuthorRef[];
  authorsTruncated: boolean;
  source?: { file: string; line: number };
}
interface OutAuthor {
  key: string;
  name: string;
  spellings?: string[];
  spelling?: string[];
  papers: string[];
  count: number;
}

function runCli(input: string, output: string): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [TSX_CLI, 'pipeline/cli.ts', '--input', input, '--output', output, '--no-cache', '--quiet'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 100_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, ms: Date.now() - started }));
  });
}

const show = (v: unknown): string => JSON.stringify(v);

function report(field: string, mismatches: string[]): string {
  const head = `${field}: ${mismatches.length} mismatch(es)`;
  if (mismatches.length) console.log([head, ...mismatches.slice(0, SHOW).map((m) => `  ${m}`)].join('\n'));
  return [head, ...mismatches.slice(0, 5)].join('\n');
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!CORPUS_PRESENT)(`corpus oracle: CLI output vs an independent line reading${CORPUS_SKIP}`, () => {
  let out = '';
  let reading: Reading;
  let papers: OutPaper[] = [];
  let authors: OutAuthor[] = [];
  const byId = new Map<string, OutPaper>();

  beforeAll(async () => {
    reading = readCorpus(CORPUS);
    out = await mkdtemp(path.join(tmpdir(), 'corpus-oracle-'));
    const run = await runCli(CORPUS, out);
    if (run.code !== 0) throw new Error(`CLI exited with ${run.code}:\n${run.stderr.slice(-4000)}`);
    papers = (JSON.parse(readFileSync(path.join(out, 'papers.json'), 'utf8')) as { papers: OutPaper[] }).papers;
    authors = (JSON.parse(readFileSync(path.join(out, 'authors.json'), 'utf8')) as { authors: OutAuthor[] }).authors;
    for (const p of papers) if (!byId.has(p.id)) byId.set(p.id, p);
    const multi = [...reading.papers.values()].filter((p) => p.listings.length > 1);
    console.log(
      [
        `corpus: ${reading.files} files, ${reading.digests} digests, ${reading.headings} paper headings ` +
          `(${reading.nonArxiv.length} non-arXiv), ${reading.papers.size} unique arXiv papers, ` +
          `${multi.length} listed more than once`,
        `listings with Vote: ${reading.listings.filter((l) => l.votes !== null).length} numeric; ` +
          `with Authors: ${reading.listings.filter((l) => l.authorsLine !== null).length}; ` +
          `truncated (+ last): ${reading.listings.filter((l) => l.truncated).length}; ` +
          `folded (+ elsewhere): ${reading.listings.filter((l) => l.foldedAway).length}`,
        `cli: ${run.ms} ms, papers.json ${papers.length} records, authors.json ${authors.length} authors`,
      ].join('\n'),
    );
    for (const n of reading.nonArxiv.slice(0, SHOW)) console.log(`non-arXiv heading link ${where(n)}: ${n.url}`);
  }, 180_000);

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('the oracle reading itself is sane', () => {
    expect(reading.files).toBeGreaterThan(0);
    expect(reading.papers.size).toBeGreaterThan(0);
    expect(reading.listings.length + reading.nonArxiv.length).toBe(reading.headings);
  });

  it('paper set: every arXiv heading is one record, and nothing else', () => {
    const counts = new Map<string, number>();
    for (const p of papers) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
    const missing = [...reading.papers.values()]
      .filter((p) => !counts.has(p.id))
      .map((p) => `${where(p.listings[0] as Listing)} ${p.id}`);
    // a non-arXiv heading keeps a record under a derived id: at most that many ids are not ours
    const extra = [...counts.keys()].filter((id) => !reading.papers.has(id));
    const unexplained = extra.length > reading.nonArxiv.length ? extra : [];
    const msg = [
      report('duplicated ids in papers.json', duplicated),
      report('arXiv ids missing from papers.json', missing),
      report(`ids in papers.json with no arXiv heading (${reading.nonArxiv.length} non-arXiv headings allowed)`, unexplained),
    ].join('\n');
    expect(duplicated.length + missing.length + unexplained.length, msg).toBe(0);
    expect(papers.length).toBe(reading.papers.size + extra.length);
  });

  const compare = (field: string, check: (exp: Expected, got: OutPaper) => string | null, note?: () => string): void => {
    const mismatches: string[] = [];
    for (const exp of reading.papers.values()) {
      const got = byId.get(exp.id);
      if (!got) continue; // reported by the paper-set test
      const problem = check(exp, got);
      if (problem) mismatches.push(`${where(exp.listings[0] as Listing)} ${exp.id}: ${problem}`);
    }
    if (note) console.log(note());
    const msg = report(field, mismatches);
    expect(mismatches.length, msg).toBe(0);
  };

  it('title (plain text; LaTeX titles compared folded: letters and digits, lowercased)', () => {
    let latex = 0;
    let latexExact = 0;
    compare('title', (exp, got) => {
      const first = exp.listings[0] as Listing;
      if (hasLatex(first.rawTitle)) {
        latex++;
        if (got.title === exp.title) latexExact++;
        return foldTitle(got.title) === foldTitle(exp.title)
          ? null
          : `expected ${show(exp.title)} (folded ${show(foldTitle(exp.title))}), got ${show(got.title)} (folded ${show(foldTitle(got.title))})`;
      }
      return got.title === exp.title ? null : `expected ${show(exp.title)}, got ${show(got.title)}`;
    }, () => `title: ${latex} LaTeX titles compared folded (${latexExact} of them also equal verbatim)`);
  });

  it('dates (every digest date, ascending, unique)', () => {
    compare('dates', (exp, got) => (show(got.dates) === show(exp.dates) ? null : `expected ${show(exp.dates)}, got ${show(got.dates)}`));
  });

  it('date (earliest digest date)', () => {
    compare('date', (exp, got) => (got.date === exp.date ? null : `expected ${show(exp.date)}, got ${show(got.date)}`));
  });

  it('votes (highest seen, null when never known)', () => {
    compare('votes', (exp, got) => (got.votes === exp.votes ? null : `expected ${show(exp.votes)}, got ${show(got.votes)}`));
  });

  it('authors (names in order, from the first listing; + is no person; repeats once)', () => {
    compare('authors', (exp, got) => {
      const names = (got.authors ?? []).map((a) => a.name);
      if (show(names) === show(exp.authors)) return null;
      const first = exp.listings[0] as Listing;
      const extra = names.filter((n) => !exp.authors.includes(n));
      const lost = exp.authors.filter((n) => !names.includes(n));
      const diff = extra.length || lost.length
        ? `extra ${show(extra)}, missing ${show(lost)}`
        : `same names, different order/count (${names.length} vs ${exp.authors.length})`;
      return `(Authors line ${first.authorsLine ?? 'none'}) ${diff}; expected ${exp.authors.length} names, got ${names.length}`;
    });
  });

  it('authorsTruncated (true iff the list ends in +; lists with a mid-list + only are not judged)', () => {
    compare('authorsTruncated', (exp, got) => {
      if (!exp.truncated && exp.foldedAway) return null;
      return got.authorsTruncated === exp.truncated ? null : `expected ${exp.truncated}, got ${show(got.authorsTruncated)}`;
    });
  });

  it('every author name contains a letter (papers.json and authors.json)', () => {
    const bad: string[] = [];
    for (const p of papers) for (const a of p.authors) if (!/\p{L}/u.test(a.name)) bad.push(`papers.json ${p.id} (${where(p.source ?? { file: '?', line: 0 })}): ${show(a)}`);
    for (const a of authors) {
      for (const name of [a.name, ...(a.spellings ?? a.spelling ?? [])]) {
        if (!/\p{L}/u.test(name)) bad.push(`authors.json key ${show(a.key)}: name/spelling ${show(name)} (papers ${show(a.papers.slice(0, 3))})`);
      }
    }
    expect(bad.length, report('author names without a letter', bad)).toBe(0);
  });

  it('no author key in authors.json is punctuation/symbols alone', () => {
    const bad = authors.filter((a) => !/[\p{L}\p{N}]/u.test(a.key)).map((a) => `key ${show(a.key)} name ${show(a.name)} count ${a.count} papers ${show(a.papers.slice(0, 3))}`);
    expect(bad.length, report('punctuation-only author keys', bad)).toBe(0);
  });

  it('every author of a paper has a non-empty key', () => {
    const bad: string[] = [];
    for (const p of papers) for (const a of p.authors) if (typeof a.key !== 'string' || a.key.trim() === '') bad.push(`${p.id}: ${show(a)}`);
    expect(bad.length, report('paper authors without a key', bad)).toBe(0);
  });

  it('authors.json: papers reference existing ids, count equals papers.length', () => {
    const ids = new Set(papers.map((p) => p.id));
    const bad: string[] = [];
    for (const a of authors) {
      const unknown = a.papers.filter((id) => !ids.has(id));
      if (unknown.length) bad.push(`key ${show(a.key)}: unknown paper ids ${show(unknown.slice(0, 5))}`);
      if (a.count !== a.papers.length) bad.push(`key ${show(a.key)}: count ${a.count} but ${a.papers.length} papers`);
      if (new Set(a.papers).size !== a.papers.length) bad.push(`key ${show(a.key)}: a paper listed twice in ${show(a.papers)}`);
    }
    expect(bad.length, report('authors.json references', bad)).toBe(0);
  });

  it('no paper lists the same author key twice', () => {
    const bad: string[] = [];
    for (const p of papers) {
      const seen = new Map<string, string>();
      for (const a of p.authors) {
        const before = seen.get(a.key);
        if (before !== undefined) bad.push(`${p.id} (${where(p.source ?? { file: '?', line: 0 })}): key ${show(a.key)} for ${show(before)} and ${show(a.name)}`);
        else seen.set(a.key, a.name);
      }
    }
    expect(bad.length, report('repeated author keys within a paper', bad)).toBe(0);
  });

  it('papers.json authors and authors.json agree (each paper author key exists and lists the paper)', () => {
    const byKey = new Map(authors.map((a) => [a.key, new Set(a.papers)] as const));
    const bad: string[] = [];
    for (const p of papers) {
      for (const a of p.authors) {
        const listed = byKey.get(a.key);
        if (!listed) bad.push(`${p.id}: key ${show(a.key)} (${show(a.name)}) missing from authors.json`);
        else if (!listed.has(p.id)) bad.push(`${p.id}: authors.json ${show(a.key)} does not list this paper`);
      }
    }
    expect(bad.length, report('papers.json/authors.json disagreement', bad)).toBe(0);
  });
});
