import fc from 'fast-check';
import type { AnyNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/article.js';
import { detectLanguage } from '../../src/extract/metadata/detectLanguage.js';
import { collapseWhitespace, findElements, normaliseSpace, parseMarkup, parseMarkupListingElements } from '../../src/html/index.js';
import { fingerprintFast } from '../../src/extract/body/fingerprintFast.js';
import { fingerprintText } from '../../src/fingerprintText.js';

/** Every node with its type, name, text, attributes and source indices, in document order. */
function treeOf(node: AnyNode): string {
  const out: unknown[] = [];
  const visit = (current: AnyNode): void => {
    const { type, startIndex, endIndex } = current;
    const { name, attribs, data, children } = current as unknown as { name?: string; attribs?: Record<string, string>; data?: string; children?: AnyNode[] };
    out.push([type, name, data, startIndex, endIndex, attribs]);
    children?.forEach(visit);
  };
  visit(node);
  return JSON.stringify(out);
}

/** Markup pieces that exercise entities in text, attributes (all quote styles), raw-text and title elements. */
const MARKUP_PIECE = fc.constantFrom(
  '&', '&amp', '&amp;', '&ampx', '&amp=', '&lt', '&notin', '&noti', '&not', '&#', '&#38', '&#x26;', '&#128;', '&#0;', '&AElig',
  '&eacutex', '&frac12=', '<a b=', '<a b="', "<a b='", '"', "'", '>', '/>', ' ', 'x', '1', '=', ';', '<', '</', '</t', '\x1c',
  '<title>', '<title/>', '</title>', '<script>', '<script/>', '</script>', '<textarea>', '</textarea>', '<xmp>', '</xmp>',
  '<style/>', '<svg>', '</svg>', '<!--', '-->', '<![CDATA[', ']]>', '<p>', '</p>', '</x>', '</br>', '<?x &amp; ?>',
  // Names in any case: tags and attributes are lower-cased, the first of several that lower-case alike wins.
  '<A ', '<Div ', '<TITLE>', '</P>', '</A>', '</Div>', ' b', ' B', ' Class=a', ' CLASS="b"', " class='c'", ' \u0130=d', ' __proto__', ' constructor=e', 'B=y',
  ' id=i', ' ID="j&amp;k"', ' class="x&lt;y"', ' iD', ' class',
  // Tree building: implied closes, void elements, foreign content, self-closing tags, comments and declarations.
  '<li>', '</li>', '<ul>', '</ul>', '<td>', '<tr>', '</tr>', '<table>', '<tbody>', '<h2>', '</h2>', '<dd>', '<dt>', '<option>',
  '<select>', '<br>', '<br/>', '<img>', '</img>', '<hr>', '<input ', '<math>', '</math>', '<mi>', '</mi>', '<foreignObject>',
  '</foreignObject>', '<desc>', '<p/>', '<b>', '</b>', '<!doctype html>', '<!x>', '<!-- c -->', '<?php x ?>', '<script>&amp;</script>',
);

describe('fast paths', () => {
  it('parseMarkup builds the tree parseDocument builds for wrapped markup: same nodes, indices and decoded entities', () => {
    const options = { withStartIndices: true, withEndIndices: true };
    fc.assert(fc.property(fc.array(MARKUP_PIECE, { maxLength: 40 }), (pieces) => {
      const markup = `<div>${pieces.join('')}</div>`;
      expect(treeOf(parseMarkup(markup))).toBe(treeOf(parseDocument(markup, options)));
    }), { numRuns: 5000, examples: [[['<Div ', ' Class=a', ' CLASS="b"', " class='c'", '>', 'x']]] });
  });

  it('parseMarkupListingElements lists every element of the tree in document order, each knowing its class and id', () => {
    fc.assert(fc.property(fc.array(MARKUP_PIECE, { maxLength: 40 }), (pieces) => {
      const { document, elements } = parseMarkupListingElements(`<div>${pieces.join('')}</div>`);
      const walked = findElements(document, () => true);
      expect(elements.length).toBe(walked.length);
      expect(elements.every((element, i) => element === walked[i])).toBe(true);
      for (const element of elements) {
        expect(element.classAttribute).toBe(element.attribs.class ?? '');
        expect(element.idAttribute).toBe(element.attribs.id ?? '');
      }
    }), { numRuns: 3000 });
  });

  it('countWords counts the matches of the Unicode word regex', () => {
    const words = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => countWords(text) === words(text)), { numRuns: 3000 });
  });

  it('fingerprintFast equals fingerprintText on Latin-1 and punctuation-heavy text', () => {
    const unit = fc.constantFrom('a', 'Z', '9', ' ', 'é', 'Þ', 'ß', 'ÿ', '×', '\u00a0', '«', '…', '’', '\u2011', '\u200b', '\u0301', 'ﬁ', 'İ', 'Σ', '\ud835\udc00');
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), (text) => fingerprintFast(text) === fingerprintText(text)), { numRuns: 3000 });
  });

  it('detectLanguage gives the same answer as on the lower-cased text (it lower-cases only short words)', () => {
    const word = fc.constantFrom('The', 'THE', 'the', 'DER', 'Und', 'ÜND', 'İn', 'İ', 'LA', 'la', 'NÃO', 'Della', 'NICHT', 'ß', 'ẞ', 'Σ', 'ﬁ', '\u212a', 'x', 'Longer');
    const gap = fc.constantFrom(' ', '  ', ', ', '1', '\u00a0', '\u2014', '');
    fc.assert(fc.property(fc.array(fc.tuple(word, gap), { maxLength: 120 }), (pairs) => {
      const text = pairs.map(([w, g]) => w + g).join('');
      return detectLanguage(text) === detectLanguage(text.toLowerCase());
    }), { numRuns: 3000 });
  });

  it('whitespace helpers equal their plain regex forms', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '  ', '\n', '\t', '\u00a0', '\u200b', '\ufeff', '\u2003', '\u3000', 'é'), maxLength: 40 });
    fc.assert(fc.property(text, (value) => {
      expect(normaliseSpace(value)).toBe(value.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim());
      expect(collapseWhitespace(value)).toBe(value.replace(/\s+/g, ' ').trim());
    }), { numRuns: 3000 });
  });
});
