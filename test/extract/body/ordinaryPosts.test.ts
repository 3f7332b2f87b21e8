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

  it('still drops what plugins add to every post: share labels, related posts, unrendered shortcodes', () => {
    const article = extract(
      '<p>The council voted on Tuesday to keep the library open on Sundays through the winter.</p><p>[contact-form-7 id="5" title="Contact"]</p><div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li><li><a href="https://facebook.com/sharer">Facebook</a></li></ul></div><div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a href="https://blog.example.org/other">Another post about the library</a></p></div>',
    );
    expect(article.body_text).toBe('The council voted on Tuesday to keep the library open on Sundays through the winter.');
  });
});
