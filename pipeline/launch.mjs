// @ts-check
/**
 * `npm run pipeline`: runs the compiled CLI (dist/pipeline/cli.js) with plain `node`, after making
 * sure dist/ is not stale. The check stats the sources (a few milliseconds); only when one changed
 * since the last build are they recompiled (esbuild, about 0.1 s, pipeline/build.mjs), with a
 * one-line note on stderr (not under --quiet or --json). A source that does not compile exits 1
 * with esbuild's messages; a stale build never runs.
 */
import { ensureBuilt } from './build.mjs';

const argv = process.argv.slice(2);
const silent = argv.includes('--quiet') || argv.includes('--json');
try {
  await ensureBuilt({ note: (line) => silent || process.stderr.write(`pipeline: ${line}\n`) });
} catch (error) {
  process.stderr.write(`pipeline: cannot compile the pipeline:\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
/** @type {{ start(): void }} */
const cli = await import('../dist/pipeline/cli.js');
cli.start();
