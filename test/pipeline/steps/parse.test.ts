/**
 * The parse step's workers when esbuild cannot bundle them: they boot through tsx instead and
 * give the same result. (The bundled path is what test/pipeline/cache/cache.test.ts exercises.)
 */
import { describe, expect, it, vi } from 'vitest';
import { discoverStep } from '../../../pipeline/steps/discover.ts';
import { parseStep } from '../../../pipeline/steps/parse.ts';
import { digest, digestWithWarning, fileMessages, stepContext, useProjects } from '../../helpers/ops.ts';

const build = vi.hoisted(() => vi.fn(() => Promise.reject(new Error('no esbuild binary for this platform'))));
vi.mock('esbuild', () => ({ build }));

const project = useProjects();

describe('parse workers without a bundle', () => {
  it('boot through tsx and parse exactly as the main thread does', async () => {
    const p = await project({
      '2025/04/01.md': digest('2025-04-01', 3, 1),
      '2025/04/02.md': digestWithWarning('2025-04-02', 2),
      '2025/04/03.md': digest('2025-04-03', 2, 3),
    });
    const main = await stepContext(p);
    const found = await discoverStep(main.ctx);
    const onMain = await parseStep(main.ctx, found, { workers: 0 });

    const threaded = await stepContext(p);
    const stats = {};
    const inWorkers = await parseStep(threaded.ctx, found, { workers: 2, stats });
    expect(build).toHaveBeenCalledTimes(1);
    expect(stats).toMatchObject({ workers: 2, parsed: 3 });
    expect(inWorkers).toEqual(onMain);
    expect(fileMessages(threaded.files)).toEqual(fileMessages(main.files));
  }, 60_000);
});
