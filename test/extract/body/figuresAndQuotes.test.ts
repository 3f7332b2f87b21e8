import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/** Text the author set apart in `<figure>`s and quotes: WordPress's table, pullquote and quote blocks, news pull quotes. */
const CONTEXT = { site: 'https://blog.example.org', terms: EMPTY_TERM_NAMES };
const PARAGRAPH = 'The council voted on Tuesday to keep the library open on Sundays through the winter, after a petition signed by four thousand residents.';

function post(rendered: string): WpPost {
  return { id: 3, link: 'https://blog.example.org/?p=3', title: { rendered: 'Library hours' }, content: { rendered } };
}

const extract = (rendered: string) => extractArticle(post(rendered), CONTEXT);

describe('figures and quotes in a post', () => {
  it("keeps a table block's cells and its caption, the author's words", () => {
    const article = extract(
      `<p>${PARAGRAPH}</p><figure class="wp-block-table"><table><tbody><tr><td>Sunday</td><td>Ten to four, from November to March</td></tr></tbody></table><figcaption>Opening hours</figcaption></figure>`,
    );
    expect(article.body_text).toBe(`${PARAGRAPH}\n\nSunday Ten to four, from November to March\n\nOpening hours`);
  });

  it('keeps a pullquote the article does not repeat, and separates a quote from its citation', () => {
    const article = extract(
      `<p>${PARAGRAPH}</p><figure class="wp-block-pullquote"><blockquote><p>Nothing is deleted, only superseded, in a good archive.</p><cite>The librarian</cite></blockquote></figure>`,
    );
    expect(article.body_text).toContain('Nothing is deleted, only superseded, in a good archive. The librarian');
  });

  it('drops a pull quote that repeats a sentence of the article, quote marks and full stop aside', () => {
    const article = extract(
      `<p>${PARAGRAPH}</p><figure><blockquote><p>“The council voted on Tuesday to keep the library open on Sundays through the winter.”</p></blockquote></figure><p>${PARAGRAPH.replace('council', 'board')}</p>`,
    );
    expect(article.blocks.filter((block) => block.tag === 'blockquote')).toEqual([]);
    expect(article.removed.some((block) => block.reason === 'duplicate-in-post' && block.text.includes('keep the library open'))).toBe(true);
  });

  it('drops a figure that is a picture (even before a lazy loader has put its <img> in) but keeps its caption', () => {
    for (const figure of [
      '<figure><img src="https://blog.example.org/a.jpg" alt=""><figcaption>The reading room</figcaption></figure>',
      '<figure aria-label="media" role="group"><div class="placeholder"><span>Image</span></div><figcaption>The reading room</figcaption></figure>',
      '<figure><div data-src="https://blog.example.org/a.jpg">Image</div><figcaption>The reading room</figcaption></figure>',
      '<div id="attachment_7" class="wp-caption aligncenter"><img src="https://blog.example.org/a.jpg" alt=""><p class="wp-caption-text">The reading room</p></div>',
    ]) {
      const article = extract(`<p>${PARAGRAPH}</p>${figure}`);
      expect(article.body_text).toBe(`${PARAGRAPH}\n\nThe reading room`);
    }
    const embed = extract(
      `<p>${PARAGRAPH}</p><figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet"><p>A tweet about the library hours, quoted here.</p></blockquote></div></figure>`,
    );
    expect(embed.body_text).toBe(PARAGRAPH);
  });

  it("keeps a caption inside a list item of a scraped page's the_content(), as on its own", () => {
    const caption =
      '<div id="attachment_9" class="wp-caption aligncenter"><img src="https://blog.example.org/b.jpg" alt=""><p class="wp-caption-text">Sunday readers in the new wing</p></div>';
    const content = `<p>${PARAGRAPH}</p><ul><li><a href="https://blog.example.org/2024/year/">Our year in review!</a></li><li>The new wing opens on Sunday, <a href="https://city.example/wing">after two years</a> of building work.<ul><li>${caption}</li></ul></li><li>The café stays closed.</li></ul><p>${PARAGRAPH.replace('council', 'board')}</p>`;
    const page = `<main><article class="post hentry"><h1 class="entry-title">Library hours</h1><div class="entry-content">${content}</div></article></main>`;
    const article = extractArticle(post(`${page}<p>[analyse_source url=&#8221;https://blog.example.org/2024/library/&#8221;]</p>`), CONTEXT);
    expect(article.body_text).toContain('Sunday readers in the new wing');
    expect(article.body_text).toContain('The café stays closed.');
  });

  it('on a scraped news page, outside the post WordPress marks, a photo caption and credit still go', () => {
    const page = `<main><article><h1>Library hours</h1><figure><img src="https://news.example/a.jpg" alt=""><figcaption>The reading room. Photo: Agency</figcaption></figure><p>${PARAGRAPH}</p><p>${PARAGRAPH.replace('council', 'board')}</p></article></main>`;
    const article = extractArticle(
      { ...post(`${page}<p>[analyse_source url=&#8221;https://news.example/2024/library.html&#8221;]</p>`), title: { rendered: 'Library hours' } },
      CONTEXT,
    );
    expect(article.body_text).not.toContain('The reading room');
    expect(article.body_text).toContain('after a petition');
  });
});
