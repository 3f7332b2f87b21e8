import fc from 'fast-check';
import { describe, it } from 'vitest';
import { countWords } from '../../src/article.js';
import { detectLanguage } from '../../src/extract/metadata/detectLanguage.js';
import { fingerprintFast } from '../../src/extract/body/fingerprintFast.js';
import { fingerprintText } from '../../src/fingerprintText.js';

describe('fast paths', () => {
  it('countWords counts the matches of the Unicode word regex, each Chinese or Japanese letter a word of its own', () => {
    const wide = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
    const latin = `(?:(?![${wide}])[\\p{L}\\p{N}])+`;
    const pattern = new RegExp(`${latin}(?:['’-]${latin})*|(?=[\\p{L}\\p{N}])[${wide}]`, 'gu');
    const words = (text: string): number => text.match(pattern)?.length ?? 0;
    const mixed = fc.string({ unit: fc.constantFrom('中', '文', '。', '、', 'ア', 'ー', '１', '한', 'a', 'é', '9', ' ', '-', '’'), maxLength: 60 });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), mixed),
        (text) => countWords(text) === words(text),
      ),
      { numRuns: 3000 },
    );
  });

  it('fingerprintFast equals fingerprintText on Latin-1 and punctuation-heavy text', () => {
    const unit = fc.constantFrom(
      'a',
      'Z',
      '9',
      ' ',
      'é',
      'Þ',
      'ß',
      'ÿ',
      '×',
      '\u00a0',
      '«',
      '…',
      '’',
      '\u2011',
      '\u200b',
      '\u0301',
      'ﬁ',
      'İ',
      'Σ',
      '\ud835\udc00',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => fingerprintFast(text) === fingerprintText(text)),
      { numRuns: 3000 },
    );
  });

  it('detectLanguage gives the same answer as on the lower-cased text (it lower-cases only short words)', () => {
    const word = fc.constantFrom(
      'The',
      'THE',
      'the',
      'DER',
      'Und',
      'ÜND',
      'İn',
      'İ',
      'LA',
      'la',
      'NÃO',
      'Della',
      'NICHT',
      'ß',
      'ẞ',
      'Σ',
      'ﬁ',
      '\u212a',
      'x',
      'Longer',
    );
    const gap = fc.constantFrom(' ', '  ', ', ', '1', '\u00a0', '\u2014', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 120 }), (pairs) => {
        const text = pairs.map(([w, g]) => w + g).join('');
        return detectLanguage(text) === detectLanguage(text.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });
});
