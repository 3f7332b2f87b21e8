import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/article.js';
import { applyTemplateBlocks, TEMPLATE_ALL_KEPT_REASON } from '../../src/dedupe/applyTemplateBlocks.js';
import { blockFingerprintsForStats } from '../../src/dedupe/blockFingerprintsForStats.js';
import { blockStatsByDomain } from '../../src/dedupe/blockStatsByDomain.js';
import { isTemplateBlock, TEMPLATE_MIN_POSTS, TEMPLATE_MIN_SHARE } from '../../src/dedupe/isTemplateBlock.js';
import { templateFingerprints } from '../../src/dedupe/templateFingerprints.js';
import { fingerprintText } from '../../src/fingerprintText.js';
import { makeArticle } from './makeArticle.js';

const FOOTER = 'Sign up for our weekly newsletter and get the best stories in your inbox.';

describe('isTemplateBlock', () => {
  it('needs at least TEMPLATE_MIN_POSTS distinct articles', () => {
    expect(isTemplateBlock({ articles: TEMPLATE_MIN_POSTS }, TEMPLATE_MIN_POSTS)).toBe(true);
    expect(isTemplateBlock({ articles: TEMPLATE_MIN_POSTS - 1 }, TEMPLATE_MIN_POSTS - 1)).toBe(false);
  });

  it('needs TEMPLATE_MIN_SHARE of the source once the source is large', () => {
    expect(isTemplateBlock({ articles: 20 }, 1000)).toBe(false);
    expect(isTemplateBlock({ articles: 1000 * TEMPLATE_MIN_SHARE }, 1000)).toBe(true);
    expect(isTemplateBlock({ articles: 950 }, 1000)).toBe(true);
  });
});

describe('applyTemplateBlocks', () => {
  const story = makeArticle({ paragraphs: ['The minister arrived in Baku on Tuesday for talks.', FOOTER, 'Talks ended without a joint statement.'] });

  it('moves template blocks into removed and re-renders the body', () => {
    const cleaned = applyTemplateBlocks(story, new Set([fingerprintText(FOOTER)]));
    expect(cleaned.blocks.map((block) => block.text)).toEqual(['The minister arrived in Baku on Tuesday for talks.', 'Talks ended without a joint statement.']);
    expect(cleaned.body_text).not.toContain('newsletter');
    expect(cleaned.body_html).not.toContain('newsletter');
    expect(cleaned.word_count).toBe(renderBody(cleaned.blocks).word_count);
    expect(cleaned.removed).toEqual([{ fingerprint: fingerprintText(FOOTER), text: FOOTER, reason: 'template', bytes: Buffer.byteLength(FOOTER) }]);
  });

  it('never mutates its input', () => {
    const before = structuredClone(story);
    applyTemplateBlocks(story, new Set([fingerprintText(FOOTER)]));
    expect(story).toEqual(before);
  });

  it('returns the article itself when nothing matches', () => {
    expect(applyTemplateBlocks(story, new Set(['0000000000000000']))).toBe(story);
    expect(applyTemplateBlocks(story, new Set())).toBe(story);
  });

  it('never empties a body: when every block is template it keeps the body and adds one marker', () => {
    const all = new Set(story.blocks.map((block) => block.fingerprint));
    const kept = applyTemplateBlocks(story, all);
    expect(kept.blocks).toEqual(story.blocks);
    expect(kept.body_text).toBe(story.body_text);
    expect(kept.removed).toEqual([{ fingerprint: '', text: '', reason: TEMPLATE_ALL_KEPT_REASON, bytes: 0 }]);
    expect(applyTemplateBlocks(kept, all).removed).toHaveLength(1);
  });

  it('does not remove very short blocks even if their fingerprint is listed', () => {
    const withHeading = makeArticle({ paragraphs: ['Background', 'A long enough paragraph about the negotiations.'] });
    const cleaned = applyTemplateBlocks(withHeading, new Set([fingerprintText('Background')]));
    expect(cleaned).toBe(withHeading);
  });
});

describe('blockFingerprintsForStats', () => {
  it('lists each long-enough body block once and keeps template-removed blocks counted', () => {
    const article = makeArticle({ paragraphs: [FOOTER, 'Yes.', 'A real paragraph of the story, long enough to count.', FOOTER] });
    const fingerprints = blockFingerprintsForStats(article);
    expect(fingerprints).toEqual([fingerprintText(FOOTER), fingerprintText('A real paragraph of the story, long enough to count.')]);
    const cleaned = applyTemplateBlocks(article, new Set([fingerprintText(FOOTER)]));
    expect(new Set(blockFingerprintsForStats(cleaned))).toEqual(new Set(fingerprints));
  });

  it('does not count teaser or ad removals', () => {
    const article = {
      ...makeArticle(),
      removed: [{ fingerprint: 'abc', text: 'A teaser standfirst that is long enough.', reason: 'teaser' as const, bytes: 40 }],
    };
    expect(blockFingerprintsForStats(article)).not.toContain('abc');
  });
});

describe('template blocks learned from a batch', () => {
  const storyParagraph = (id: number): string => `Story ${id} has its own first paragraph with unique reporting.`;

  it('marks a block seen in TEMPLATE_MIN_POSTS distinct articles of a source as template', () => {
    const articles = Array.from({ length: TEMPLATE_MIN_POSTS }, (_, i) => makeArticle({ id: i + 1, paragraphs: [storyParagraph(i), FOOTER] }));
    const stats = blockStatsByDomain(articles).get('news.example');
    expect(stats?.articles).toBe(TEMPLATE_MIN_POSTS);
    expect(templateFingerprints(stats ?? { articles: 0, blocks: new Map() })).toEqual(new Set([fingerprintText(FOOTER)]));
  });

  it('counts re-crawls of one story once, so its quotes do not become template', () => {
    const quote = '"We will not accept any deal that ignores our security," the minister told reporters.';
    const recrawls = Array.from({ length: 10 }, (_, i) =>
      makeArticle({ id: i + 1, source_url: `http://www.news.example/story-1/?utm_source=feed${i}`, paragraphs: [quote, storyParagraph(1)] }),
    );
    const stats = blockStatsByDomain(recrawls).get('news.example');
    expect(stats?.articles).toBe(1);
    expect(stats?.blocks.get(fingerprintText(quote))).toBe(1);
    expect(templateFingerprints(stats ?? { articles: 0, blocks: new Map() }).size).toBe(0);
  });

  it('keeps counts per source domain', () => {
    const articles = Array.from({ length: 2 * TEMPLATE_MIN_POSTS - 2 }, (_, i) =>
      makeArticle({ id: i + 1, source_url: `https://${i % 2 === 0 ? 'a' : 'b'}.example/story-${i}`, paragraphs: [storyParagraph(i), FOOTER] }),
    );
    for (const stats of blockStatsByDomain(articles).values()) {
      expect(stats.blocks.get(fingerprintText(FOOTER))).toBe(TEMPLATE_MIN_POSTS - 1);
      expect(templateFingerprints(stats).size).toBe(0);
    }
  });
});

describe('ordinary posts written on the site', () => {
  const SIGN_OFF = 'Posted by the site team, with thanks to every reader who wrote in.';
  const ordinary = { ...makeArticle({ paragraphs: ['Our spring meet-up moves to the library this year.', SIGN_OFF] }), profile: 'wordpress' };

  it('keep a line the author repeats in every post, even when it counts as template elsewhere', () => {
    const result = applyTemplateBlocks(ordinary, new Set([fingerprintText(SIGN_OFF)]));
    expect(result.body_text).toContain(SIGN_OFF);
    expect(result.removed).toEqual(ordinary.removed);
  });

  it('contribute no block counts, so they cannot make a scraped page’s paragraph template either', () => {
    expect(blockFingerprintsForStats(ordinary)).toEqual([]);
    expect(blockFingerprintsForStats({ ...ordinary, profile: 'generic' })).toContain(fingerprintText(SIGN_OFF));
  });
});
