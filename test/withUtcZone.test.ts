import { describe, expect, it } from 'vitest';
import { withUtcZone } from '../src/withUtcZone.js';

describe('withUtcZone', () => {
  it('reads a zone-less time as UTC', () => {
    expect(withUtcZone('2024-05-01T10:00:00')).toBe('2024-05-01T10:00:00Z');
    expect(Date.parse(withUtcZone('2024-05-01T10:00:00'))).toBe(Date.UTC(2024, 4, 1, 10));
  });

  it('keeps a zone already given: Z, z, ±hh:mm, ±hhmm', () => {
    for (const value of ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00z', '2024-05-01T10:00:00+03:00', '2024-05-01T10:00:00-0430', '2024-05-01T10:00:00.123Z']) {
      expect(withUtcZone(value)).toBe(value);
    }
  });

  it('only counts a zone at the very end (a z inside a malformed value is none)', () => {
    expect(withUtcZone('z2024-05-01T10:00:00')).toBe('z2024-05-01T10:00:00Z');
    expect(withUtcZone('2024-05-01T10:00:00+03:00 x')).toBe('2024-05-01T10:00:00+03:00 xZ');
  });
});
