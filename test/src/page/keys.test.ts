import { describe, expect, it } from 'vitest';
import { arrowTarget } from '../../../src/page/keys.ts';

describe('arrowTarget', () => {
  it('ArrowDown from the search box goes to the first title; ArrowUp there is left to the browser', () => {
    expect(arrowTarget('ArrowDown', 'box', 3)).toBe(0);
    expect(arrowTarget('ArrowUp', 'box', 3)).toBeNull();
  });

  it('moves between titles, staying on the last and going back to the box from the first', () => {
    expect(arrowTarget('ArrowDown', 0, 3)).toBe(1);
    expect(arrowTarget('ArrowDown', 2, 3)).toBe(2);
    expect(arrowTarget('ArrowUp', 2, 3)).toBe(1);
    expect(arrowTarget('ArrowUp', 0, 3)).toBe('box');
  });

  it('does nothing without titles or with the focus elsewhere', () => {
    expect(arrowTarget('ArrowDown', 'box', 0)).toBeNull();
    expect(arrowTarget('ArrowDown', -1, 3)).toBeNull();
  });
});
