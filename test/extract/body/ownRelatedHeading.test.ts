import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * A short post whose own section is headed "Related posts", under a comment thread longer than the post (Newspack,
 * Zakra). The post's article is no related-stories box: its heading heads a paragraph of prose, where a box's
 * title heads links or cards. Taken for one, the article came back only through the safety net, with the Jetpack
 * likes box inside its content kept.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const LIKES = `<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" id="like-post-wrapper-1-9"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>`;
const COMMENTS = `<div id="comments" class="comments-area"><h2 class="comments-title">3 Comments</h2><ol class="comment-list">${[1, 2, 3]
  .map(
    (i) =>
      `<li id="comment-${i}" class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Reader ${i}</b> <span class="says">says:</span></footer><div class="comment-content"><p>I have followed this archive for a couple of years now, and the way the summaries are put together has improved a great deal: the sources are named, the dates are right, and the duplicates are gone. Thank you for the work, comment ${i}.</p></div></article></li>`,
  )
  .join('')}</ol></div>`;

describe("a post's own 'Related posts' section", () => {
  it('does not make its article a related-stories box', () => {
    const content = `<p>Readers often ask how comments are moderated on this archive, so here is the short version.</p><h2>Related posts</h2><p>Older posts on the same subject are linked at the end of each article, chosen by hand.</p><h2>Share this</h2><p>You are welcome to share any article; please link to the original source as well.</p>${LIKES}`;
    const page = `<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Archive</a></p></header><div id="content" class="site-content"><div class="main-content"><header class="entry-header"><h1 class="entry-title">Notes on the comment policy</h1></header></div>
<div id="primary" class="content-area"><main id="main" class="site-main"><article id="post-9" class="post-9 page type-page status-publish hentry"><div class="entry-content">${content}</div></article>${COMMENTS}</main></div></div>`;
    const post: WpPost = {
      id: 9,
      link: 'https://agg.example/?page_id=9',
      title: { rendered: 'Notes on the comment policy &#8211; Archive' },
      content: { rendered: `${page}<p>[analyse_source url=&#8221;https://archive.example/?page_id=9&#8221;]</p>` },
    };
    const article = extractArticle(post, CONTEXT);
    expect(article.body_text).toMatch(/^Readers often ask/);
    expect(article.body_text).toMatch(/Related posts\s+Older posts on the same subject/);
    expect(article.body_text).toContain('please link to the original source as well.');
    for (const text of ['Like this', 'Loading', 'Reader 1']) expect(article.body_text).not.toContain(text);
    expect(article.removed.filter((entry) => entry.reason.startsWith('safety-net'))).toEqual([]);
  });
});
