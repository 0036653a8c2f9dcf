/** The artifact writer: hashes and records, parts, duplicates and failed writes as fatal diagnostics, commit and abort. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, utimes } from 'node:fs/promises';
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

  it('links an artifact whose content the last output holds unchanged, and writes the others', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'same.json': 'same\n', 'moved/old.json': 'moved\n', 'edited.json': 'edited\n', 'known.xml': '<known/>\n', 'touched.xml': '<touched/>\n' });
    const previous = await Promise.all(
      ['same.json', 'moved/old.json', 'edited.json', 'known.xml', 'touched.xml'].map(async (rel) => {
        const bytes = await readFile(path.join(p.output, rel));
        const info = await stat(path.join(p.output, rel));
        return { path: rel, sha256: sha(bytes.toString()), size: bytes.length, mtimeMs: info.mtimeMs };
      }),
    );
    const inode = async (dir: string, rel: string) => (await stat(path.join(dir, rel))).ino;
    const before = { same: await inode(p.output, 'same.json'), moved: await inode(p.output, 'moved/old.json'), known: await inode(p.output, 'known.xml'), touched: await inode(p.output, 'touched.xml') };
    // Changed since that run: same size and content, another modification time.
    await utimes(path.join(p.output, 'edited.json'), new Date(1_000), new Date(1_000));
    await utimes(path.join(p.output, 'touched.xml'), new Date(1_000), new Date(1_000));

    const { writer } = await writerFor(p);
    writer.reuse(previous);
    let read = 0;
    writer.emit([
      { path: 'same.json', data: 'same\n' },
      { path: 'new/place.json', data: 'moved\n' },
      { path: 'edited.json', data: 'edited\n' },
      { path: 'fresh.json', data: 'fresh\n' },
      // Known content: linked without reading its bytes.
      { path: 'known.xml', known: { sha256: sha('<known/>\n'), size: 9 }, get data() { read++; return '<known/>\n'; } },
      // Known content the last output does not hold: read and written.
      { path: 'other.xml', known: { sha256: sha('<other/>\n'), size: 9 }, get data() { read++; return '<other/>\n'; } },
      // Known content the last output held, in a file changed since: read and written.
      { path: 'touched.xml', known: { sha256: sha('<touched/>\n'), size: 11 }, get data() { read++; return '<touched/>\n'; } },
    ]);
    expect(await writer.flush()).toEqual([
      { path: 'edited.json', sha256: sha('edited\n'), size: 7 },
      { path: 'fresh.json', sha256: sha('fresh\n'), size: 6 },
      { path: 'known.xml', sha256: sha('<known/>\n'), size: 9 },
      { path: 'new/place.json', sha256: sha('moved\n'), size: 6 },
      { path: 'other.xml', sha256: sha('<other/>\n'), size: 9 },
      { path: 'same.json', sha256: sha('same\n'), size: 5 },
      { path: 'touched.xml', sha256: sha('<touched/>\n'), size: 11 },
    ]);
    expect([writer.linked, read]).toEqual([3, 2]);
    await (await writer.commit('{}\n')).removed; // the previous folder, renamed away, is gone once this settles
    expect(await inode(p.output, 'same.json')).toBe(before.same);
    expect(await inode(p.output, 'new/place.json')).toBe(before.moved);
    expect(await inode(p.output, 'known.xml')).toBe(before.known);
    expect(await readFile(path.join(p.output, 'new/place.json'), 'utf8')).toBe('moved\n');
    expect(await readFile(path.join(p.output, 'other.xml'), 'utf8')).toBe('<other/>\n');
    expect(await inode(p.output, 'touched.xml')).not.toBe(before.touched);
    expect(await readFile(path.join(p.output, 'touched.xml'), 'utf8')).toBe('<touched/>\n');
    expect(Object.keys(await treeHashes(p.output)).sort()).toEqual(['edited.json', 'fresh.json', 'known.xml', 'new/place.json', 'other.xml', 'report.json', 'same.json', 'touched.xml']);
    expect((await readdir(p.dir)).filter((n) => n.startsWith('.output.'))).toEqual([]);
  });

  it('links by content alone when asked (link), and says when it cannot', async () => {
    const p = await project({});
    await writeFiles(p.output, { 'doc.xml': '<doc/>\n' });
    const info = await stat(path.join(p.output, 'doc.xml'));
    const { writer, files } = await writerFor(p);
    const known = { sha256: sha('<doc/>\n'), size: 7 };
    // Nothing to link from before `reuse`.
    expect(writer.link('doc.xml', known)).toBe(false);
    writer.reuse([{ path: 'doc.xml', ...known, mtimeMs: info.mtimeMs }]);
    expect(writer.link('report.json', known)).toBe(false);
    expect(writer.link('other.xml', { sha256: sha('<other/>\n'), size: 9 })).toBe(false);
    expect(writer.link('copy.xml', known)).toBe(true);
    // Each file of the last output is linked once.
    expect(writer.link('doc.xml', known)).toBe(false);
    writer.emit([{ path: 'doc.xml', data: '<doc/>\n' }]);
    expect(await writer.flush()).toEqual([
      { path: 'copy.xml', ...known },
      { path: 'doc.xml', ...known },
    ]);
    expect(writer.linked).toBe(1);
    // A path already taken is refused, not linked twice.
    expect(writer.link('copy.xml', known)).toBe(false);
    await writer.commit('{}\n');
    expect(await readFile(path.join(p.output, 'copy.xml'), 'utf8')).toBe('<doc/>\n');
    expect([...files.values()].flatMap((f) => f.messages)).toEqual([]);
  });
});
