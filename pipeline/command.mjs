// @ts-check
/**
 * `npm run search` and `npm run preview`: `node pipeline/command.mjs <command> [args]` runs the
 * compiled command (dist/pipeline/commands/<command>.js) with plain `node`, after making sure
 * dist/ is not stale, as pipeline/launch.mjs does for the pipeline: a source that changed is
 * recompiled first (pipeline/build.mjs `ensureBuilt`, with a one-line note on stderr), and a
 * source that does not compile exits 1 with esbuild's messages. An unknown command exits 2.
 */
import { ensureBuiltOrExit } from './build.mjs';

/**
 * The commands, each as it runs its module's `main` (the modules start themselves only when run
 * as a script, which they are not here).
 * @type {Record<string, (module: any, argv: string[]) => Promise<void>>}
 */
const COMMANDS = {
  // A number: the exit code.
  search: async (module, argv) => {
    process.exitCode = module.main(argv);
  },
  // `{ code }`; on success the server keeps the process alive until Ctrl+C.
  preview: async (module, argv) => {
    const { code } = await module.main(argv, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
    if (code !== 0) process.exitCode = code;
  },
};

const [name = '', ...argv] = process.argv.slice(2);
const run = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (!run) {
  process.stderr.write(`command: unknown command ${JSON.stringify(name)} (${Object.keys(COMMANDS).join(', ')})\n`);
  process.exit(2);
}
await ensureBuiltOrExit(name);
try {
  await run(await import(new URL(`../dist/pipeline/commands/${name}.js`, import.meta.url).href), argv);
} catch (error) {
  process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
