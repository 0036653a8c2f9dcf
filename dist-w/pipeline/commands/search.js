// pipeline/commands/search.ts
import { readFileSync, existsSync } from "node:fs";
import { readFlags } from "./flags.js";
import path from "node:path";
import { authorKey, resolveAuthorNames } from "../../src/authors.js";
import { isValidDate } from "../../src/digest/parse.js";
import { AnalyzerMismatchError, loadSearchIndex } from "../../src/search/client.js";
import { SEARCH_INDEX_PATH } from "../steps/search-index.js";
var USAGE = `Usage: npm run search -- "query" [options]

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
var UsageError = class extends Error {
};
function whole(flag, value, min) {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag}: expected a whole number of at least ${min}, got "${value}"`);
  return Number(value);
}
function date(flag, value) {
  if (!isValidDate(value)) throw new UsageError(`${flag}: expected a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}
function searchOptions(values) {
  const options = { limit: whole("--limit", values.limit, 1) };
  if (values.from !== void 0) options.from = date("--from", values.from);
  if (values.to !== void 0) options.to = date("--to", values.to);
  if (options.from && options.to && options.from > options.to) throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  if (values["min-votes"] !== void 0) options.minVotes = whole("--min-votes", values["min-votes"], 0);
  if (values.author?.length) options.author = values.author;
  if (values.all) options.match = "all";
  return options;
}
function readAuthors(text) {
  const data = JSON.parse(text);
  if (!data || !Array.isArray(data.authors)) throw new Error('authors.json: expected {"authors":[...]}');
  return data.authors;
}
function main(argv, io = process) {
  const fail = (code, reason) => {
    io.stderr.write(`search: ${reason}${code === 2 ? " (see --help)" : ""}
`);
    return code;
  };
  const read = readFlags(
    argv,
    {
      output: { type: "string", default: "output" },
      limit: { type: "string", default: "10" },
      from: { type: "string" },
      to: { type: "string" },
      "min-votes": { type: "string" },
      author: { type: "string", multiple: true },
      all: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false }
    },
    true
  );
  if ("error" in read) return fail(2, read.error);
  const { values, positionals } = read;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  let options;
  try {
    options = searchOptions(values);
  } catch (e) {
    if (e instanceof UsageError) return fail(2, e.message);
    throw e;
  }
  const filtered = !!(options.from || options.to || options.minVotes !== void 0 || options.author?.length);
  if (positionals.length === 0 && !filtered) return fail(2, "expected a query, or a filter (--from, --to, --min-votes, --author)");
  const query = positionals.join(" ");
  const file = path.resolve(values.output, SEARCH_INDEX_PATH);
  if (!existsSync(file)) return fail(1, `${file} not found; build it with \`npm run pipeline\``);
  const authorsFile = path.resolve(values.output, "authors.json");
  let client;
  let authors;
  try {
    authors = existsSync(authorsFile) ? readAuthors(readFileSync(authorsFile, "utf8")) : void 0;
    client = loadSearchIndex(readFileSync(file, "utf8"), authors ? { authors } : {});
  } catch (e) {
    return fail(1, `cannot load ${file}: ${e instanceof AnalyzerMismatchError ? e.message : e.message}`);
  }
  if (options.author) {
    const names = options.author;
    if (authors) {
      const resolved = resolveAuthorNames(names, new Set(authors.map((a) => a.key)));
      if (resolved.unknown.length) {
        return fail(1, `no author named ${resolved.unknown.map((i) => JSON.stringify(names[i])).join(", ")} in ${authorsFile}`);
      }
      options.author = resolved.keys;
    } else options.author = names.map(authorKey);
  }
  const hits = client.search(query, options);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(hits, null, 2)}
`);
    return 0;
  }
  if (hits.length === 0) {
    io.stdout.write(`no results${query ? ` for ${JSON.stringify(query)}` : " for these filters"}
`);
    return 0;
  }
  const width = String(hits.length).length;
  hits.forEach((h, i) => {
    const votes = h.votes === null ? "-" : String(h.votes);
    io.stdout.write(`${String(i + 1).padStart(width)}. ${h.title}
`);
    const link = h.id.startsWith("url:") ? "" : `  https://arxiv.org/abs/${h.id}`;
    const some = h.partial ? "  (only part of the query)" : "";
    io.stdout.write(`${" ".repeat(width + 2)}${h.id}  ${h.date}  votes ${votes}  score ${h.score.toFixed(2)}${some}${link}
`);
  });
  return 0;
}
if (process.argv[1] && /pipeline[\\/]commands[\\/]search\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
export {
  USAGE,
  main
};
//# sourceMappingURL=search.js.map
