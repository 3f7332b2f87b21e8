import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTemplateEvidence, TEMPLATE_MIN_BLOCK_CHARS } from '../../src/dedupe/isTemplateEvidence.js';
import { normalisedLength, wordRuns } from '../../src/dedupe/wordRuns.js';
import { normaliseText } from '../../src/fingerprintText.js';

/** Texts that exercise NFKC (ligatures, full width, compatibility digits), case, quotes, astral letters and emoji. */
const tricky = fc.string({
  unit: fc.constantFrom(...'aZ é ﬁ ㎞ Ａ ² ’ “ - . 9 Ⅻ İ ß 𝒜 😀 \u0301 \u00a0 \t \n'.split(' '), 'ab', ' ', '\ud800'),
  maxLength: 60,
});

describe('word runs', () => {
  it('are the words of normaliseText, and their normalised length is its length', () => {
    const agree = (text: string) => {
      const { lower, starts, ends } = wordRuns(text);
      const words = starts.map((start, i) => lower.slice(start, ends[i]));
      const normalised = normaliseText(text);
      return words.join(' ') === normalised && normalisedLength(text) === normalised.length;
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), agree), { numRuns: 3000 });
    fc.assert(fc.property(tricky, agree), { numRuns: 3000 });
  });

  it('decide template evidence by the normalised length', () => {
    expect(isTemplateEvidence('Sign up for our newsletter')).toBe(true);
    expect(isTemplateEvidence('— Background —')).toBe(false);
    // Punctuation runs count as one space, so padding does not make a short line evidence.
    expect(isTemplateEvidence('Yes . . . . . . . . . . . . . . . . no')).toBe(false);
    expect(normalisedLength('x'.repeat(TEMPLATE_MIN_BLOCK_CHARS))).toBe(TEMPLATE_MIN_BLOCK_CHARS);
  });
});
