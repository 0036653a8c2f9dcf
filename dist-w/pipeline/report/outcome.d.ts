import type { Config } from '../../src/config.ts';
import type { RunLogger } from './logger.ts';
import type { RunReport } from './report.ts';
export interface Outcome {
    report: RunReport;
    published: boolean;
    /** The input folder (annotation paths) and the site and feeds (the job summary). */
    config: Pick<Config, 'site' | 'feeds'> & {
        inputDir: string;
    };
}
/**
 * A file as the diagnostics show it, so that the path opens from the shell the command was typed
 * in (`from`: npm's `INIT_CWD` under `npm run`, which moves to the project folder, else the
 * working directory): relative to it (`input/2025/01/16.md`, `01/16.md` from `input/2025`,
 * `../archive/…`), or absolute when that climbs two folders or more.
 */
export declare function shownPath(file: string, from: string): string;
/** True when the process runs in a GitHub Actions job (`GITHUB_ACTIONS=true`). */
export declare function inGitHubActions(env: NodeJS.ProcessEnv): boolean;
/**
 * Prints the outcome of a run through `logger` (its mode: tty, plain, quiet or json) and
 * `stdout`; the diagnostics' paths start from where the command was typed (`shownPath`). Under
 * GitHub Actions (`env`) the diagnostics become annotations on stdout (not under
 * --json) and the job summary is appended to `$GITHUB_STEP_SUMMARY` (a failure to write it is a
 * warning). Returns when everything is written.
 */
export declare function printOutcome(outcome: Outcome, io: {
    env: NodeJS.ProcessEnv;
    cwd: string;
    stdout: {
        write(s: string): unknown;
    };
}, logger: RunLogger): Promise<void>;
//# sourceMappingURL=outcome.d.ts.map