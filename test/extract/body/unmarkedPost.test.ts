import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * Theme pages that mark no the_content() element (Hello Elementor's `page-content`, a magazine theme's
 * `cm-entry-summary`): the post is whatever the rules find under its title, beside a comment thread longer than it.
 * Short posts must not be lost to the thread, and the post's own section headings must not be taken for box titles.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const SITE = 'Garden Notes';

function wrapped(page: string, title: string): WpPost {
  return {
    id: 9,
    link: 'https://agg.example/?page_id=9',
    title: { rendered: `${title} &#8211; ${SITE}` },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://garden.example/?page_id=9&#8221;]</p>` },
  };
}

const COMMENTS = `<section id="comments" class="comments-area"><h2 class="title-comments">3 Responses</h2><ol class="comment-list">${[1, 2, 3]
  .map(
    (i) =>
      `<li id="comment-${i}" class="comment even depth-1"><article id="div-comment-${i}" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Reader ${i}</b> <span class="says">says:</span></div></footer><div class="comment-content"><p>I have followed this garden for a couple of years now, and the way the notes are written has improved a great deal: the dates are right, and the advice works on my own plot as well. Thank you for the work that goes into it every week, comment ${i}.</p></div></article></li>`,
  )
  .join(
    '',
  )}</ol><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form class="comment-form"><p class="comment-notes">Your email address will not be published.</p></form></div></section>`;

/** What sharing, likes and related-posts plugins (AddToAny, Jetpack, YARPP) append to the_content() on the theme page. */
const PLUGINS = `<div class="addtoany_share_save_container addtoany_content addtoany_content_bottom"><div class="addtoany_header">Share this:</div><div class="a2a_kit a2a_kit_size_32 addtoany_list"><a class="a2a_button_facebook" href="https://www.addtoany.com/add_to/facebook?linkurl=x" title="Facebook" rel="nofollow noopener" target="_blank"><span class="a2a_svg"></span><span class="a2a_label">Facebook</span></a><a class="a2a_button_email" href="https://www.addtoany.com/add_to/email?linkurl=x" title="Email" rel="nofollow noopener" target="_blank"><span class="a2a_label">Email</span></a><a class="a2a_dd addtoany_share_save addtoany_share" href="https://www.addtoany.com/share"><span class="a2a_label">Share</span></a></div></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" id="like-post-wrapper-1-9"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>
<div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'><h3>Related posts:</h3><ol><li><a href="/?p=4" rel="bookmark" title="Brazil and Spain agree on tariffs on steel">Brazil and Spain agree on tariffs on steel</a></li><li><a href="/?p=5" rel="bookmark" title="26 cities join ambitious plan on the accession talks">26 cities join ambitious plan on the accession talks</a></li><li><a href="/?p=6" rel="bookmark" title="France eyes the peace process amid stalled negotiations">France eyes the peace process amid stalled negotiations</a></li><li><a href="/?p=7" rel="bookmark" title="&#8216;Decisive moment&#8217;: Denmark backs mental health services">&#8216;Decisive moment&#8217;: Denmark backs mental health services</a></li></ol></div>`;

/** The reply form alone, under a post no one has commented on yet. */
const REPLY_FORM = `<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p><p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /></p></form></div></div>`;

function page(title: string, content: string, comments = COMMENTS): string {
  return `<header id="site-header" class="site-header" role="banner"><div class="site-branding"><h1 class="site-title"><a href="/" title="Home" rel="home">${SITE}</a></h1><p class="site-description">Notes from a small allotment</p></div><nav class="site-navigation"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<main id="content" class="site-main post-9 page type-page status-publish hentry" role="main"><div class="page-header"><h1 class="entry-title">${title}</h1></div>
<div class="page-content">${content}<div class="post-tags"></div></div>${comments}</main>
<footer id="site-footer" class="site-footer" role="contentinfo"><div class="copyright"><p>All rights reserved</p></div></footer>`;
}

describe('a post on a theme that marks no the_content() element', () => {
  it('a one-sentence post with a list of links is not lost to the plugins and comments around it', () => {
    const list = ['How archives decide what to keep', 'A history of the garden allotment', 'Why dates in feeds go wrong']
      .map((title, i) => `<li><a href="https://news${i}.example/story">${title}</a></li>`)
      .join('');
    const content = `<p>Three pieces worth your time this week, picked by the editors.</p><ul>${list}</ul>${PLUGINS}`;
    for (const comments of [COMMENTS, REPLY_FORM]) {
      const article = extractArticle(wrapped(page('Reading list for the week', content, comments), 'Reading list for the week'), CONTEXT);
      expect(article.body_text).toMatch(/^Three pieces worth your time this week/);
      expect(article.body_text).toContain('Why dates in feeds go wrong');
      for (const text of ['Reader 1', 'Share this', 'Like this', 'Brazil and Spain']) expect(article.body_text).not.toContain(text);
    }
  });

  it('section headings named like boxes ("Related posts", "Share this") over the post\'s own prose stay', () => {
    const content = `<p>Readers often ask how comments are moderated on this site, so here is the short version of the policy.</p><h2>Related posts</h2><p>Older posts on the same subject are linked at the end of each article, chosen by hand.</p><h2>Share this</h2><p>You are welcome to share any article; please link to the original source as well.</p>`;
    const article = extractArticle(wrapped(page('Notes on the comment policy', content), 'Notes on the comment policy'), CONTEXT);
    expect(article.body_text).toContain('Related posts');
    expect(article.body_text).toContain('Share this');
    expect(article.body_text).toContain('please link to the original source');
  });

  it('a related-posts box after the post, its title over links, still goes', () => {
    const content = `<p>Readers often ask how comments are moderated on this site, so here is the short version of the policy.</p><p>Older posts on the same subject are linked at the end of each article, chosen by hand by the editors.</p><h3>Related posts</h3><ul><li><a href="/?p=3">Planting garlic in the autumn months</a></li><li><a href="/?p=4">Why compost needs air to work</a></li></ul>`;
    const article = extractArticle(wrapped(page('Notes on the comment policy', content), 'Notes on the comment policy'), CONTEXT);
    expect(article.body_text).toContain('chosen by hand by the editors');
    expect(article.body_text).not.toContain('Related posts');
  });
});
