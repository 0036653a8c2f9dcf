import type { FastPath } from '../cache/fast-path.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { InputFile } from './discover.ts';
export interface ReadInput extends InputFile {
    /** The file's bytes; null when it could not be read (a fatal diagnostic was attached) or was not read (unchanged by stat). */
    bytes: Uint8Array | null;
    /** sha256 of the bytes (64 hex); null when the file could not be read. */
    sha256: string | null;
    /** Size in bytes (0 when unreadable). */
    size: number;
}
export interface ReadStepInput {
    files: readonly InputFile[];
    /** The last published run, when there is one to compare with (null: read everything). */
    fastPath: FastPath | null;
}
export interface ReadStepValue {
    /** Every input, in discovery order. */
    inputs: ReadInput[];
    /**
     * Whether the last published run can be reused: 'stat' when every input matched it by size and
     * modification time (nothing was read), 'content' when they matched by content hash, else null.
     */
    reuse: 'stat' | 'content' | null;
}
export declare function readStep(ctx: StepContext, { files, fastPath }: ReadStepInput): Promise<StepResult<ReadStepValue>>;
//# sourceMappingURL=read.d.ts.map