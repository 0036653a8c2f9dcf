/** The pipeline command's flags: values, usage errors, and relative paths from the folder the command was typed in. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlags, shellFolder } from '../../pipeline/cli-flags.ts';

const flags = (argv: string[], env: NodeJS.ProcessEnv = {}, cwd = '/p') => {
  const parsed = parseFlags(argv, env, cwd);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.flags;
};

/** The environment `npm run` gives a script of the package in /p, typed in `typedIn`. */
const npmRun = (typedIn: string): NodeJS.ProcessEnv => ({ INIT_CWD: typedIn, npm_package_json: '/p/package.json', npm_lifecycle_event: 'pipeline' });

describe('parseFlags', () => {
  it('reads the flags, PIPELINE_SITE_URL (the flag wins), and one-line usage errors', () => {
    expect(flags(['--strict', '--json', '--no-cache'])).toMatchObject({ strict: true, json: true, noCache: true, quiet: false, allowEmpty: false });
    expect(flags([], { PIPELINE_SITE_URL: 'https://a.example/' }).siteUrl).toEqual({ url: 'https://a.example/', from: 'PIPELINE_SITE_URL' });
    expect(flags(['--site-url', 'https://b.example/'], { PIPELINE_SITE_URL: 'https://a.example/' }).siteUrl).toEqual({ url: 'https://b.example/', from: '--site-url' });
    expect(parseFlags(['--config', ''], {}, '/p')).toEqual({ error: '--config needs a value' });
    expect(parseFlags(['--nope'], {}, '/p')).toHaveProperty('error');
  });

  it('keeps relative paths as typed when the command was typed in the working directory', () => {
    expect(flags(['--config', 'c.ts', '--input', 'in', '--output', '../out'])).toMatchObject({ config: 'c.ts', input: 'in', output: '../out' });
    expect(flags(['--config', 'c.ts'], npmRun('/p')).config).toBe('c.ts');
  });

  it('under npm run from a subfolder, resolves relative paths from that subfolder; absolute ones stay', () => {
    const got = flags(['--config', '../pipeline.config.ts', '--input', 'digests', '--output', '/tmp/out'], npmRun('/p/sub'));
    expect(got).toMatchObject({ config: '/p/pipeline.config.ts', input: '/p/sub/digests', output: '/tmp/out' });
  });
});

describe('shellFolder', () => {
  it('is INIT_CWD only when npm runs this package\'s script (npm moved to the package folder), else the working directory', () => {
    expect(shellFolder(npmRun('/p/sub'), '/p')).toBe('/p/sub');
    expect(shellFolder({}, '/p')).toBe('/p');
    // A process started elsewhere by an npm script (a test spawning the CLI in a project of its own).
    expect(shellFolder(npmRun('/p/sub'), '/tmp/project')).toBe('/tmp/project');
    expect(shellFolder({ INIT_CWD: '/p/sub' }, '/p')).toBe('/p');
    expect(shellFolder({ ...npmRun('/p/sub/'), npm_package_json: '/p/./package.json' }, '/p/')).toBe(path.resolve('/p/sub'));
  });
});
