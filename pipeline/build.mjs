// @ts-check
/**
 * Compiles the TypeScript of src/ and pipeline/ to JavaScript in dist/ (same tree: dist/src/…,
 * dist/pipeline/…), so that the CLI, the parse workers and the package's exports run under plain
 * `node` (20, 22, 24) without a TypeScript loader. Plain JavaScript itself: it must run before
 * dist/ exists.
 *
 * - esbuild transpiles each source file on its own (about 0.1 s for the whole tree); relative
 *   `.ts` imports become `.js`. Type declarations come from `tsc -p pipeline/tsconfig.build.json`
 *   (`npm run build`; about 5 s, only needed for the package's `types`).
 * - dist/build-stamp.json records the size and modification time of every input (the sources,
 *   tsconfig.json, this file), so `staleSources` tells in a few milliseconds whether dist/ is
 *   out of date; `ensureBuilt` rebuilds only then. Sources that disappeared lose their outputs.
 *
 *   node pipeline/build.mjs             compile (always)
 *   node pipeline/build.mjs --if-stale  compile only when a source changed since the last build
 *
 * Exit codes: 0 built or up to date, 1 a source does not compile (esbuild's messages, with
 * file:line:column, on stderr).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root (the folder above pipeline/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The compiled tree, relative to the root. */
export const DIST = 'dist';
/** The folders whose `.ts` files are compiled (tests are not). */
const SOURCE_DIRS = ['src', 'pipeline'];
/** Files that change the output without being compiled themselves. */
const BUILD_INPUTS = ['tsconfig.json', 'pipeline/build.mjs'];
const STAMP = 'build-stamp.json';
/**
 * The no-change rerun (pipeline/cache/rerun.ts) as one module with its dependencies bundled in:
 * pipeline/launch.mjs imports it before anything else, and one file loads faster than the two
 * dozen it is made of. Its dynamic imports (pipeline/report/github.ts, loaded only under GitHub
 * Actions) stay imports of the compiled files beside it.
 */
export const RERUN_BUNDLE = 'dist/pipeline/cache/rerun.bundle.js';
const RERUN_ENTRY = 'pipeline/cache/rerun.ts';
/**
 * The CLI and the worker threads' entries, bundled with every dependency (esbuild excepted: it
 * ships a binary) into ES modules under dist/bundle/, split where the code imports lazily: the
 * CLI's entry holds its flags and `--version`, and a run loads a few chunks instead of about 150
 * files (0.07 s against 0.20 s for the CLI and its steps, measured on this project's two-core
 * machine). pipeline/launch.mjs runs the CLI's; pipeline/threads.ts boots the workers'.
 */
export const APP_BUNDLES = ['pipeline/cli.ts', 'pipeline/feeds/worker.ts', 'pipeline/parse/worker.ts'];
/** The folder of the APP_BUNDLES modules, relative to the root. */
const BUNDLE_DIR = path.posix.join(DIST, 'bundle');
/** The bundled module of an APP_BUNDLES entry, relative to the root. */
export const bundleOf = (/** @type {string} */ entry) => path.posix.join(BUNDLE_DIR, entry.replace(/\.ts$/, '.js'));
/** What every build here shares: ES modules for Node 20, linked source maps, esbuild's own output silent. */
const NODE_ESM = /** @type {const} */ ({ format: 'esm', platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'silent' });

/**
 * CommonJS packages bundled into an ES module call require() for Node's built-ins and may read
 * __filename (write-file-atomic seeds its temporary names with it): both as in CommonJS.
 */
const COMMONJS_BANNER = [
  "import { createRequire as __bundleRequire } from 'node:module';",
  "import { fileURLToPath as __bundlePath } from 'node:url';",
  'const require = __bundleRequire(import.meta.url);',
  'const __filename = __bundlePath(import.meta.url);',
].join(' ');

/**
 * The `.ts` files under `dir` (relative to `root`, `/`-separated, sorted), declarations excluded.
 * @param {string} root
 * @param {string} dir
 * @returns {string[]}
 */
function tsFiles(root, dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Every input of the build with its "size:mtimeMs" signature.
 * @param {string} root
 * @returns {{ sources: string[], signatures: Record<string, string> }}
 */
function inputState(root) {
  const sources = SOURCE_DIRS.flatMap((dir) => tsFiles(root, dir));
  /** @type {Record<string, string>} */
  const signatures = {};
  for (const file of [...sources, ...BUILD_INPUTS]) {
    const info = statSync(path.join(root, file));
    signatures[file] = `${info.size}:${info.mtimeMs}`;
  }
  return { sources, signatures };
}

/**
 * The signatures recorded by the last build, or null when there was none (or it is unreadable).
 * @param {string} root
 * @returns {Record<string, string> | null}
 */
function readStamp(root) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(root, DIST, STAMP), 'utf8'));
    return stamp && typeof stamp.signatures === 'object' ? stamp.signatures : null;
  } catch {
    return null;
  }
}

/**
 * The inputs that differ from the last build (changed, added or removed; paths relative to the
 * root), `['(no build)']` when dist/ was never built, `[]` when dist/ is up to date.
 * @param {string} [root]
 * @returns {string[]}
 */
export function staleSources(root = ROOT) {
  const built = readStamp(root);
  if (!built) return ['(no build)'];
  const { signatures } = inputState(root);
  const changed = Object.keys(signatures).filter((file) => built[file] !== signatures[file]);
  for (const file of Object.keys(built)) if (!(file in signatures)) changed.push(file);
  return changed;
}

/**
 * Relative `.ts` imports point at the compiled `.js`; every import stays an import (nothing is
 * bundled: one output file per source file).
 * @type {import('esbuild').Plugin}
 */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const relative = args.path.startsWith('./') || args.path.startsWith('../');
      return { path: relative ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
    });
  },
};

/**
 * Dynamic imports of relative sources stay imports, of the compiled file, relative to the bundle
 * `outfile` (absolute); everything else is bundled.
 * @param {string} root
 * @param {string} outfile
 * @returns {import('esbuild').Plugin}
 */
function lazyImportsApart(root, outfile) {
  return {
    name: 'lazy-imports-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const compiled = path.join(root, DIST, path.relative(root, path.resolve(args.resolveDir, args.path))).replace(/\.ts$/, '.js');
        const rel = path.relative(path.dirname(outfile), compiled).split(path.sep).join('/');
        return { path: rel.startsWith('.') ? rel : `./${rel}`, external: true };
      });
    },
  };
}

/**
 * Compiles every source to dist/ (JavaScript only), bundles the no-change rerun (RERUN_BUNDLE,
 * when the tree has its entry) and APP_BUNDLES, removes the outputs of sources that no longer
 * exist and writes the stamp. Throws esbuild's error (its message lists each problem with
 * file:line:column) when a source does not compile; the stamp is then left as it was.
 * @param {string} [root]
 * @returns {Promise<{ files: number, ms: number }>}
 */
export async function buildJs(root = ROOT) {
  const started = performance.now();
  const { build } = await import('esbuild');
  const previous = readStamp(root) ?? {};
  const { sources, signatures } = inputState(root);
  await build({
    absWorkingDir: root,
    entryPoints: sources,
    outdir: DIST,
    outbase: '.',
    bundle: true, // with every import external (keepImports): one file per source, imports rewritten
    plugins: [keepImports],
    ...NODE_ESM,
  });
  const outfile = path.join(root, RERUN_BUNDLE);
  if (existsSync(path.join(root, RERUN_ENTRY))) await build({
    absWorkingDir: root,
    entryPoints: [RERUN_ENTRY],
    outfile,
    bundle: true,
    plugins: [lazyImportsApart(root, outfile)],
    banner: { js: COMMONJS_BANNER },
    ...NODE_ESM,
  });
  const entries = APP_BUNDLES.filter((entry) => existsSync(path.join(root, entry)));
  rmSync(path.join(root, BUNDLE_DIR), { recursive: true, force: true }); // chunks are named by their hash
  if (entries.length > 0) await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: path.join(root, BUNDLE_DIR),
    outbase: '.',
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    external: ['esbuild'],
    banner: { js: COMMONJS_BANNER },
    ...NODE_ESM,
  });
  for (const file of Object.keys(previous)) {
    if (file in signatures || !file.endsWith('.ts')) continue;
    const stem = path.join(root, DIST, file.slice(0, -'.ts'.length));
    for (const ext of ['.js', '.js.map', '.d.ts', '.d.ts.map']) rmSync(`${stem}${ext}`, { force: true });
  }
  const stamp = path.join(root, DIST, STAMP);
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(`${stamp}.tmp`, `${JSON.stringify({ signatures }, null, 1)}\n`);
  renameSync(`${stamp}.tmp`, stamp);
  return { files: sources.length, ms: performance.now() - started };
}

/**
 * Rebuilds dist/ when it is stale (see `staleSources`) and says so through `note` (one line:
 * why, and how long it took). Returns true when it rebuilt.
 * @param {{ root?: string, note?: (line: string) => void }} [options]
 * @returns {Promise<boolean>}
 */
export async function ensureBuilt({ root = ROOT, note = () => {} } = {}) {
  const stale = staleSources(root);
  if (stale.length === 0) return false;
  const { files, ms } = await buildJs(root);
  const why = stale[0] === '(no build)' ? 'no build yet' : `${stale.length} changed: ${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}`;
  note(`compiled ${files} files to ${DIST}/ in ${Math.round(ms)} ms (${why})`);
  return true;
}

/**
 * `ensureBuilt` for a launcher (pipeline/launch.mjs, pipeline/command.mjs): its note on stderr
 * as `<label>: …` (none when `quiet`); a source that does not compile is reported with esbuild's
 * messages and exits the process with code 1, so that a stale build never runs.
 * @param {string} label
 * @param {{ quiet?: boolean }} [options]
 * @returns {Promise<void>}
 */
export async function ensureBuiltOrExit(label, { quiet = false } = {}) {
  try {
    await ensureBuilt({ note: (line) => quiet || process.stderr.write(`${label}: ${line}\n`) });
  } catch (error) {
    process.stderr.write(`${label}: cannot compile the pipeline:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/**
 * The command line (see the module comment).
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
async function cli(argv) {
  try {
    if (argv.includes('--if-stale')) await ensureBuilt({ note: (line) => process.stderr.write(`${line}\n`) });
    else {
      const { files, ms } = await buildJs();
      process.stderr.write(`compiled ${files} files to ${DIST}/ in ${Math.round(ms)} ms\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = await cli(process.argv.slice(2));
}
