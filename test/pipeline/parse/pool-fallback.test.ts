/**
 * The parse workers when esbuild cannot bundle them: they boot through tsx instead and give the
 * same result. (The bundled path is what test/pipeline/steps/parse.test.ts exercises; this file
 * mocks esbuild for all of its tests, hence its own file.)
 */
import { describe, expect, it, vi } from 'vitest';
import { digest, digestWithWarning, fileMessages, readAndParse, useProjects } from '../../helpers/ops.ts';

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
    const main = await readAndParse(p, 0);
    const threaded = await readAndParse(p, 2, undefined, { mainThread: false });
    expect(build).toHaveBeenCalledTimes(1);
    expect(threaded.counts).toMatchObject({ workers: 2, parsed: 3, parsedOnMain: 0 });
    expect(threaded.entries).toEqual(main.entries);
    expect(fileMessages(threaded.files)).toEqual(fileMessages(main.files));
  }, 60_000);
});
