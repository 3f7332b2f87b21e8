import { describe, expect, it } from 'vitest';
import { spread } from '../../scripts/bench/summarise.js';

describe('spread of measured values', () => {
  it('gives nearest-rank median, p95 and max, each a measured value', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(spread(values)).toEqual({ count: 100, median: 50, p95: 95, max: 100 });
  });

  it('is all zeros for no values', () => {
    expect(spread([])).toEqual({ count: 0, median: 0, p95: 0, max: 0 });
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    spread(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
