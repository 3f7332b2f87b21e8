import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * The post on a classic theme page sits in a content area whose class says where the sidebar is (`content-area
 * sidebar-right`, Sydney and many others): that is no sidebar. The post must be read from it, and the plugin boxes
 * inside its the_content() (AddToAny share buttons, Jetpack likes, YARPP related posts) must go, as on every other
 * theme; taken back by the safety net from a dropped column, the post kept the likes box, and a cookie notice could
 * be taken for the body.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const SITE = 'Garden Notes';
const PLUGINS = `<div class="addtoany_share_save_container addtoany_content addtoany_content_bottom"><div class="addtoany_header">Share this:</div><div class="a2a_kit a2a_kit_size_32 addtoany_list"><a class="a2a_button_facebook" href="https://www.addtoany.com/add_to/facebook?linkurl=x" rel="nofollow noopener"><span class="a2a_label">Facebook</span></a><a class="a2a_button_email" href="https://www.addtoany.com/add_to/email?linkurl=x" rel="nofollow noopener"><span class="a2a_label">Email</span></a><a class="a2a_dd addtoany_share_save addtoany_share" href="https://www.addtoany.com/share"><span class="a2a_label">Share</span></a></div></div><div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" id="like-post-wrapper-1-9"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div><div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'><h3>Related posts:</h3><ol><li><a href="/?p=4" rel="bookmark">Planting garlic in the autumn months</a></li><li><a href="/?p=5" rel="bookmark">Why compost needs air to work</a></li><li><a href="/?p=6" rel="bookmark">The best tomatoes for a cold spring</a></li></ol></div>`;
const COMMENTS = `<div id="comments" class="comments-area"><h2 class="comments-title">3 Comments</h2><ol class="comment-list">${[1, 2, 3]
  .map(
    (i) =>
      `<li id="comment-${i}" class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Reader ${i}</b></footer><div class="comment-content"><p>I have followed this garden for a couple of years now, and the way the notes are written has improved a great deal: the dates are right, and the advice works on my own plot as well. Thank you, comment ${i}.</p></div></article></li>`,
  )
  .join('')}</ol></div>`;

/** What a newsletter and a cookie-notice plugin print at the end of every page. */
const FOOTER_PLUGINS = `<div class="mc4wp-form-wrap widget widget_mc4wp_form_widget"><h2 class="widget-title">Newsletter</h2><form id="mc4wp-form-1" class="mc4wp-form" method="post"><div class="mc4wp-form-fields"><p>Subscribe to our weekly newsletter and get the most important stories of the week, checked by our editors, in your inbox every Friday morning.</p><p><input type="email" name="EMAIL" placeholder="Your email address" required /></p></div></form></div><div id="cookie-law-info-bar" data-nosnippet="true"><span>This website uses cookies to improve your experience while you navigate through the website. We will assume you are ok with this, but you can opt out if you wish. <a role="button" class="cli_settings_button">Cookie settings</a><a role="button" id="cookie_action_close_header" class="cli_action_button">ACCEPT</a></span></div>`;

function wrapped(page: string, title: string): WpPost {
  return {
    id: 9,
    link: 'https://agg.example/?p=9',
    title: { rendered: `${title} &#8211; ${SITE}` },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://garden.example/?p=9&#8221;]</p>` },
  };
}

/** A reply form alone, under a post no one has commented on yet. */
const REPLY_FORM = `<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3><form class="comment-form"></form></div></div>`;

/** A short post written with core blocks. */
const BLOCKS_POST = `<p>The category pages now list sources in alphabetical order. Thanks to everyone who reported broken links last month.</p><h2>What changed</h2><p>This site collects and archives articles from public news sources for analysis. The category pages now list sources in alphabetical order.</p><ul><li>Faster imports</li><li>Cleaner article text</li><li>Fewer duplicates</li></ul><blockquote class="wp-block-quote"><p>Archive first, analyse later.</p></blockquote><figure class="wp-block-image size-large"><img src="https://garden.example/shelves.jpg" alt="Archive shelves" /></figure><hr class="wp-block-separator" /><p>Posted by the site team.</p>`;

function themePage(title: string, post: string, primaryClass: string, comments = COMMENTS): string {
  return `<header id="masthead" class="site-header" role="banner"><p class="site-title"><a href="/" rel="home">${SITE}</a></p><nav id="mainnav" class="mainnav"><ul class="menu"><li><a href="/about/">About</a></li></ul></nav></header>
<div id="content" class="page-wrap"><div class="container content-wrapper"><div class="row"><div id="primary" class="${primaryClass}"><main id="main" class="post-wrap" role="main">
<article id="post-9" class="post-9 post type-post status-publish hentry"><header class="entry-header"><h1 class="title-post entry-title">${title}</h1></header><div class="entry-content">${post}${PLUGINS}</div><footer class="entry-footer"><span class="tags-links"><a href="/?tag=archive" rel="tag">Archive</a></span></footer></article>${comments}</main></div>
<div id="secondary" class="widget-area col-md-3" role="complementary"><aside class="widget widget_text"><h3 class="widget-title">About</h3><div class="textwidget"><p>This blog has been written every week since 2009 by the people who keep the allotment by the river.</p></div></aside></div></div></div></div>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="site-info">Proudly powered by WordPress</div></footer>${FOOTER_PLUGINS}`;
}

const FURNITURE = ['Share this:', 'Like this', 'Loading', 'Planting garlic', 'Reader 1'];

describe('a content area named for its sidebar', () => {
  it('a content area named for its sidebar\'s place ("sidebar-right") is no sidebar: the post is read from it', () => {
    for (const comments of [COMMENTS, REPLY_FORM]) {
      const page = themePage('How we label sources', BLOCKS_POST, 'content-area sidebar-right col-md-9', comments);
      const article = extractArticle(wrapped(page, 'How we label sources'), CONTEXT);
      expect(article.body_text).toMatch(/^The category pages now list sources/);
      expect(article.body_text).toContain('Posted by the site team.');
      for (const text of FURNITURE) expect(article.body_text).not.toContain(text);
      expect(article.removed.filter((entry) => entry.reason.startsWith('safety-net'))).toEqual([]);
    }
  });
});
