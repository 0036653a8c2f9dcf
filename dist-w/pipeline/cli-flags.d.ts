export interface CliIO {
    argv: string[];
    env: NodeJS.ProcessEnv;
    cwd: string;
    stdout: {
        write(s: string): unknown;
        isTTY?: boolean;
        columns?: number;
    };
    stderr: {
        write(s: string): unknown;
        isTTY?: boolean;
    };
}
/** What the flags (and the environment variables standing for flags) ask for. */
export interface CliFlags {
    config?: string | undefined;
    input?: string | undefined;
    output?: string | undefined;
    /** The site URL and where it came from (`--site-url` or `PIPELINE_SITE_URL`). */
    siteUrl?: {
        url: string;
        from: string;
    } | undefined;
    strict: boolean;
    quiet: boolean;
    json: boolean;
    noCache: boolean;
    allowEmpty: boolean;
    help: boolean;
    version: boolean;
}
/**
 * Parses `argv` (and PIPELINE_SITE_URL from `env`; the flag wins, an empty variable counts as
 * unset). Returns the flags, or the one-line reason of a usage error (exit 2).
 */
export declare function parseFlags(argv: string[], env: NodeJS.ProcessEnv): {
    flags: CliFlags;
} | {
    error: string;
};
//# sourceMappingURL=cli-flags.d.ts.map