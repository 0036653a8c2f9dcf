/**
 * The parse step's workers when esbuild cannot bundle them: they boot through tsx instead and
 * give the same result. (The bundled path is what test/cache.test.ts exercises.)
 */
import { VFile } from 'vfile';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../pipeline/config.ts';
import type { StepContext } from '../pipeline/context.ts';
import { discoverStep } from '../pipeline/discover.ts';
import { serializeMessages } from '../pipeline/diagnostics.ts';
import { RunLogger } from '../pipeline/logger.ts';
import { parseStep } from '../pipeline/parse.ts';
import { digest, digestWithWarning, type Project, useProjects } from './helpers/ops.ts';

const build = vi.hoisted(() => vi.fn(() => Promise.reject(new Error('no esbuild binary for this platform'))));
vi.mock('esbuild', () => ({ build }));

const project = useProjects();

async function context(p: Project): Promise<{ ctx: StepContext; files: Map<string, VFile> }> {
  const config = await loadConfig({ cwd: p.dir });
  const files = new Map<string, VFile>();
  const ctx: StepContext = {
    config,
    logger: new RunLogger('quiet'),
    file: (rel) => files.get(rel) ?? files.set(rel, new VFile({ path: rel })).get(rel)!,
  };
  return { ctx, files };
}

const messages = (files: Map<string, VFile>) =>
  Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, f]) => [k, serializeMessages(f)]));

describe('parse workers without a bundle', () => {
  it('boot through tsx and parse exactly as the main thread does', async () => {
    const p = await project({
      '2025/04/01.md': digest('2025-04-01', 3, 1),
      '2025/04/02.md': digestWithWarning('2025-04-02', 2),
      '2025/04/03.md': digest('2025-04-03', 2, 3),
    });
    const main = await context(p);
    const found = await discoverStep(main.ctx);
    const onMain = await parseStep(main.ctx, found, { workers: 0 });

    const threaded = await context(p);
    const stats = {};
    const inWorkers = await parseStep(threaded.ctx, found, { workers: 2, stats });
    expect(build).toHaveBeenCalledTimes(1);
    expect(stats).toMatchObject({ workers: 2, parsed: 3 });
    expect(inWorkers).toEqual(onMain);
    expect(messages(threaded.files)).toEqual(messages(main.files));
  }, 60_000);
});
