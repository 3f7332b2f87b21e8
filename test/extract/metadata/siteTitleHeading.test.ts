import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * A block theme (Twenty Twenty-Two) renders the site title as an `<h1>` linking home on every page, above the post's
 * own `<h1>`. The site title is never the headline, whether the title comes from the page or from a site profile.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const SITE = 'Riverside Gazette (community news)';
const PROSE = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1} of the notes, long enough to be prose, with a comma, and a clause after it.</p>`).join(
  '',
);

function themePage(inner: string, headline: string, siteTitleHeading: string): string {
  return `<div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group">${siteTitleHeading}
    <nav class="wp-block-navigation"><ul><li><a href="https://agg.example/about">About</a></li></ul></nav></div></header>
    <main class="wp-block-group"><h1 class="alignwide wp-block-post-title">${headline}</h1>
    <div class="entry-content wp-block-post-content">${inner}</div></main>
    <footer class="wp-block-template-part"><p>Proudly powered by WordPress</p></footer></div>`;
}

function wrapped(page: string, pageTitle: string, id = 9): WpPost {
  return {
    id,
    link: `https://agg.example/?p=${id}`,
    title: { rendered: pageTitle },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://agg.example/?p=${id}&#8221;]</p>` },
  };
}

describe('the site title heading of a theme', () => {
  const homeLink = `<h1 class="wp-block-site-title"><a href="https://agg.example" rel="home">${SITE}</a></h1>`;

  it('is not the headline of a short-titled post, however the title tag reads', () => {
    for (const heading of [homeLink, `<h1 class="site-title"><a href="https://agg.example/">${SITE}</a></h1>`, `<h1 id="logo">${SITE}</h1>`]) {
      const article = extractArticle(wrapped(themePage(PROSE, 'Weekly digest #1', heading), `Weekly digest #1 &#8211; ${SITE}`), CONTEXT);
      expect(article.title).toBe('Weekly digest #1');
      expect(article.body_text).toContain('Paragraph 4 of the notes');
    }
  });

  it('does not win over the fallback of a site profile by coming first in the page', () => {
    const seed = JSON.parse(readFileSync(new URL('../../fixtures/extract/seed/post.json', import.meta.url), 'utf8')) as WpPost;
    const expected = extractArticle(seed, CONTEXT).title;
    // The scraped page (a euronews article, which has a site profile) inside the post content of a theme page.
    const inner = (seed.content as { rendered: string }).rendered;
    const article = extractArticle({ ...seed, content: { rendered: themePage(inner, expected, homeLink) } }, CONTEXT);
    expect(article.title).toBe(expected);
    expect(article.profile).toBe('euronews');
  });

  it('is not the headline of a page whose own short title sits in a title banner with breadcrumbs, above an unmarked text', () => {
    // A news theme's page: the title in a banner the rules drop as a breadcrumb bar, the text loose in a card box with
    // the comment thread, and the site title as an h1 in the footer.
    const page = `<header class="mg-headwidget"><p class="site-title"><a href="https://agg.example/" rel="home">${SITE}</a></p></header>
    <div class="mg-breadcrumb-section"><div class="overlay"><div class="mg-breadcrumb-title"><h1 class="title">Opening hours</h1></div></div></div>
    <main id="content" class="page-class content"><div class="col-md-8"><div class="mg-card-box padding-20">${PROSE}
    <div id="comments" class="comments-area"><h5 class="comments-title">2 thoughts on “Opening hours”</h5></div></div></div></main>
    <footer><div class="site-branding-text"><h1 class="site-title"> <a href="https://agg.example/" rel="home">${SITE}</a></h1></div></footer>`;
    for (const title of ['Opening hours', 'What the reading room holds'])
      expect(extractArticle(wrapped(page.replaceAll('Opening hours', title), `${title} &#8211; ${SITE}`), CONTEXT).title).toBe(title);
  });
});
