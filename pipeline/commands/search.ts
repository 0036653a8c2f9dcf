/**
 * `npm run search -- "query" [options]`: prints the best results from output/search-index.json.
 * Without a query but with filters, lists the papers the filters select, newest first.
 *
 *   --output <dir>     folder holding search-index.json (default: output)
 *   --limit <n>        results to print (default 10)
 *   --from / --to <YYYY-MM-DD>, --min-votes <n>, --author <key>   filters
 *   --all              every query word must match (as saved-query feeds do)
 *   --json             print the hits as JSON
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AnalyzerMismatchError, loadSearchIndex } from '../../src/search/client.ts';
import type { ClientSearchOptions } from '../../src/search/client.ts';
import { SEARCH_INDEX_PATH } from '../steps/search-index.ts';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
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
    });
  } catch (e) {
    console.error(`search: ${(e as Error).message}`);
    return 2;
  }
  const { values, positionals } = args;
  const filtered = !!(values.from || values.to || values['min-votes'] !== undefined || values.author?.length);
  if (values.help || (positionals.length === 0 && !filtered)) {
    console.log('usage: npm run search -- "query" [--limit 10] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--min-votes N] [--author KEY] [--all] [--json] [--output DIR]');
    return values.help ? 0 : 2;
  }
  const query = positionals.join(' ');
  const file = resolve(values.output, SEARCH_INDEX_PATH);
  if (!existsSync(file)) {
    console.error(`search: ${file} not found; build it with \`npm run pipeline\``);
    return 1;
  }
  const authorsFile = resolve(values.output, 'authors.json');
  let client;
  try {
    const authors = existsSync(authorsFile) ? (JSON.parse(readFileSync(authorsFile, 'utf8')) as { key: string; papers: string[] }[]) : undefined;
    client = loadSearchIndex(readFileSync(file, 'utf8'), Array.isArray(authors) ? { authors } : {});
  } catch (e) {
    console.error(`search: cannot load ${file}: ${e instanceof AnalyzerMismatchError ? e.message : (e as Error).message}`);
    return 1;
  }
  const limit = Number(values.limit);
  const options: ClientSearchOptions = { limit: Number.isFinite(limit) && limit > 0 ? limit : 10 };
  if (values.from) options.from = values.from;
  if (values.to) options.to = values.to;
  if (values['min-votes'] !== undefined) options.minVotes = Number(values['min-votes']) || 0;
  if (values.author?.length) options.author = values.author;
  if (values.all) options.match = 'all';
  const hits = client.search(query, options);
  if (values.json) {
    console.log(JSON.stringify(hits, null, 2));
    return 0;
  }
  if (hits.length === 0) {
    console.log(`no results for ${JSON.stringify(query)}`);
    return 0;
  }
  const width = String(hits.length).length;
  hits.forEach((h, i) => {
    const votes = h.votes === null ? '-' : String(h.votes);
    console.log(`${String(i + 1).padStart(width)}. ${h.title}`);
    const link = h.id.startsWith('url:') ? '' : `  https://arxiv.org/abs/${h.id}`;
    console.log(`${' '.repeat(width + 2)}${h.id}  ${h.date}  votes ${votes}  score ${h.score.toFixed(2)}${link}`);
  });
  return 0;
}

process.exitCode = main(process.argv.slice(2));
