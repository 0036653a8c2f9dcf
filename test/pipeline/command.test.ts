/**
 * `npm run search` and `npm run preview` through their launcher (pipeline/command.mjs) under plain
 * `node`, without a TypeScript loader: the compiled commands answer over a built project, and an
 * unknown command is a usage error.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useProjects } from '../helpers/ops.ts';

const project = useProjects();
const COMMAND = path.join(ROOT, 'pipeline/command.mjs');
/** Plain node: no loader in the environment (NODE_OPTIONS cleared). */
const ENV = { PATH: process.env.PATH, CI: '1' };

function node(args: string[], cwd: string) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: ENV });
}

describe('the command launcher under plain node', () => {
  it('searches a built project, serves its output, and refuses an unknown command', async () => {
    const p = await project();
    expect(node([path.join(ROOT, 'pipeline/launch.mjs'), '--quiet'], p.dir).status).toBe(0);

    const search = node([COMMAND, 'search', 'Scale', '--json', '--limit', '2'], p.dir);
    expect(search.stderr).toBe('');
    expect(search.status).toBe(0);
    const hits = JSON.parse(search.stdout) as { id: string; title: string }[];
    expect(hits.length).toBe(2);
    for (const hit of hits) expect(hit.title).toContain('Scale');
    expect(node([COMMAND, 'search', '--bogus'], p.dir).status).toBe(2);

    // The server answers until it is stopped.
    const preview = spawn(process.execPath, [COMMAND, 'preview', '--port', '0'], { cwd: p.dir, env: ENV });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        preview.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /at (http:\/\/\S+) /.exec(out);
          if (m) resolve(m[1]!);
        });
        preview.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${out}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    } finally {
      preview.kill();
    }

    const unknown = node([COMMAND, 'nope'], p.dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('command: unknown command "nope" (search, preview)\n');
  }, 60_000);
});
