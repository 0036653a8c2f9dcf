#!/usr/bin/env node
import { type CliIO } from './cli-flags.ts';
export { parseFlags, type CliFlags, type CliIO } from './cli-flags.ts';
export declare const USAGE = "Usage: npm run pipeline -- [options]     (in this project)\n       npx daily-papers-feeds [options]  (with the package installed)\n\nTurns the markdown digests of the input folder into papers.json, authors.json, a search index,\nfeeds and a search page, published atomically to the output folder.\n\nOptions:\n  --config FILE     config file (default: pipeline.config.ts, optional)\n  --input DIR       input folder (overrides the config's \"input\")\n  --output DIR      output folder (overrides the config's \"output\")\n  --site-url URL    where the output is served from (overrides \"site.url\" and PIPELINE_SITE_URL)\n  --strict          treat warnings as fatal (exit 1, nothing published)\n  --quiet           print only diagnostics and errors\n  --json            print only the run report (JSON) on stdout\n  --no-cache        ignore the incremental cache (a cold run; the cache is not written)\n  --allow-empty     publish even when no paper was found\n  --help            show this help\n  --version         show the version\n\nEnvironment: PIPELINE_SITE_URL (as --site-url); under GITHUB_ACTIONS=true diagnostics become\nworkflow annotations and a summary is appended to $GITHUB_STEP_SUMMARY.\n\nExit codes: 0 success (warnings allowed), 1 fatal diagnostics / warnings under --strict /\nno papers / another run active (output/ unchanged), 2 usage or config error.\n";
export declare function main(io: CliIO): Promise<number>;
/**
 * Runs `main` on this process's arguments and streams and sets `process.exitCode` (the entry of
 * `npx daily-papers-feeds`, `node dist/pipeline/cli.js` and pipeline/launch.mjs).
 */
export declare function start(): void;
//# sourceMappingURL=cli.d.ts.map