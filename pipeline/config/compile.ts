/**
 * Turns a TypeScript config file (`pipeline.config.ts`, or .mts/.cts) into a module plain Node can
 * import, without a TypeScript loader: esbuild bundles it with its relative imports (e.g.
 * `./parts/site.ts`) into one ES module. `daily-papers-feeds/config` (where `defineConfig` comes
 * from) is this package's own `src/config.ts`, bundled in, wherever the config file lives: a
 * config copied out of the project loads without the package installed next to it. Other package
 * imports (`zod`) stay imports, rewritten to the absolute file URL esbuild resolves from the
 * config's folder, so they load the copy the project installed and the compiled module runs from
 * any folder. A `.js`/`.mjs` config is imported as it is.
 *
 * The compiled module is kept in `.cache/config/<config file name>.mjs` next to the config, with
 * the size and modification time of every file it was compiled from on its first line: a rerun
 * with none of them changed imports it without starting esbuild (which costs about 50 ms of
 * CPU). The cache is best effort: a folder that cannot be written just means compiling each time.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message, Metafile, Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../package-root.ts';

/** Thrown when the config does not compile; `message` lists each problem as file:line:column: text. */
export class ConfigCompileError extends Error {
  override name = 'ConfigCompileError';
}

/** Bumped when the compiled form changes, so that older cached modules are not used. */
const FORMAT = 2;

/** The specifier configs import `defineConfig` from, and the module it names in this package. */
export const SELF_CONFIG = 'daily-papers-feeds/config';
const SELF_CONFIG_SOURCE = path.join(PACKAGE_ROOT, 'src', 'config.ts');

/** The cached module of `file`: `.cache/config/<name>.mjs` in the config's folder. */
export function compiledConfigPath(file: string): string {
  return path.join(path.dirname(file), '.cache', 'config', `${path.basename(file).replace(/\.[cm]?ts$/, '')}.mjs`);
}

/** `file:line:column: text` for an esbuild message (its path resolved against `dir`). */
function formatMessage(message: Message, dir: string): string {
  const where = message.location
    ? `${path.resolve(dir, message.location.file)}:${message.location.line}:${message.location.column + 1}: `
    : '';
  return `${where}${message.text}`;
}

/**
 * `daily-papers-feeds/config` is this package's own source, bundled; other package imports stay
 * imports, pointing at the file esbuild resolved (an absolute file URL).
 */
const packagesByUrl: Plugin = {
  name: 'packages-by-url',
  setup(build) {
    build.onResolve({ filter: /^daily-papers-feeds\/config$/ }, () => ({ path: SELF_CONFIG_SOURCE }));
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'resolving') return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.external || !path.isAbsolute(found.path) ? found.path : pathToFileURL(found.path).href, external: true };
    });
  },
};

/** "size:mtimeMs" of each file (absolute paths), or null when one is gone. */
async function signatures(files: readonly string[]): Promise<Record<string, string> | null> {
  const out: Record<string, string> = {};
  try {
    for (const file of files) {
      const info = await stat(file);
      out[file] = `${info.size}:${info.mtimeMs}`;
    }
  } catch {
    return null;
  }
  return out;
}

/** The first line of a cached module: what it was compiled from. */
interface CacheHeader {
  format: number;
  config: string;
  inputs: Record<string, string>;
}

/** True when the cached module at `cached` was compiled from `file` as it is now. */
async function isFresh(cached: string, file: string): Promise<boolean> {
  let header: CacheHeader;
  try {
    const text = await readFile(cached, 'utf8');
    header = JSON.parse(text.slice(3, text.indexOf('\n'))) as CacheHeader;
  } catch {
    return false;
  }
  if (header.format !== FORMAT || header.config !== file || typeof header.inputs !== 'object') return false;
  const now = await signatures(Object.keys(header.inputs));
  return now !== null && Object.entries(header.inputs).every(([f, sig]) => now[f] === sig);
}

/** Compiles `file` with esbuild: the module's code and the absolute paths of the files it read. */
async function compile(file: string): Promise<{ code: string; inputs: string[] }> {
  const { build } = await import('esbuild');
  const dir = path.dirname(file);
  try {
    const result = await build({
      entryPoints: [file],
      absWorkingDir: dir,
      bundle: true,
      plugins: [packagesByUrl],
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys((result.metafile as Metafile).inputs).map((f) => path.resolve(dir, f));
    return { code: result.outputFiles[0]!.text, inputs };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors?.length) throw error;
    throw new ConfigCompileError(errors.map((m) => formatMessage(m, dir)).join('\n'));
  }
}

/**
 * The URL to `import()` the config `file` (absolute path) from: for TypeScript, the compiled
 * module (cached, see the module comment), the file itself otherwise. The URL carries the
 * file's modification time as a query, so that one process loading an edited config (tests)
 * gets the new one.
 * Throws ConfigCompileError when the TypeScript does not compile or an import cannot be resolved.
 */
export async function configModuleUrl(file: string): Promise<string> {
  if (!/\.[cm]?ts$/.test(file)) return `${pathToFileURL(file).href}?t=${(await stat(file)).mtimeMs}`;
  const cached = compiledConfigPath(file);
  const version = async (): Promise<string> => `${pathToFileURL(cached).href}?t=${(await stat(cached)).mtimeMs}`;
  if (await isFresh(cached, file)) return version();
  const { code, inputs } = await compile(file);
  const header: CacheHeader = { format: FORMAT, config: file, inputs: (await signatures(inputs)) ?? {} };
  const text = `// ${JSON.stringify(header)}\n${code}`;
  try {
    await mkdir(path.dirname(cached), { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, cached);
    return await version();
  } catch {
    return `data:text/javascript;base64,${Buffer.from(text).toString('base64')}`;
  }
}
