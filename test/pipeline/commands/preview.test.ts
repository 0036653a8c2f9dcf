/** `npm run preview`: --help, usage errors, which folder it serves, a port in use. */
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, USAGE } from '../../../pipeline/commands/preview.ts';
import { Capture, useProjects } from '../../helpers/ops.ts';

const project = useProjects();

async function preview(argv: string[], cwd: string) {
  const stdout = new Capture();
  const stderr = new Capture();
  const result = await main(argv, { cwd, stdout, stderr });
  return { ...result, stdout: stdout.text, stderr: stderr.text };
}

/** Starts the preview, fetches `file` from it, stops it; returns the body. */
async function fetchFrom(argv: string[], cwd: string, file: string): Promise<{ body: string; stdout: string }> {
  const result = await preview([...argv, '--port', '0'], cwd);
  expect(result.code, result.stderr).toBe(0);
  try {
    return { body: await (await fetch(new URL(file, result.preview!.url))).text(), stdout: result.stdout };
  } finally {
    await result.preview!.close();
  }
}

describe('npm run preview', () => {
  it('prints its usage on --help; a wrong flag or value is one line and exit 2', async () => {
    const p = await project({});
    expect(await preview(['--help'], p.dir)).toMatchObject({ code: 0, stdout: USAGE, stderr: '' });
    for (const [argv, reason] of [
      [['--bogus'], /^preview: Unknown option '--bogus'/],
      [['--port', 'eighty'], /--port: expected a port number 0-65535, got "eighty"/],
      [['--host', '0.0.0.0'], /--host: only a loopback host is allowed/],
      [['--dir', 'a', '--output', 'b'], /pass one of them/],
    ] as const) {
      const result = await preview([...argv], p.dir);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(reason);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('serves the config’s output folder, or the one --config, --output or --dir names', async () => {
    const p = await project({}, `export default { output: 'site' };\n`);
    for (const dir of ['site', 'other', 'third']) {
      await mkdir(path.join(p.dir, dir), { recursive: true });
      await writeFile(path.join(p.dir, dir, 'which.txt'), dir);
    }
    await writeFile(path.join(p.dir, 'third.config.ts'), `export default { output: 'third' };\n`);
    expect((await fetchFrom([], p.dir, 'which.txt')).body).toBe('site');
    expect((await fetchFrom(['--output', 'other'], p.dir, 'which.txt')).body).toBe('other');
    expect((await fetchFrom(['--dir', 'other'], p.dir, 'which.txt')).body).toBe('other');
    const viaConfig = await fetchFrom(['--config', 'third.config.ts'], p.dir, 'which.txt');
    expect(viaConfig.body).toBe('third');
    expect(viaConfig.stdout).toMatch(new RegExp(`^Serving ${path.join(p.dir, 'third').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl\\+C to stop\\)\\n$`));
  });

  it('exits 1 with one line when there is nothing to serve or the port is taken; 2 on a config error', async () => {
    const p = await project({});
    const missing = await preview(['--dir', 'nothing'], p.dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nothing does not exist; run `npm run pipeline` first\n$/);
    await mkdir(p.output);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const busy = await preview(['--port', String(port)], p.dir);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toBe(`preview: port ${port} on 127.0.0.1 is in use (another preview?); pass --port N, or --port 0 for a free one\n`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const badConfig = await preview(['--config', 'missing.config.ts'], p.dir);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/--config: file "missing\.config\.ts" not found/);
  });
});
