/**
 * `npm run search -- "query" [options]`: prints the best results from output/search-index.json.
 * Without a query but with filters, lists the papers the filters select, newest first.
 *
 * Flags: `USAGE` below. A flag with a wrong value (a date that is not a calendar date, a limit
 * that is not a positive whole number) is a usage error: one line on stderr, exit 2.
 * `--author` takes an author key or any spelling of a name, folded with `authorKey`
 * (src/authors.ts) against the keys of authors.json, as the feeds' author filters are; a name
 * that folds to no author there is an error (one line, exit 1), never an empty result.
 */
import { readFileSync, existsSync } from 'node:fs';
import { readFlags } from './flags.ts';
import path from 'node:path';
import { authorKey, resolveAuthorNames } from '../../src/authors.ts';
import { isValidDate } from '../../src/digest/parse.ts';
import { AnalyzerMismatchError, loadSearchIndex } from '../../src/search/client.ts';
import type { ClientSearchOptions } from '../../src/search/client.ts';
import { SEARCH_INDEX_PATH } from '../steps/search-index.ts';

export const USAGE = `Usage: npm run search -- "query" [options]

Prints the best results from the search index the pipeline built. Without a query but with
filters, lists the papers the filters select, newest first.

Options:
  --output DIR        folder holding search-index.json (default: output)
  --limit N           results to print (default 10)
  --from YYYY-MM-DD   only papers first listed on or after this date
  --to YYYY-MM-DD     only papers first listed on or before this date
  --min-votes N       only papers with at least N votes
  --author NAME       only papers by this author: a key of authors.json or any spelling
                      of the name ("Ying-Cong Chen" = "Yingcong Chen"); repeatable
  --all               every query word must match (as saved-query feeds do)
  --json              print the hits as JSON
  --help              show this help

Exit codes: 0 success (also with no results), 1 no index to read or an --author that names
no author of the index, 2 usage error.
`;

/** Where the command writes (the process' streams, or a test's). */
export interface SearchIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** A usage error: its one-line reason. */
class UsageError extends Error {}

function whole(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag}: expected a whole number of at least ${min}, got "${value}"`);
  return Number(value);
}

function date(flag: string, value: string): string {
  if (!isValidDate(value)) throw new UsageError(`${flag}: expected a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** The search options the flags ask for; a UsageError names the flag that is wrong. */
function searchOptions(values: { limit: string; from?: string | undefined; to?: string | undefined; 'min-votes'?: string | undefined; author?: string[] | undefined; all: boolean }): ClientSearchOptions {
  const options: ClientSearchOptions = { limit: whole('--limit', values.limit, 1) };
  if (values.from !== undefined) options.from = date('--from', values.from);
  if (values.to !== undefined) options.to = date('--to', values.to);
  if (options.from && options.to && options.from > options.to) throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  if (values['min-votes'] !== undefined) options.minVotes = whole('--min-votes', values['min-votes'], 0);
  if (values.author?.length) options.author = values.author;
  if (values.all) options.match = 'all';
  return options;
}

/** One authors.json record, as the author filter needs it. */
type AuthorPapers = { key: string; papers: string[] };

/** The records of authors.json (`{"authors":[{key, papers, …}]}`); throws on another shape. */
function readAuthors(text: string): AuthorPapers[] {
  const data = JSON.parse(text) as { authors?: unknown };
  if (!data || !Array.isArray(data.authors)) throw new Error('authors.json: expected {"authors":[...]}');
  return data.authors as AuthorPapers[];
}

/** Runs the command on `argv`; returns the exit code (0, 1 no index or unknown author, 2 usage). */
export function main(argv: string[], io: SearchIO = process): number {
  const fail = (code: 1 | 2, reason: string): 1 | 2 => {
    io.stderr.write(`search: ${reason}${code === 2 ? ' (see --help)' : ''}\n`);
    return code;
  };
  const read = readFlags(
    argv,
    {
      output: { type: 'string', default: 'output' },
      limit: { type: 'string', default: '10' },
      from: { type: 'string' },
      to: { type: 'string' },
      'min-votes': { type: 'string' },
      author: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
  if ('error' in read) return fail(2, read.error);
  const { values, positionals } = read;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  let options: ClientSearchOptions;
  try {
    options = searchOptions(values);
  } catch (e) {
    if (e instanceof UsageError) return fail(2, e.message);
    throw e;
  }
  const filtered = !!(options.from || options.to || options.minVotes !== undefined || options.author?.length);
  if (positionals.length === 0 && !filtered) return fail(2, 'expected a query, or a filter (--from, --to, --min-votes, --author)');
  const query = positionals.join(' ');
  const file = path.resolve(values.output, SEARCH_INDEX_PATH);
  if (!existsSync(file)) return fail(1, `${file} not found; build it with \`npm run pipeline\``);
  const authorsFile = path.resolve(values.output, 'authors.json');
  let client;
  let authors: AuthorPapers[] | undefined;
  try {
    authors = existsSync(authorsFile) ? readAuthors(readFileSync(authorsFile, 'utf8')) : undefined;
    client = loadSearchIndex(readFileSync(file, 'utf8'), authors ? { authors } : {});
  } catch (e) {
    return fail(1, `cannot load ${file}: ${e instanceof AnalyzerMismatchError ? e.message : (e as Error).message}`);
  }
  if (options.author) {
    const names = options.author as string[];
    if (authors) {
      const resolved = resolveAuthorNames(names, new Set(authors.map((a) => a.key)));
      if (resolved.unknown.length) {
        return fail(1, `no author named ${resolved.unknown.map((i) => JSON.stringify(names[i])).join(', ')} in ${authorsFile}`);
      }
      options.author = resolved.keys;
    } else options.author = names.map(authorKey);
  }
  const hits = client.search(query, options);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    io.stdout.write(`no results${query ? ` for ${JSON.stringify(query)}` : ' for these filters'}\n`);
    return 0;
  }
  const width = String(hits.length).length;
  hits.forEach((h, i) => {
    const votes = h.votes === null ? '-' : String(h.votes);
    io.stdout.write(`${String(i + 1).padStart(width)}. ${h.title}\n`);
    const link = h.id.startsWith('url:') ? '' : `  https://arxiv.org/abs/${h.id}`;
    const some = h.partial ? '  (only part of the query)' : '';
    io.stdout.write(`${' '.repeat(width + 2)}${h.id}  ${h.date}  votes ${votes}  score ${h.score.toFixed(2)}${some}${link}\n`);
  });
  return 0;
}

if (process.argv[1] && /pipeline[\\/]commands[\\/]search\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
