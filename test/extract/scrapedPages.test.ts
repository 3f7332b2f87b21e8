import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { fingerprintFast, normaliseTextFast } from '../../src/extract/body/fingerprintFast.js';
import { stripSiteName } from '../../src/extract/metadata/stripSiteName.js';
import { fingerprintText, normaliseText } from '../../src/fingerprintText.js';
import { EMPTY_TERM_NAMES } from '../../src/wpPost.js';
import { readCase } from './goldenFixtures.js';

const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

/** Hand-made pages modelled on failures of the development sets (politico, badische-zeitung, webmd, refinery29, dw). */
const GOLDEN_PAGES = ['scraped-split-story', 'scraped-non-paywall', 'scraped-section-headline'];

describe('scraped news pages', () => {
  for (const name of GOLDEN_PAGES) {
    it(`${name} matches its golden file`, () => {
      const { post, expected } = readCase(name);
      const article = extractArticle(post, CONTEXT);
      for (const [field, value] of Object.entries(expected)) {
        expect({ field, value: (article as unknown as Record<string, unknown>)[field] }).toEqual({ field, value });
      }
    });
  }

  it('joins every part of a story that the CMS split into same-class containers, in order', () => {
    const article = extractArticle(readCase('scraped-split-story').post, CONTEXT);
    expect(article.blocks.map((block) => block.text.slice(0, 11))).toEqual(Array.from({ length: 9 }, (_, i) => `Paragraph ${i + 1}`));
    expect(article.body_text).not.toContain('Another story about trams');
  });

  it('keeps an article whose wrapper class says "non-paywall" and drops the real paywall box', () => {
    const article = extractArticle(readCase('scraped-non-paywall').post, CONTEXT);
    expect(article.body_text).toMatch(/^Gesine from Tübingen/);
    expect(article.body_text).not.toContain('Subscribe to read');
  });

  it('takes the heading the page title confirms over an only h1 that names the section', () => {
    expect(extractArticle(readCase('scraped-section-headline').post, CONTEXT).title).toBe('Babies who eat peanuts early may avoid allergy');
  });

  it('drops newsletter pitches, rating widgets, tool bars and "explore further" boxes at the end of the body', () => {
    const article = extractArticle(readCase('scraped-section-headline').post, CONTEXT);
    expect(article.body_text).not.toMatch(/inbox|No ratings|Permalink|Explore further|Peanut patches/);
    expect(article.removed.map((entry) => entry.reason)).toEqual(expect.arrayContaining(['newsletter', 'rating', 'share', 'read-more']));
  });

  it('drops category labels, privacy notices and letters-to-the-editor calls left in the body', () => {
    const prose = Array.from(
      { length: 4 },
      (_, i) => `<p>Paragraph ${i + 1} of the report explains, in plain words, what the committee decided and why it matters.</p>`,
    ).join('');
    const labels =
      '<p>Category : Press Releases</p><p>Wir respektieren deine Privatsphäre und nutzen Cookies nur mit deiner Zustimmung.</p><p>We want to hear what you think about this article. Submit a letter to the editor.</p>';
    const content = `<article class="post-content">${prose}${labels}</article><p>[analyse_source url=&#8221;https://n.example/b&#8221;]</p>`;
    const article = extractArticle({ id: 6, link: 'https://agg.example/?p=6', title: { rendered: 'Report | Site' }, content: { rendered: content } }, CONTEXT);
    expect(article.blocks).toHaveLength(4);
    expect(article.removed.map((entry) => entry.reason)).toEqual(expect.arrayContaining(['tags', 'newsletter']));
  });

  it('falls back to the WP title without its site name when the page has no confirmed headline', () => {
    const content = `<div><h2>Highlights</h2><p>${'A paragraph of the page that is long enough to be prose, with a comma. '.repeat(3)}</p></div><p>[analyse_source url=&#8221;https://n.example/a&#8221;]</p>`;
    const post = {
      id: 5,
      link: 'https://agg.example/?p=5',
      title: { rendered: 'The New York Times en Español - The New York Times' },
      content: { rendered: content },
    };
    expect(extractArticle(post, CONTEXT).title).toBe('The New York Times en Español');
  });
});

describe('page titles without the site name', () => {
  it('drops the last part, or the first when the rest is too short, as Readability does', () => {
    expect(stripSiteName('Getting LEAN with Digital Ad UX | IAB')).toBe('Getting LEAN with Digital Ad UX');
    expect(stripSiteName('Inside the Deep Web Drug Lab — Backchannel — Medium')).toBe('Inside the Deep Web Drug Lab — Backchannel');
    expect(stripSiteName('Daily Mail - Jamie Oliver joins the war on toxic food')).toBe('Jamie Oliver joins the war on toxic food');
  });

  it('keeps titles that would shrink to a few words, and titles without separators', () => {
    expect(stripSiteName('Mozilla - Wikipedia')).toBe('Mozilla - Wikipedia');
    expect(stripSiteName('A title without any separator')).toBe('A title without any separator');
  });

  it('drops the site and section names of a Chinese title, written with no spaces around the separator', () => {
    expect(stripSiteName('武汉的声音：有英勇的你，才有英雄的城！-新华网')).toBe('武汉的声音：有英勇的你，才有英雄的城！');
    expect(stripSiteName('海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网')).toBe('海外留学生看两会：出国前后关注点大不同');
    expect(stripSiteName('新闻-A')).toBe('新闻-A');
    expect(stripSiteName('COVID-19')).toBe('COVID-19');
  });
});

describe('fast fingerprints', () => {
  it('equal fingerprintText for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => normaliseTextFast(text) === normaliseText(text)),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => fingerprintFast(text) === fingerprintText(text)),
      { numRuns: 3000 },
    );
    for (const text of ['', '  ', '\ud800x', 'x\udc00', 'İstanbul', 'ﬁ ① Ä', '“Quoted” — 12']) expect(fingerprintFast(text)).toBe(fingerprintText(text));
  });
});
