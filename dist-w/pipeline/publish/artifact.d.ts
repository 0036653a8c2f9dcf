/**
 * What a step hands over for publishing: a file relative to the output folder and its bytes.
 * A pipeline concept (the pure library in src/ never writes files).
 */
/** A file a step wants published; `data` is text (written as UTF-8) or bytes. */
export interface Artifact {
    path: string;
    data: string | Uint8Array;
    /**
     * The sha256 (hex) and size (bytes) of `data`, when its producer knows them (a cached
     * document whose header records them, a chunk it hashed anyway); it must be true of `data`
     * (it may be a getter, asked again after `data`). The writer then does not hash `data`, and
     * links an unchanged file of the last published output instead of reading `data`, which may
     * be a getter that reads a cache file (pipeline/publish/artifact-writer.ts).
     */
    known?: KnownContent;
}
/** What a producer knows of an artifact's bytes without reading them. */
export interface KnownContent {
    sha256: string;
    size: number;
}
/**
 * An artifact's bytes, possibly in parts: written part by part, in order, and never joined in
 * memory (papers.json at 10x the real corpus is 200 MB).
 */
export type ArtifactData = string | Uint8Array | readonly Uint8Array[];
/** An artifact whose data may come in parts (papers.json, authors.json). */
export interface PartedArtifact {
    path: string;
    data: ArtifactData;
}
//# sourceMappingURL=artifact.d.ts.map