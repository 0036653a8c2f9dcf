/**
 * A command's flags, read one way for every command (pipeline, preview, search, synth):
 * node:util `parseArgs` in strict mode, with a usage error (an unknown flag, a flag without its
 * value) returned as its one-line reason instead of thrown, so each command prints it as
 * `<command>: <reason>` and exits 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `{ values, positionals }` of `argv` read against `options` (positional arguments only when
 * `allowPositionals`), or `{ error }` with parseArgs' message. An unknown flag's message is cut
 * to its first sentence: with positional arguments allowed, Node adds a hint that ends in an
 * unbalanced quote (`as in '-- "--bogus"`).
 */
export function readFlags<const O extends Options, const P extends boolean = false>(
  argv: string[],
  options: O,
  allowPositionals?: P,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: P; strict: true }>> | { error: string } {
  try {
    return parseArgs({ args: argv, options, allowPositionals: (allowPositionals ?? false) as P, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    return { error: code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? message.replace(/\. To specify a positional argument[\s\S]*$/u, '') : message };
  }
}
