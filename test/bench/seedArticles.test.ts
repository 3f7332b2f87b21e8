import { describe, expect, it } from 'vitest';
import { SEEDED_DOMAIN_SUFFIX, seededDomain, sourceSizes } from '../../scripts/bench/seedArticles.js';

describe('the scale check seeds', () => {
  it('spreads the articles over the sources by rank (Zipf), every article placed once', () => {
    const sizes = sourceSizes(1_000_000, 1_000);
    expect(sizes).toHaveLength(1_000);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(1_000_000);
    expect(sizes[0]).toBe(133_951);
    expect(sizes[999]).toBe(134);
    expect(sizes.every((size, i) => i === 0 || size <= sizes[i - 1]!)).toBe(true);
  });

  it('gives every source at least one article, and no more sources than articles', () => {
    expect(sourceSizes(3, 1_000)).toEqual([1, 1, 1]);
    expect(sourceSizes(1_001, 1_000).slice(0, 3)).toEqual([2, 1, 1]);
    const sizes = sourceSizes(2_000, 1_000);
    expect(Math.min(...sizes)).toBe(1);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(2_000);
  });

  it("names its sources so that none is a fixture site's host", () => {
    expect(seededDomain(7)).toBe(`source-0007${SEEDED_DOMAIN_SUFFIX}`);
    expect(seededDomain(7).endsWith(SEEDED_DOMAIN_SUFFIX)).toBe(true);
    expect('127.0.0.1'.endsWith(SEEDED_DOMAIN_SUFFIX)).toBe(false);
  });
});
