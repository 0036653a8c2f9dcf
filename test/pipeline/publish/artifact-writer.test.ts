/** The artifact writer: hashes and records, parts, duplicates and failed writes as fatal diagnostics, commit and abort. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStepContext, PIPELINE_FILE } from '../../../pipeline/context.ts';
import { loadConfig } from '../../../pipeline/config/load.ts';
import { ArtifactWriter } from '../../../pipeline/publish/artifact-writer.ts';
import { RunLogger } from '../../../pipeline/report/logger.ts';
import { treeHashes, useProjects, writeFiles, type Project } from '../../helpers/ops.ts';

const project = useProjects();
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function writerFor(p: Project) {
  const { ctx, files } = createStepContext({ config: await loadConfig({ cwd: p.dir }), logger: new RunLogger('quiet') });
  return { writer: new ArtifactWriter(p.output, 4, ctx.fail), files };
}

describe('ArtifactWriter', () => {
  it('records every artifact by path, writes parts in order, and publishes on commit', async () => {
    const p = await project({});
    const { writer, files } = await writerFor(p);
    writer.emit([{ path: 'b.json', data: '{}\n' }]);
    writer.emit([{ path: 'a/parts.json', data: [Buffer.from('{"x":'), Buffer.from('1}\n')] }]);
    expect(await writer.flush()).toEqual([
      { path: 'a/parts.json', sha256: sha('{"x":1}\n'), size: 8 },
      { path: 'b.json', sha256: sha('{}\n'), size: 3 },
    ]);
    await writer.commit('{"report":true}\n');
    expect(Object.keys(await treeHashes(p.output))).toEqual(['a/parts.json', 'b.json', 'report.json']);
    expect(await readFile(path.join(p.output, 'a/parts.json'), 'utf8')).toBe('{"x":1}\n');
    expect(files.size).toBe(0);
    await writer.abort(); // after a commit: nothing to do
    expect(await readdir(p.output)).toContain('report.json');
  });

  it('reports a path written twice (or report.json) as fatal, and aborts leaving the output untouched', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'a.json': 'previous\n' });
    const { writer, files } = await writerFor(p);
    writer.emit([{ path: 'a.json', data: 'next\n' }, { path: 'a.json', data: 'again\n' }, { path: 'report.json', data: '{}' }]);
    expect((await writer.flush()).map((r) => r.path)).toEqual(['a.json']);
    const messages = files.get(PIPELINE_FILE)!.messages;
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['duplicate-artifact', true], ['duplicate-artifact', true]]);
    await writer.abort();
    expect(await readFile(path.join(p.output, 'a.json'), 'utf8')).toBe('previous\n');
    expect((await readdir(p.dir)).filter((n) => n.startsWith('.output.'))).toEqual([]);
  });

  it('reports a failed write as fatal when flushed', async () => {
    const p = await project({});
    const { writer, files } = await writerFor(p);
    writer.emit([{ path: 'dir', data: 'a file' }, { path: 'dir/inside.json', data: '{}' }]);
    await writer.flush();
    expect(files.get(PIPELINE_FILE)!.messages).toMatchObject([{ ruleId: 'write-failed', fatal: true, source: 'pipeline:publish' }]);
    await writer.abort();
  });
});
