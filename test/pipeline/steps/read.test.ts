/** The read step: hashes, unreadable files, and the fast-path check against the last run. */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FastPath } from '../../../pipeline/cache/fast-path.ts';
import { readStep } from '../../../pipeline/steps/read.ts';
import type { ReadInput } from '../../../pipeline/steps/read.ts';
import { digest, stepContext, useProjects } from '../../helpers/ops.ts';

const project = useProjects();

describe('readStep', () => {
  it('reads and hashes every input in order, and counts files and bytes', async () => {
    const text = digest('2025-01-01', 2, 1);
    const p = await project({ '2025/01/01.md': text });
    const { ctx } = await stepContext(p);
    const { value, counts } = await readStep(ctx, { files: [{ path: '2025/01/01.md', abs: path.join(p.input, '2025/01/01.md') }], fastPath: null });
    const size = Buffer.byteLength(text);
    expect(value.reuse).toBeNull();
    expect(value.inputs).toEqual([
      expect.objectContaining({ path: '2025/01/01.md', sha256: createHash('sha256').update(text).digest('hex'), size }),
    ]);
    expect(counts).toEqual({ files: 1, bytes: size });
  });

  it('turns a read error (EISDIR) into a fatal message on that file and goes on', async () => {
    const p = await project({ '2025/01/01.md': digest('2025-01-01', 2, 1) });
    await mkdir(path.join(p.input, '2025/01/02.md'));
    const { ctx, files } = await stepContext(p);
    const { value } = await readStep(ctx, {
      files: [
        { path: '2025/01/01.md', abs: path.join(p.input, '2025/01/01.md') },
        { path: '2025/01/02.md', abs: path.join(p.input, '2025/01/02.md') },
      ],
      fastPath: null,
    });
    expect(value.inputs.map((r) => r.sha256 === null)).toEqual([false, true]);
    const [message] = files.get('2025/01/02.md')!.messages;
    expect(message).toMatchObject({ fatal: true, ruleId: 'unreadable-file', source: 'pipeline:parse', line: 1, column: 1 });
    expect(message!.reason).toMatch(/Cannot read file: it is a folder, not a file \(EISDIR\)/);
  });

  it('reads nothing when the inputs are unchanged by stat and the output is reusable; else reads and checks the content', async () => {
    const p = await project({ '2025/01/01.md': digest('2025-01-01', 2, 1) });
    const { ctx } = await stepContext(p);
    const files = [{ path: '2025/01/01.md', abs: path.join(p.input, '2025/01/01.md') }];
    const byStat: ReadInput[] = [{ ...files[0]!, bytes: null, sha256: 'recorded', size: 1 }];
    const fastPath = (unchanged: ReadInput[] | null, reusable: (read: readonly ReadInput[]) => boolean) =>
      ({ unchangedByStat: () => unchanged, reusable: async (read: readonly ReadInput[]) => reusable(read) }) as unknown as FastPath;

    const reused = await readStep(ctx, { files, fastPath: fastPath(byStat, () => true) });
    expect(reused.value).toEqual({ inputs: byStat, reuse: 'stat' });
    const byContent = await readStep(ctx, { files, fastPath: fastPath(byStat, (read) => read[0]!.bytes !== null) });
    expect(byContent.value.reuse).toBe('content');
    expect(byContent.value.inputs[0]!.bytes).not.toBeNull();
    const changed = await readStep(ctx, { files, fastPath: fastPath(null, () => false) });
    expect(changed.value.reuse).toBeNull();
  });
});
