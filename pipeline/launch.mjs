// @ts-check
/**
 * `npm run pipeline`: runs the compiled CLI (dist/bundle/pipeline/cli.js, bundled with its
 * dependencies: pipeline/build.mjs `APP_BUNDLES`) with plain `node`, after making
 * sure dist/ is not stale. The check stats the sources (a few milliseconds); only when one changed
 * since the last build are they recompiled (esbuild, about 0.1 s, pipeline/build.mjs), with a
 * one-line note on stderr (not under --quiet or --json). A source that does not compile exits 1
 * with esbuild's messages; a stale build never runs.
 *
 * Before the CLI, the no-change rerun (dist/pipeline/cache/rerun.js, one small bundle) gets its
 * chance: when nothing changed since the last published run of the same command it reports that
 * run again without loading the config or the pipeline; otherwise (or on any doubt) the CLI runs.
 */
import { bundleOf, ensureBuiltOrExit, RERUN_BUNDLE } from './build.mjs';

const argv = process.argv.slice(2);
await ensureBuiltOrExit('pipeline', { quiet: argv.includes('--quiet') || argv.includes('--json') });
const io = { argv, env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
/** @type {number | null} */
let code = null;
// --help, --version and --no-cache are the CLI's alone.
if (!argv.some((a) => /^-(-help|-version|-no-cache|[a-z]*[hv][a-z]*)$/.test(a))) {
  /** @type {{ tryRerun(io: object): Promise<number | null> } | null} */
  const rerun = await import(new URL(`../${RERUN_BUNDLE}`, import.meta.url).href).catch(() => null);
  try {
    code = rerun && (await rerun.tryRerun(io));
  } catch (error) {
    // Thrown only while printing, after report.json was written: the CLI would fail the same way.
    process.stderr.write(`pipeline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  }
}
if (code === null) {
  /** @type {{ start(): void }} */
  const cli = await import(new URL(`../${bundleOf('pipeline/cli.ts')}`, import.meta.url).href);
  cli.start();
} else process.exitCode = code;
