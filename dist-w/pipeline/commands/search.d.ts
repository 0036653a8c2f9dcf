export declare const USAGE = "Usage: npm run search -- \"query\" [options]\n\nPrints the best results from the search index the pipeline built. Without a query but with\nfilters, lists the papers the filters select, newest first.\n\nOptions:\n  --output DIR        folder holding search-index.json (default: output)\n  --limit N           results to print (default 10)\n  --from YYYY-MM-DD   only papers first listed on or after this date\n  --to YYYY-MM-DD     only papers first listed on or before this date\n  --min-votes N       only papers with at least N votes\n  --author NAME       only papers by this author: a key of authors.json or any spelling\n                      of the name (\"Ying-Cong Chen\" = \"Yingcong Chen\"); repeatable\n  --all               every query word must match (as saved-query feeds do)\n  --json              print the hits as JSON\n  --help              show this help\n\nExit codes: 0 success (also with no results), 1 no index to read or an --author that names\nno author of the index, 2 usage error.\n";
/** Where the command writes (the process' streams, or a test's). */
export interface SearchIO {
    stdout: {
        write(s: string): unknown;
    };
    stderr: {
        write(s: string): unknown;
    };
}
/** Runs the command on `argv`; returns the exit code (0, 1 no index or unknown author, 2 usage). */
export declare function main(argv: string[], io?: SearchIO): number;
//# sourceMappingURL=search.d.ts.map