/**
 * Flags of the bench and eval commands (`npm run bench`, `bench:page`, `bench:search`,
 * `eval:search`), read one way: `--help` (or `-h`) prints the command's usage and exits 0; an
 * unknown flag or a flag without its value is one line, `<command>: <reason> (see --help)`, on
 * stderr and exit 2 (no stack trace), as the project's other commands do.
 */
import type { ParseArgsConfig } from 'node:util';
import { readFlags } from '../../pipeline/commands/flags.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values of `options` read from `argv` (this process's arguments by default). */
export function commandFlags<const O extends Options>(command: string, usage: string, options: O, argv = process.argv.slice(2)) {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    process.exit(0);
  }
  const read = readFlags(argv, options);
  if ('error' in read) {
    process.stderr.write(`${command}: ${read.error} (see --help)\n`);
    process.exit(2);
  }
  return read.values;
}
