import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * Title, author and date of a post on a classic theme's page (issue 14), where the theme prints other items' names
 * and dates beside the post's own: a page banner marked as the page's headline, readers' comments marked up as
 * schema.org `Comment`s with their authors and times, today's date in the site banner, related posts with their
 * dates, screen-reader labels glued to the author's name, and an author box's "view all posts" link.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const SITE = 'Riverside Gazette';
const TITLE = 'Weekly digest #1';
const POST_DATE = '2023-04-05T10:00:00+00:00';
const WP_DATE = '2023-04-06T08:00:00';
const PROSE = Array.from(
  { length: 4 },
  (_, i) => `<p>Paragraph ${i + 1} of the digest, long enough to be prose, with a comma, and a clause after it.</p>`,
).join('');

function wrapped(page: string, id = 9): WpPost {
  return {
    id,
    link: `https://agg.example/?p=${id}`,
    date: WP_DATE,
    date_gmt: WP_DATE,
    title: { rendered: `${TITLE} &#8211; ${SITE}` },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://gazette.example/?p=${id}&#8221;]</p>` },
  } as WpPost;
}

const banner = (extra = '', siteTitle = `<p class="main-title" itemprop="headline"><a href="/" rel="home">${SITE}</a></p>`) =>
  `<header id="masthead" class="site-header" itemscope itemtype="https://schema.org/WPHeader">${extra}${siteTitle}<nav class="main-navigation"><ul><li><a href="/about/">About</a></li></ul></nav></header>`;

/** Readers' comments with schema.org microdata: each has an author and a machine-readable time. */
const COMMENTS = `<div id="comments" class="comments-area"><h3 class="comments-title">2 thoughts on this</h3><ol class="comment-list">${[1, 2]
  .map(
    (i) =>
      `<li id="comment-${i}" class="comment"><article class="comment-body" itemscope itemtype="https://schema.org/Comment"><footer class="comment-meta"><div class="comment-author vcard" itemprop="author" itemscope itemtype="https://schema.org/Person"><cite itemprop="name" class="fn">Reader ${i}</cite></div><div class="entry-meta comment-metadata"><a href="#comment-${i}"><time datetime="2023-05-0${i}T09:00:00+00:00" itemprop="datePublished">May ${i}, 2023 at 9:00 am</time></a></div></footer><div class="comment-content" itemprop="text"><p>Comment ${i}: thank you for the digest, I read it every week and it has made the news easier to follow.</p></div></article></li>`,
  )
  .join('')}</ol></div>`;

const RELATED = `<section id="related-posts" class="clr"><h3 class="theme-heading related-posts-title"><span class="text">You Might Also Like</span></h3><div class="oceanwp-row clr">${[
  1, 2, 3,
]
  .map(
    (i) =>
      `<article class="related-post clr col"><h3 class="related-post-title"><a href="/?p=${i}" rel="bookmark">Weekly digest #${i + 1}</a></h3><time class="published" datetime="2023-03-0${i}T08:00:00+00:00">March ${i}, 2023</time></article>`,
  )
  .join('')}</div></section>`;

describe('metadata of a post on a classic theme page', () => {
  it("the post's headline of its article item wins over a page banner marked as the page's headline", () => {
    // A title bar above the content names the section ("Blog") as the page's headline; the post's item has its own.
    const page = `${banner('', `<p class="site-title"><a href="/" rel="home">${SITE}</a></p>`)}<main id="main"><header class="page-header"><h1 class="page-header-title" itemprop="headline">Blog</h1><nav class="site-breadcrumbs"><a href="/">Home</a> &gt; <span>${TITLE}</span></nav></header>
<article id="post-9" class="post single-post-article" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting"><header class="entry-header"><h2 class="single-post-title entry-title" itemprop="headline">${TITLE}</h2></header><div class="entry-content" itemprop="text">${PROSE}</div></article></main>`;
    const article = extractArticle(wrapped(page), CONTEXT);
    expect(article.title).toBe(TITLE);
    expect(article.body_text).toMatch(/^Paragraph 1 of the digest/);
  });

  it("a page with no byline or date of its own takes neither from readers' comments", () => {
    const page = `${banner()}<main id="main"><article id="post-9" class="page" itemscope itemtype="https://schema.org/CreativeWork"><header class="entry-header"><h1 class="entry-title" itemprop="headline">${TITLE}</h1></header><div class="entry-content" itemprop="text">${PROSE}</div></article>${COMMENTS}</main>`;
    const article = extractArticle(wrapped(page), CONTEXT);
    expect(article.authors).toEqual([]);
    expect(article.published_at).not.toMatch(/^2023-05-0/);
  });

  it('the post\'s "entry-date published updated" time is its publication date, not a comment\'s time below it', () => {
    const page = `${banner()}<main id="main"><article id="post-9" class="post"><header class="entry-header"><h1 class="entry-title">${TITLE}</h1></header><div class="entry-content">${PROSE}</div>
<footer class="entry-footer"><span class="posted-on">Published <time class="entry-date published updated" datetime="${POST_DATE}">April 5, 2023</time></span></footer></article>${COMMENTS}</main>`;
    expect(extractArticle(wrapped(page), CONTEXT).published_at).toBe('2023-04-05T10:00:00.000Z');
  });

  it("a post dated in plain text takes no date from today's date in the site banner or from related posts", () => {
    const today = '<div class="cm-top-bar"><div class="date-in-header">Monday, May 8, 2023</div></div>';
    const page = `${banner(today)}<main id="main"><article id="post-9" class="post"><header class="entry-header"><h1 class="entry-title">${TITLE}</h1></header><ul class="meta"><li class="meta-date">April 5, 2023</li></ul><div class="entry-content">${PROSE}</div>${RELATED}</article>${COMMENTS}</main>`;
    expect(extractArticle(wrapped(page), CONTEXT).published_at).toMatch(/^2023-04-05/);
    // The same page without a date of its own: still none of theirs.
    const undated = page.replace('<ul class="meta"><li class="meta-date">April 5, 2023</li></ul>', '');
    expect(extractArticle(wrapped(undated), CONTEXT).published_at).not.toMatch(/^2023-0[35]/);
  });

  const bylinePage = (byline: string, after = '') =>
    `${banner()}<main id="main"><article id="post-9" class="post"><header class="entry-header"><h1 class="entry-title">${TITLE}</h1>${byline}</header><div class="entry-content">${PROSE}</div>${after}</article></main>`;

  it('the author is the name, not the screen-reader label glued to it', () => {
    const byline = `<div class="entry-meta"><span class="byline"><span class="screen-reader-text">Posted by</span><span class="author vcard"><a class="url fn n" href="/author/ann/">Ann Lee</a></span></span></div>`;
    expect(extractArticle(wrapped(bylinePage(byline)), CONTEXT).authors).toEqual(['Ann Lee']);
  });

  it('the "view all posts" link of an author box is no second author; a fuller name is kept', () => {
    const byline = `<span class="byline">By <a class="url fn n" href="/author/ann/" rel="author">Ann Lee</a></span>`;
    const authorBox = (link: string) => `<div class="author-bio"><a class="author-link" href="/author/ann/" rel="author">${link}</a></div>`;
    expect(extractArticle(wrapped(bylinePage(byline, authorBox("View all of Ann Lee's posts."))), CONTEXT).authors).toEqual(['Ann Lee']);
    expect(extractArticle(wrapped(bylinePage(byline, authorBox('More from Ann Lee'))), CONTEXT).authors).toEqual(['Ann Lee']);
    expect(extractArticle(wrapped(bylinePage(byline, authorBox('Ann Lee Smith'))), CONTEXT).authors).toEqual(['Ann Lee', 'Ann Lee Smith']);
  });
});
