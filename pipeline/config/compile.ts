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
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message, Metafile, Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../package-root.ts';

/** Thrown when the config does not compile; `message` lists each problem as file:line:column: text. */
export class ConfigCompileError extends Error {
  override name = 'ConfigCompileError';
}

/** Bumped when the compiled form (or its header) changes, so that older cached modules are not used. */
const FORMAT = 4;

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

/**
 * `import.meta.url`, `import.meta.dirname` and `import.meta.filename` in the config's own files
 * name those files, as they would run uncompiled, not the compiled module in `.cache/config/`: a
 * config that builds a path from its own folder (`import.meta.dirname + '/out'`) gets that folder.
 * Each file that names `import.meta` is transformed on its own with esbuild's `define` (which
 * replaces the expressions, not text in strings or comments) before it is bundled.
 */
const ownImportMeta: Plugin = {
  name: 'own-import-meta',
  setup(build) {
    const own = path.join(PACKAGE_ROOT, 'src') + path.sep;
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.namespace !== 'file' || args.path.startsWith(own) || args.path.split(path.sep).includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const { transform } = await import('esbuild');
      const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
      const result = await transform(source, {
        loader,
        format: 'esm',
        sourcefile: args.path,
        define: {
          'import.meta.url': JSON.stringify(pathToFileURL(args.path).href),
          'import.meta.dirname': JSON.stringify(path.dirname(args.path)),
          'import.meta.filename': JSON.stringify(args.path),
        },
      });
      return { contents: result.code, loader: 'js' };
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
  /** True when the config's value follows from its files alone (`readsOnlyItsFiles`). */
  static: boolean;
}

/**
 * Names whose use makes a config's value depend on more than its own files: the environment,
 * the clock, randomness, the file system or the network (reached through `process`, `Date`,
 * `fetch`, `require`, dynamic `import()` ...). A conservative text test: a comment naming one
 * is enough.
 */
const DYNAMIC = /\b(?:process|Date|Math\.random|crypto|fetch|require|import\s*\(|import\.meta|globalThis|global|eval|Function|Intl|performance|navigator|Deno|Bun)\b/;

/**
 * True when the value of the config compiled from `inputs` (esbuild's metafile) follows from
 * the text of its files alone: none of the config's own files (this package's sources, where
 * `defineConfig` comes from, aside) imports a package or a Node.js module or names anything in
 * `DYNAMIC`. Only then may a run reuse the values of an earlier load of the same files
 * (pipeline/cache/rerun-record.ts); any other config is loaded on every run.
 */
function readsOnlyItsFiles(inputs: Metafile['inputs'], dir: string): boolean {
  const own = path.join(PACKAGE_ROOT, 'src') + path.sep;
  for (const [file, input] of Object.entries(inputs)) {
    const abs = path.resolve(dir, file);
    if (abs.startsWith(own)) continue;
    if (input.imports.some((i) => i.external)) return false;
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      return false;
    }
    if (DYNAMIC.test(text)) return false;
  }
  return true;
}

/**
 * What the cached compiled module of the config `file` (absolute) was compiled from: the
 * "size:mtimeMs" of each of its files (absolute paths) and whether its value follows from them
 * alone (`static`). Null for a config that is not TypeScript or has no readable cached module.
 */
export async function configSources(file: string): Promise<{ inputs: Record<string, string>; static: boolean } | null> {
  if (!/\.[cm]?ts$/.test(file)) return null;
  try {
    const text = await readFile(compiledConfigPath(file), 'utf8');
    const header = JSON.parse(text.slice(3, text.indexOf('\n'))) as CacheHeader;
    if (header.format !== FORMAT || header.config !== file || typeof header.inputs !== 'object') return null;
    return { inputs: header.inputs, static: header.static === true };
  } catch {
    return null;
  }
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
async function compile(file: string): Promise<{ code: string; inputs: string[]; static: boolean }> {
  const { build } = await import('esbuild');
  const dir = path.dirname(file);
  try {
    const result = await build({
      entryPoints: [file],
      absWorkingDir: dir,
      bundle: true,
      plugins: [packagesByUrl, ownImportMeta],
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const meta = (result.metafile as Metafile).inputs;
    const inputs = Object.keys(meta).map((f) => path.resolve(dir, f));
    return { code: result.outputFiles[0]!.text, inputs, static: readsOnlyItsFiles(meta, dir) };
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
  const compiled = await compile(file);
  const header: CacheHeader = { format: FORMAT, config: file, inputs: (await signatures(compiled.inputs)) ?? {}, static: compiled.static };
  const text = `// ${JSON.stringify(header)}\n${compiled.code}`;
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
