import { describe, expect, it } from 'vitest';
import { emptyBodyReason, extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';
import { blogPost } from '../../helpers/blogPost.js';

const post = (id: number, rendered: string, extra: Partial<WpPost> = {}): WpPost => blogPost(id, { rendered, protected: false }, extra);

const extract = (wp: WpPost) => extractArticle(wp, { site: 'https://blog.example.org', terms: EMPTY_TERM_NAMES });

describe('emptyBodyReason', () => {
  it('says nothing of an article with body text', () => {
    const wp = post(1, '<p>The council voted on Tuesday to keep the library open on Sundays through the winter.</p>');
    expect(extract(wp).word_count).toBeGreaterThan(0);
    expect(emptyBodyReason(wp, extract(wp))).toBeNull();
  });

  it('names a password-protected post that WordPress served without content', () => {
    const wp = post(2, '', { content: { rendered: '', protected: true } });
    expect(emptyBodyReason(wp, extract(wp))).toBe('password-protected');
  });

  it('names a post of an image, an embed or a gallery only, alt text and shortcodes aside', () => {
    const image = post(
      3,
      '<!-- wp:image --><figure class="wp-block-image"><img src="https://blog.example.org/heron.jpg" alt="A grey heron"></figure><!-- /wp:image -->',
    );
    const embed = post(
      4,
      '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper"><iframe src="https://www.youtube.com/embed/x" title="Video"></iframe></div></figure>',
    );
    const gallery = post(5, '[gallery ids="12,13,14"]&nbsp;');
    for (const wp of [image, embed, gallery]) {
      expect(extract(wp).word_count).toBe(0);
      expect(emptyBodyReason(wp, extract(wp))).toBe('no-text-in-post');
    }
    // A caption is the author's text: a picture with one is a post with a body.
    const captioned = post(
      7,
      '<figure class="wp-block-image"><img src="https://blog.example.org/heron.jpg" alt=""><figcaption>A heron at dawn</figcaption></figure>',
    );
    expect(extract(captioned).body_text).toBe('A heron at dawn');
    expect(emptyBodyReason(captioned, extract(captioned))).toBeNull();
  });

  it('flags a post whose text extraction kept none of', () => {
    // Whatever extraction returns, an empty body from a post with text is the case a person must look at.
    const wp = post(6, '<div class="entry-content"><p>Short text that is there.</p></div>');
    expect(emptyBodyReason(wp, { word_count: 0 })).toBe('text-not-extracted');
  });

  it("names a scraped page that showed WordPress's password form instead of the post, and keeps the form out of the body", () => {
    // Twenty Twenty-One's shape: a notice paragraph above the form, inside the post's entry-content.
    const page = `<header class="site-header"><p class="site-title"><a href="/" rel="home">Parish news</a></p></header>
      <main><article class="post-12 page type-page status-publish post-password-required hentry"><header class="entry-header"><h1 class="entry-title">Protected: Members notes</h1></header>
      <div class="entry-content"><p class="post-password-message">This content is password protected. Please enter a password to view.</p>
      <form action="https://parish.example/wp-login.php?action=postpass" class="post-password-form" method="post"><label for="pwbox-12">Password</label><input name="post_password" id="pwbox-12" type="password"><input type="submit" value="Enter"></form></div></article></main>`;
    const wp = post(8, `${page}<p>[analyse_source url=&#8221;https://parish.example/?page_id=12&#8221;]</p>`);
    const article = extract(wp);
    expect(article.body_text).toBe('');
    expect(emptyBodyReason(wp, article)).toBe('password-protected');
  });

  it('does not take a protected flag with content served for a protected post', () => {
    // A site that serves the content of a protected post (the password was given): its text counts as text.
    const wp = post(7, '<p>Members read this.</p>', { content: { rendered: '<p>Members read this.</p>', protected: true } });
    expect(emptyBodyReason(wp, { word_count: 0 })).toBe('text-not-extracted');
  });
});
