/** The date and votes filters shared by the client and the page. */
import { describe, expect, it } from 'vitest';
import { passesFilters } from '../../../src/search/filters.ts';

describe('passesFilters', () => {
  it('keeps dates within from..to, both inclusive', () => {
    expect(passesFilters('2024-03-01', 1, { from: '2024-03-01', to: '2024-03-01' })).toBe(true);
    expect(passesFilters('2024-02-29', 1, { from: '2024-03-01' })).toBe(false);
    expect(passesFilters('2024-03-02', 1, { to: '2024-03-01' })).toBe(false);
  });

  it('counts unknown votes as 0 and an unknown date as before every date', () => {
    expect(passesFilters('2024-03-01', null, { minVotes: 0 })).toBe(true);
    expect(passesFilters('2024-03-01', null, { minVotes: 1 })).toBe(false);
    expect(passesFilters('2024-03-01', 5, { minVotes: 5 })).toBe(true);
    expect(passesFilters(undefined, 5, { from: '2000-01-01' })).toBe(false);
    expect(passesFilters(undefined, 5, { to: '2000-01-01' })).toBe(true);
  });

  it('passes everything without filters, and treats empty dates as no filter', () => {
    expect(passesFilters('', null, {})).toBe(true);
    expect(passesFilters('2024-03-01', 0, { from: '', to: '' })).toBe(true);
  });
});
