import { describe, expect, it } from 'vitest';
import { MAX_MARKUP_CHARS, MAX_MARKUP_TAGS, parseHtml } from '../../src/html/index.js';

describe('parseHtml bounds what a hostile post costs', () => {
  it('parses at most MAX_MARKUP_TAGS tags: a million tiny elements become a tree of a tenth of them', () => {
    const { elements, root } = parseHtml('<i>a</i>'.repeat(1_000_000));
    // Each `<i>a</i>` is two tags; the wrapper is one more element.
    expect(elements.length).toBe(MAX_MARKUP_TAGS / 2 + 1);
    expect(root.children.length).toBe(MAX_MARKUP_TAGS / 2);
  });

  it('keeps markup under both bounds whole', () => {
    const markup = '<p>word</p>'.repeat(1_000);
    expect(parseHtml(markup).elements.length).toBe(1_001);
    expect(markup.length).toBeLessThan(MAX_MARKUP_CHARS);
  });
});
