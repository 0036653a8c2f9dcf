/** Paper digests (pipeline/cache/paper-digest.ts): sha256 of the paper's JSON, noted or computed, per object. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { notePaperJson, paperDigest } from '../../../pipeline/cache/paper-digest.ts';
import type { Paper } from '../../../src/types.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('paperDigest', () => {
  it('is sha256 of the JSON noted for the paper, else of its own JSON', () => {
    const noted = { id: '2401.00001', title: 'A' } as unknown as Paper;
    notePaperJson(noted, JSON.stringify(noted));
    expect(paperDigest(noted)).toBe(sha(JSON.stringify(noted)));
    const other = { id: '2401.00002', title: 'B' } as unknown as Paper;
    expect(paperDigest(other)).toBe(sha('{"id":"2401.00002","title":"B"}'));
    // Per object: an equal object has the same digest, another content another one.
    expect(paperDigest({ ...other } as Paper)).toBe(paperDigest(other));
    expect(paperDigest({ ...other, title: 'C' } as Paper)).not.toBe(paperDigest(other));
  });
});
