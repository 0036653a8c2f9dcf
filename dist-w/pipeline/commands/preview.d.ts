import type { Server } from 'node:http';
export type Encoding = 'br' | 'gzip';
export interface PreviewOptions {
    /** Folder to serve. */
    dir: string;
    /** URL path the folder appears under, with leading and trailing slash (default "/"). */
    base?: string;
    /** 0 picks a free port. */
    port?: number;
    /** Only loopback addresses are accepted. */
    host?: '127.0.0.1' | '::1' | 'localhost';
    /** Encodings offered, best first (default brotli then gzip; [] disables compression). */
    encodings?: Encoding[];
}
export interface TransferStats {
    /** Responses sent and their body bytes as sent (compressed when compressed). */
    requests: number;
    bytes: number;
    /** One line per response: status, bytes sent, path. */
    log: string[];
}
export interface Preview {
    /** The folder's URL, ending with the base path. */
    url: string;
    /** What was sent since the last reset (for the page benchmark). */
    stats: TransferStats;
    resetStats(): void;
    server: Server;
    close(): Promise<void>;
}
export declare function startPreview(options: PreviewOptions): Promise<Preview>;
export declare const USAGE = "Usage: npm run preview -- [options]\n\nServes the output folder on localhost, as GitHub Pages would.\n\nOptions:\n  --dir DIR       folder to serve (default: the config's \"output\", else output/)\n  --output DIR    the same as --dir, named as the pipeline names it\n  --config FILE   config file whose \"output\" to serve (default: pipeline.config.ts, optional)\n  --base PATH     URL path the folder appears under, e.g. /repo/ (default: /)\n  --port N        port (default 4173; 0 picks a free one)\n  --host HOST     127.0.0.1 (default), ::1 or localhost\n  --help          show this help\n\nExit codes: 0 serving until Ctrl+C, 1 nothing to serve or the port is taken, 2 usage or config error.\n";
/** Where the command writes and from where relative paths resolve. */
export interface PreviewIO {
    cwd: string;
    stdout: {
        write(s: string): unknown;
    };
    stderr: {
        write(s: string): unknown;
    };
}
/**
 * Runs the command on `argv`: the exit code, and the running preview when it serves (code 0;
 * the process then stays up until the server is closed). Every problem is one line on stderr.
 */
export declare function main(argv: string[], io: PreviewIO): Promise<{
    code: number;
    preview?: Preview;
}>;
//# sourceMappingURL=preview.d.ts.map