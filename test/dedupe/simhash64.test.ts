import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSignedInt64 } from '../../src/dedupe/fromSignedInt64.js';
import { hammingDistance } from '../../src/dedupe/hammingDistance.js';
import { isNearDuplicate, NEAR_DUPLICATE_MAX_DISTANCE } from '../../src/dedupe/isNearDuplicate.js';
import { simhash64 } from '../../src/dedupe/simhash64.js';
import { simhashBands } from '../../src/dedupe/simhashBands.js';
import { toSignedInt64 } from '../../src/dedupe/toSignedInt64.js';
import { generateParagraphs, seededRandom } from './generateText.js';

const ARTICLE_WORDS = 400;

function article(seed: number): string {
  return generateParagraphs(seed, ARTICLE_WORDS).join('\n\n');
}

/** Corrects one sentence the way a re-published story does: `count` of its words replaced. */
function editOneSentence(text: string, seed: number, count: number): string {
  const random = seededRandom(seed);
  const sentences = text.split('. ');
  const index = Math.floor(random() * sentences.length);
  const words = (sentences[index] ?? '').split(' ');
  for (let k = 0; k < count; k++) words[Math.floor(random() * words.length)] = `corrected${k}`;
  sentences[index] = words.join(' ');
  return sentences.join('. ');
}

describe('simhash64', () => {
  it('gives distance 0 for identical text, and ignores case, spacing and punctuation', () => {
    const text = article(1);
    expect(hammingDistance(simhash64(text), simhash64(text))).toBe(0);
    expect(simhash64(text.toUpperCase().replace(/ /g, '  ').replace(/\./g, '!'))).toBe(simhash64(text));
  });

  it('keeps a 400-word article with one edited sentence within 3 bits', () => {
    const text = article(7);
    const edited = editOneSentence(text, 7, 2);
    expect(edited).not.toBe(text);
    expect(hammingDistance(simhash64(text), simhash64(edited))).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
  });

  it('keeps at least 95% of 100 single-sentence corrections within 3 bits (median ≤ 1)', () => {
    const distances = Array.from({ length: 100 }, (_, i) => {
      const text = article(100 + i);
      return hammingDistance(simhash64(text), simhash64(editOneSentence(text, 100 + i, 2)));
    }).sort((a, b) => a - b);
    expect(distances.filter((d) => d <= NEAR_DUPLICATE_MAX_DISTANCE).length).toBeGreaterThanOrEqual(95);
    expect(distances[50]).toBeLessThanOrEqual(1);
  });

  it('puts unrelated articles more than 10 bits apart', () => {
    const hashes = Array.from({ length: 40 }, (_, i) => simhash64(article(1000 + i)));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        expect(hammingDistance(hashes[i] ?? 0n, hashes[j] ?? 0n)).toBeGreaterThan(10);
      }
    }
  });

  it('hashes empty text to 0 and short texts deterministically', () => {
    expect(simhash64('')).toBe(0n);
    expect(simhash64('  ...  ')).toBe(0n);
    expect(simhash64('Hello world')).toBe(simhash64('hello, WORLD'));
    expect(simhash64('Hello world')).not.toBe(simhash64('world hello'));
  });

  it('always fits in 64 unsigned bits', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const h = simhash64(text);
        return h >= 0n && h < 1n << 64n;
      }),
    );
  });
});

describe('hammingDistance', () => {
  it('counts differing bits of any two 64-bit values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (a, b) => {
        const naive = [...(a ^ b).toString(2)].filter((bit) => bit === '1').length;
        return hammingDistance(a, b) === naive;
      }),
    );
  });

  it('reads signed values as their unsigned bits', () => {
    expect(hammingDistance(-1n, (1n << 64n) - 1n)).toBe(0);
    expect(hammingDistance(0n, -1n)).toBe(64);
  });
});

describe('simhashBands', () => {
  const uint64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
  const upToThreeBits = fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: NEAR_DUPLICATE_MAX_DISTANCE });

  it('lets any two hashes within 3 bits share at least one band (pigeonhole)', () => {
    fc.assert(
      fc.property(uint64, upToThreeBits, (a, bits) => {
        const b = bits.reduce((value, bit) => value ^ (1n << BigInt(bit)), a);
        const bandsA = simhashBands(a);
        const bandsB = simhashBands(b);
        return isNearDuplicate(a, b) && bandsA.some((band, index) => band === bandsB[index]);
      }),
      { numRuns: 2000 },
    );
  });

  it('splits into four 16-bit bands, lowest first, the same for signed and unsigned forms', () => {
    expect(simhashBands(0x0004_0003_0002_0001n)).toEqual([1, 2, 3, 4]);
    expect(simhashBands(-1n)).toEqual([65535, 65535, 65535, 65535]);
    fc.assert(fc.property(uint64, (h) => simhashBands(h).every((band) => band >= 0 && band <= 0xffff)));
  });
});

describe('toSignedInt64 / fromSignedInt64', () => {
  it('round-trips every 64-bit value through a Postgres bigint string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (h) => {
        const stored = toSignedInt64(h);
        const signed = BigInt(stored);
        return signed >= -(1n << 63n) && signed < 1n << 63n && fromSignedInt64(stored) === h && fromSignedInt64(signed) === h;
      }),
    );
  });

  it('maps the top bit to negative numbers', () => {
    expect(toSignedInt64((1n << 64n) - 1n)).toBe('-1');
    expect(toSignedInt64(1n << 63n)).toBe('-9223372036854775808');
    expect(toSignedInt64(42n)).toBe('42');
  });
});
