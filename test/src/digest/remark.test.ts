/** remarkBlocks: remark-parse's top-level blocks, positions from the text's start. */
import { describe, expect, it } from 'vitest';
import { remarkBlocks } from '../../../src/digest/remark.ts';

describe('remarkBlocks', () => {
  it('gives the root children of a CommonMark parse, with positions', () => {
    const blocks = remarkBlocks('### [T](https://arxiv.org/abs/2401.00001)\n\n- **a** _b_\n');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list']);
    expect(blocks[1]!.position!.start).toEqual({ line: 3, column: 1, offset: 43 });
    expect(JSON.stringify(blocks[1])).toContain('"type":"strong"');
    expect(remarkBlocks('')).toEqual([]);
  });
});
