/**
 * What a step hands over for publishing: a file relative to the output folder and its bytes.
 * A pipeline concept (the pure library in src/ never writes files).
 */

/** A file a step wants published; `data` is text (written as UTF-8) or bytes. */
export interface Artifact {
  path: string;
  data: string | Uint8Array;
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
