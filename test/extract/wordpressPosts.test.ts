import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type TermNames } from '../../src/wpPost.js';
import { readCase } from './goldenFixtures.js';

const SITE = 'https://blog.example.org';

describe('ordinary WordPress posts pass through as clean articles', () => {
  for (const name of ['wp-gutenberg', 'wp-caption-embed']) {
    it(`${name} matches its golden file`, () => {
      const { post, expected } = readCase(name);
      const article = extractArticle(post, { site: SITE, terms: EMPTY_TERM_NAMES });
      for (const [field, value] of Object.entries(expected)) {
        expect({ field, value: (article as unknown as Record<string, unknown>)[field] }).toEqual({ field, value });
      }
      expect(article.profile).toBe('wordpress');
      expect(article.source_url).toBe(post.link);
    });
  }

  it('keeps the text the author collapsed (accordion, tab pane, spoiler), and still drops a hidden share menu and a hidden carousel of story cards', () => {
    const content = `<p>Our reading room is open to everyone, and these are the questions readers ask most often.</p>
<div class="accordion"><h3 class="accordion-title">Can I bring a laptop?</h3><div class="accordion-content" style="display: none;"><p>Yes, laptops are welcome, and there are sockets at every desk in the room.</p></div></div>
<div class="tabs"><div role="tabpanel">Opening hours are from nine to five on weekdays.</div><div role="tabpanel" hidden><p>On Saturdays the room opens at ten and closes at two in the afternoon.</p></div></div>
<div class="su-spoiler"><div class="su-spoiler-title">Fees</div><div class="su-spoiler-content" style="display:none">Reading is free, and copies cost ten cents a page for everyone.</div></div>
<div class="share-menu" style="display:none"><a href="https://social.example/share">Share this on your favourite network today</a></div>
<div class="slide" style="visibility:hidden"><article><h3><a href="/other-story/">Another story on the same site</a></h3><p>The summary of another story that the carousel shows later on.</p></article></div>`;
    const post = { id: 5, link: `${SITE}/?p=5`, title: { rendered: 'Reading room questions' }, content: { rendered: content } };
    const article = extractArticle(post, { site: SITE, terms: EMPTY_TERM_NAMES });
    for (const text of ['laptops are welcome', 'On Saturdays the room opens', 'copies cost ten cents']) expect(article.body_text).toContain(text);
    expect(article.body_text).not.toContain('Share this on your favourite network');
    expect(article.body_text).not.toContain('summary of another story');
  });

  it('drops Jetpack share buttons, the related-posts box and the repeated title heading', () => {
    const { post } = readCase('wp-gutenberg');
    const article = extractArticle(post, { site: SITE, terms: EMPTY_TERM_NAMES });
    expect(article.body_text).not.toMatch(/Share this|Twitter|Facebook|Army confirms attack/);
    expect(article.blocks[0]?.text).toMatch(/^Borno state governor/);
    expect(article.removed.map((entry) => entry.reason)).toEqual(expect.arrayContaining(['share', 'related-box', 'title']));
    expect(article.blocks.map((block) => block.tag)).toEqual(['p', 'p', 'blockquote', 'ul', 'p']);
    expect(article.authors).toEqual(['Click9ja Desk']);
    expect(article.wp.categories).toEqual(['NEWS']);
  });

  it('turns [caption] into a figure used as lead image, drops embeds and collapses duplicate paragraphs', () => {
    const { post } = readCase('wp-caption-embed');
    const article = extractArticle(post, { site: SITE, terms: EMPTY_TERM_NAMES });
    expect(article.image).toEqual({
      url: 'https://blog.example.org/wp-content/uploads/2017/03/salle.jpg',
      caption: 'La grande salle du Centre des congrès',
      credit: null,
    });
    expect(article.body_html).not.toMatch(/iframe|\[caption/);
    expect(article.body_html).toContain('href="https://blog.example.org/2017/03/webaquebec-2017-programme/billets/"');
    expect(article.blocks.filter((block) => block.text.startsWith('Rendez-vous'))).toHaveLength(1);
    expect(article.removed.some((entry) => entry.reason === 'duplicate-in-post')).toBe(true);
  });

  it('names terms from the context first, then _embedded, then class_list slugs', () => {
    const { post } = readCase('wp-caption-embed');
    const terms: TermNames = {
      categories: new Map([
        [4, 'Événements'],
        [9, 'Québec'],
      ]),
      tags: new Map([[12, 'Conférences']]),
      authors: new Map([[3, 'Marie Tremblay']]),
    };
    const withTerms = extractArticle(post, { site: SITE, terms });
    expect(withTerms.wp.categories).toEqual(['Événements', 'Québec']);
    expect(withTerms.wp.tags).toEqual(['Conférences']);
    expect(withTerms.authors).toEqual(['Marie Tremblay']);
    const withoutTerms = extractArticle(post, { site: SITE, terms: EMPTY_TERM_NAMES });
    expect(withoutTerms.wp.categories).toEqual(['evenements', 'quebec']);
  });
});
