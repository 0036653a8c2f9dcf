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
 * `allowPositionals`), or `{ error }` with parseArgs' message.
 */
export declare function readFlags<const O extends Options, const P extends boolean = false>(argv: string[], options: O, allowPositionals?: P): ReturnType<typeof parseArgs<{
    args: string[];
    options: O;
    allowPositionals: P;
    strict: true;
}>> | {
    error: string;
};
export {};
//# sourceMappingURL=flags.d.ts.map