import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * An ordinary WordPress post's `content.rendered` is all the author's: no theme put anything there. Shapes from real
 * REST responses (malformed editor markup, a heading-and-pictures post, a page of links, link cards, a short line).
 */
const CONTEXT = { site: 'https://blog.example.org', terms: EMPTY_TERM_NAMES };

function post(rendered: string, title = 'A post'): WpPost {
  return { id: 7, link: 'https://blog.example.org/?p=7', title: { rendered: title }, content: { rendered, protected: false } };
}

const extract = (rendered: string, title?: string) => extractArticle(post(rendered, title), CONTEXT);

describe('an ordinary post is all post', () => {
  it('reads a heading left open around the rest of the post as what it holds', () => {
    const article = extract(
      '<h3>Fugit nemo placeat eos aliquam repellendus, qui maxime quam hic sit</p>\n<h2>Maxime atque animi et nihil</h2>\n<blockquote><p>Totam eos eligendi voluptas voluptates eaque, autem magnam quam.</p></blockquote>\n<ul><li>Enim suscipit rerum quod</li><li>Molestiae ut vero aliquid</li></ul></h3>',
    );
    for (const text of ['Fugit nemo placeat', 'Maxime atque animi', 'Totam eos eligendi', 'Molestiae ut vero aliquid'])
      expect(article.body_text).toContain(text);
  });

  it('keeps a heading that ends the post, an <h1> of the content and a short line', () => {
    const pictures = '<a href="https://blog.example.org/a.png"><img src="https://blog.example.org/a-300.png"></a>';
    expect(extract(`<h2><strong>This is my strong headline thing.</strong></h2>\n${pictures}${pictures}`).body_text).toBe('This is my strong headline thing.');
    expect(extract('<h1>Mollitia debitis commodi dolor suscipit voluptas voluptatem dolor</h1>\n').body_text).toBe(
      'Mollitia debitis commodi dolor suscipit voluptas voluptatem dolor',
    );
    expect(extract('<div>Content from revision 11</div>').body_text).toBe('Content from revision 11');
  });

  it("keeps the post's own links: a page of links, link cards, download addresses", () => {
    const links = extract(
      '<ul><li><a href="https://blog.example.org/internal-page">Internal Page</a></li><li><a href="https://blog.example.org/2">Internal Link 2</a></li></ul>',
    );
    expect(links.body_text).toBe('Internal Page Internal Link 2');
    const cards = extract(
      '<p>These are the tools I use.</p><p><a href="https://www.reaper.fm/download.php">ダウンロード: https://www.reaper.fm/download.php</a></p><div class="blogcard"><a href="https://wasabii.net/">Wasabi Lab. https://wasabii.net ブログ関連記事一覧</a></div>',
    );
    expect(cards.body_text).toContain('ダウンロード: https://www.reaper.fm/download.php');
    expect(cards.body_text).toContain('Wasabi Lab.');
  });

  it('reads a post built with a page builder whole: its modules are called widgets, and no menu', () => {
    const texts = [
      'The archive opened its reading room to the public this spring, after two years of work on the building.',
      'Opening hours are listed at the entrance.',
    ];
    const built = (prefix: string) => {
      const widget = (type: string, inner: string) =>
        `<div class="${prefix}-element ${prefix}-widget ${prefix}-widget-${type}"><div class="${prefix}-widget-container">${inner}</div></div>`;
      const section = (inner: string) =>
        `<section class="${prefix}-section"><div class="${prefix}-container"><div class="${prefix}-column"><div class="${prefix}-widget-wrap">${inner}</div></div></div></section>`;
      return `<div data-${prefix}-type="wp-post" class="${prefix} ${prefix}-7">${section(widget('heading', '<h2>What changed</h2>') + widget('text-editor', `<p>${texts[0]}</p>`))}${section(widget('text-editor', `<p>${texts[1]}</p>`))}</div>`;
    };
    // Elementor's own class names, and a builder no rule knows by name.
    for (const prefix of ['elementor', 'pagekit']) {
      const article = extract(built(prefix), 'The reading room reopens');
      expect(article.body_text, prefix).toBe(`What changed\n\n${texts[0]}\n\n${texts[1]}`);
    }
  });

  it('still drops what plugins add to every post: share labels, related posts, unrendered shortcodes', () => {
    const article = extract(
      '<p>The council voted on Tuesday to keep the library open on Sundays through the winter.</p><p>[contact-form-7 id="5" title="Contact"]</p><div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li><li><a href="https://facebook.com/sharer">Facebook</a></li></ul></div><div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a href="https://blog.example.org/other">Another post about the library</a></p></div>',
    );
    expect(article.body_text).toBe('The council voted on Tuesday to keep the library open on Sundays through the winter.');
  });
});
