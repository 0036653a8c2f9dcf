#!/usr/bin/env node

// pipeline/cli.ts
import { realpathSync } from "node:fs";
import { parseFlags } from "./cli-flags.js";
import { fileURLToPath } from "node:url";
import { packageVersion } from "./cache/version.js";
import { parseFlags as parseFlags2 } from "./cli-flags.js";
var USAGE = `Usage: npm run pipeline -- [options]     (in this project)
       npx daily-papers-feeds [options]  (with the package installed)

Turns the markdown digests of the input folder into papers.json, authors.json, a search index,
feeds and a search page, published atomically to the output folder.

Options:
  --config FILE     config file (default: pipeline.config.ts, optional)
  --input DIR       input folder (overrides the config's "input")
  --output DIR      output folder (overrides the config's "output")
  --site-url URL    where the output is served from (overrides "site.url" and PIPELINE_SITE_URL)
  --strict          treat warnings as fatal (exit 1, nothing published)
  --quiet           print only diagnostics and errors
  --json            print only the run report (JSON) on stdout
  --no-cache        ignore the incremental cache (a cold run; the cache is not written)
  --allow-empty     publish even when no paper was found
  --help            show this help
  --version         show the version

Environment: PIPELINE_SITE_URL (as --site-url); under GITHUB_ACTIONS=true diagnostics become
workflow annotations and a summary is appended to $GITHUB_STEP_SUMMARY.

Exit codes: 0 success (warnings allowed), 1 fatal diagnostics / warnings under --strict /
no papers / another run active (output/ unchanged), 2 usage or config error.
`;
async function main(io) {
  const parsed = parseFlags(io.argv, io.env);
  if ("error" in parsed) {
    io.stderr.write(`pipeline: ${parsed.error} (see --help)
`);
    return 2;
  }
  const { flags } = parsed;
  if (flags.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (flags.version) {
    io.stdout.write(`${packageVersion()}
`);
    return 0;
  }
  const [{ ConfigError, loadConfig }, { printOutcome }, { detectMode, envColumns, RunLogger }, { LockError }, { runPipeline }] = await Promise.all([
    import("./config/load.js"),
    import("./report/outcome.js"),
    import("./report/logger.js"),
    import("./publish/publish.js"),
    import("./run.js")
  ]);
  const mode = detectMode({ json: flags.json, quiet: flags.quiet, env: io.env, stdout: io.stdout });
  const logger = new RunLogger(mode, io.stdout, io.stderr, envColumns(io.env));
  let config;
  try {
    config = await loadConfig({ config: flags.config, input: flags.input, output: flags.output, siteUrl: flags.siteUrl, cwd: io.cwd });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`pipeline: ${error.message}
`);
      return 2;
    }
    throw error;
  }
  try {
    const result = await runPipeline({
      config,
      strict: flags.strict,
      noCache: flags.noCache,
      allowEmpty: flags.allowEmpty,
      logger
    });
    if (result.published && !flags.noCache) {
      const { recordRerun } = await import("./cache/rerun.js");
      await recordRerun({ flags, cwd: io.cwd, config, report: result.report }).catch(() => void 0);
    }
    await printOutcome({ report: result.report, published: result.published, config }, io, logger);
    return result.exitCode;
  } catch (error) {
    if (error instanceof LockError) {
      io.stderr.write(`pipeline: ${error.message}
`);
      return 1;
    }
    io.stderr.write(`pipeline: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    return 1;
  }
}
function start() {
  main({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`pipeline: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
      process.exitCode = 1;
    }
  );
}
function isEntry() {
  try {
    return process.argv[1] !== void 0 && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (isEntry()) start();
export {
  USAGE,
  main,
  parseFlags2 as parseFlags,
  start
};
//# sourceMappingURL=cli.js.map
