/**
 * Vitest global setup: compiles dist/ when a source changed since the last build
 * (pipeline/build.mjs), so that the suites that use the package's exports or spawn the compiled
 * CLI never test a stale build.
 */
import { ensureBuilt } from '../../pipeline/build.mjs';

export default async function setup(): Promise<void> {
  await ensureBuilt({ note: (line) => console.log(`build: ${line}`) });
}
