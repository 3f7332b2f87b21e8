import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * "Never lose an article" (issue 14) over the page shapes of common WordPress themes and builders: each theme's
 * single-post template built from inline markup of its real structure (class names, nesting, the boxes around the
 * post), holding a short, a medium and a long post, with a comment thread, related posts, an author box, share
 * buttons and a sidebar. The post must come back whole, and none of the furniture with it.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const TITLE = 'How the allotment survived the dry summer';

function scrapedPost(page: string, title = `${TITLE} | Garden Notes`) {
  const content = `${page}<p>[analyse_source url=&#8221;https://garden.example/2023/04/allotment/&#8221;]</p>`;
  return { id: 9, link: 'https://agg.example/?p=9', title: { rendered: title }, content: { rendered: content } };
}

const sentence = (i: number): string => `Sentence ${i} of the post explains, in plain words, how the beds were watered during the long dry weeks.`;
/** A post body of `n` paragraphs of two sentences each, with a subheading and a list in longer posts. */
function postBody(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (n > 4 && i === Math.floor(n / 2))
      out.push('<h2>What we would do differently</h2><ul><li>Water at dawn, not at noon.</li><li>Mulch every bed.</li></ul>');
    out.push(`<p>${sentence(2 * i + 1)} ${sentence(2 * i + 2)}</p>`);
  }
  return out.join('\n');
}

const MENU = '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/about/">About</a></li><li><a href="/archive/">Archive</a></li></ul>';
const TAGLINE = 'Notes from a small allotment on the edge of town';
const WIDGETS = `<aside class="widget widget_recent_entries"><h3 class="widget-title">Recent posts</h3><ul><li><a href="/a/">Planting garlic in the autumn months</a></li><li><a href="/b/">Why compost needs air to work</a></li></ul></aside>
<aside class="widget widget_text"><h3 class="widget-title">About</h3><div class="textwidget"><p>This sidebar text says who keeps the allotment, and that the blog has been written every week since 2009.</p></div></aside>`;
/** A classic theme prints the post's excerpt (hAtom `entry-summary`) above its text when the author wrote one. */
const POST_EXCERPT = 'The editors wrote this summary of the post for the front page, about a dry summer on the allotment.';
const AUTHOR_BIO = 'Ann writes about gardens, soil and water, and has kept an allotment for twenty years now.';
const RELATED = (n: number) => `Related story ${n} about sowing beans in a cold spring`;
const EXCERPT = (n: number) => `An excerpt of related story ${n}, a sentence long, about sowing beans when the nights are still cold.`;
const FOOTER_TEXT = 'Copyright 2023 Garden Notes. All rights reserved. Built with a WordPress theme.';

function comments(count: number): string {
  const items = Array.from(
    { length: count },
    (
      _,
      i,
    ) => `<li id="comment-${i + 1}" class="comment even thread-even depth-1"><article id="div-comment-${i + 1}" class="comment-body"><footer class="comment-meta"><b class="fn">Reader ${i + 1}</b></footer>
<div class="comment-content"><p>Comment ${i + 1}: I tried the same thing on my own plot, and honestly, the mulch made all the difference for us this year, more than the watering did.</p></div></article></li>`,
  ).join('');
  return `<div id="comments" class="comments-area"><h2 class="comments-title">${count} thoughts on this post</h2><ol class="comment-list">${items}</ol>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3><form class="comment-form" action="/wp-comments-post.php"><p class="comment-notes">Your email address will not be published.</p></form></div></div>`;
}

type Theme = (post: string, thread: string) => string;

const THEMES: Record<string, Theme> = {
  twentysixteen: (
    post,
    thread,
  ) => `<div id="page" class="site"><div class="site-inner"><header id="masthead" class="site-header" role="banner"><div class="site-header-main"><div class="site-branding"><p class="site-title"><a href="/" rel="home">Garden Notes</a></p><p class="site-description">${TAGLINE}</p></div></div></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main" role="main">
<article id="post-12" class="post-12 post type-post status-publish format-standard has-excerpt hentry category-news"><header class="entry-header"><h1 class="entry-title">${TITLE}</h1></header>
<div class="entry-summary"><p>${POST_EXCERPT}</p></div>
<div class="entry-content">${post}<div class="author-info"><div class="author-avatar"><img src="/a.jpg" alt="" class="avatar"></div><div class="author-description"><h2 class="author-title"><span class="author-heading">Author:</span> Ann</h2><p class="author-bio">${AUTHOR_BIO} <a class="author-link" href="/author/ann/" rel="author">View all posts by Ann</a></p></div></div></div>
<footer class="entry-footer"><span class="byline"><span class="author vcard"><a class="url fn n" href="/author/ann/">Ann</a></span></span><span class="posted-on"><a href="/p/" rel="bookmark"><time class="entry-date published" datetime="2023-04-05T10:00:00+02:00">April 5, 2023</time></a></span></footer></article>
${thread}<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/prev/" rel="prev"><span class="meta-nav" aria-hidden="true">Previous</span> <span class="post-title">${RELATED(9)}</span></a></div></div></nav>
</main></div><aside id="secondary" class="sidebar widget-area">${WIDGETS}</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info"><span class="site-title"><a href="/">Garden Notes</a></span> ${FOOTER_TEXT}</div></footer></div></div>`,

  generatepress: (
    post,
    thread,
  ) => `<header class="site-header grid-container" id="masthead"><div class="inside-header"><div class="site-branding"><p class="main-title"><a href="/">Garden Notes</a></p><p class="site-description">${TAGLINE}</p></div></div></header>
<nav class="main-navigation" id="site-navigation">${MENU}</nav>
<div class="site grid-container container hfeed" id="page"><div class="site-content" id="content"><div class="content-area" id="primary"><main class="site-main" id="main">
<article id="post-12" class="post-12 post type-post status-publish format-standard hentry category-news" itemscope><div class="inside-article">
<header class="entry-header"><h1 class="entry-title" itemprop="headline">${TITLE}</h1><div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2023-04-05T10:00:00+02:00">April 5, 2023</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/ann/"><span class="author-name">Ann</span></a></span></span></div></header>
<div class="entry-content" itemprop="text">${post}</div>
<footer class="entry-meta"><span class="cat-links">Categories <a href="/c/news/" rel="category tag">News</a></span><nav id="nav-below" class="post-navigation"><div class="nav-previous"><a href="/prev/" rel="prev">${RELATED(9)}</a></div></nav></footer>
</div></article>${thread}</main></div>
<div class="widget-area sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar">${WIDGETS}</div></div></div></div>
<div class="site-footer"><footer class="site-info"><div class="copyright-bar">${FOOTER_TEXT}</div></footer></div>`,

  astra: (
    post,
    thread,
  ) => `<div class="hfeed site" id="page"><header class="site-header header-main-layout-1 ast-primary-menu-enabled" id="masthead"><div class="main-header-bar-wrap"><div class="main-header-bar"><div class="ast-container"><div class="site-branding"><span class="site-title"><a href="/">Garden Notes</a></span><p class="site-description">${TAGLINE}</p></div>${MENU}</div></div></div></header>
<div id="content" class="site-content"><div class="ast-container"><div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="post-12 post type-post status-publish format-standard has-post-thumbnail hentry category-news ast-article-single" id="post-12" itemscope="itemscope"><div class="ast-post-format- single-layout-1">
<header class="entry-header"><div class="post-thumb-img-content post-thumb"><img src="/img.jpg" alt=""></div><h1 class="entry-title" itemprop="headline">${TITLE}</h1><div class="entry-meta"><span class="posted-by vcard author"><a href="/author/ann/">Ann</a></span> / <span class="posted-on"><span class="published">April 5, 2023</span></span></div></header>
<div class="entry-content clear" itemprop="text">${post}</div></div></article>
<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous"><a href="/prev/" rel="prev">${RELATED(9)}</a></div></div></nav>
<div class="ast-single-related-posts-container"><div class="ast-related-posts-title-section"><h2 class="ast-related-posts-title">Related Posts</h2></div><div class="ast-related-posts-wrapper"><article class="ast-related-post post-40 post type-post"><div class="ast-related-post-content"><header class="entry-header related-entry-header"><h3 class="ast-related-post-title entry-title"><a href="/r1/">${RELATED(1)}</a></h3></header><div class="entry-content clear"><p class="ast-related-post-excerpt">${EXCERPT(1)}</p></div></div></article><article class="ast-related-post post-41 post type-post"><div class="ast-related-post-content"><header class="entry-header related-entry-header"><h3 class="ast-related-post-title entry-title"><a href="/r2/">${RELATED(2)}</a></h3></header><div class="entry-content clear"><p class="ast-related-post-excerpt">${EXCERPT(2)}</p></div></div></article></div></div>
${thread}</main></div><div class="widget-area secondary" id="secondary"><div class="sidebar-main">${WIDGETS}</div></div></div></div>
<footer class="site-footer" id="colophon"><div class="ast-small-footer">${FOOTER_TEXT}</div></footer></div>`,

  divi: (
    post,
    thread,
  ) => `<div id="page-container"><header id="main-header"><div class="container clearfix et_menu_container"><div class="logo_container"><a href="/"><img src="/logo.png" alt="Garden Notes" id="logo"></a></div><div id="et-top-navigation"><nav id="top-menu-nav">${MENU}</nav></div></div></header>
<div id="et-main-area"><div id="main-content"><div class="container"><div id="content-area" class="clearfix"><div id="left-area">
<article id="post-12" class="et_pb_post post-12 post type-post status-publish format-standard hentry category-news"><div class="et_post_meta_wrapper"><h1 class="entry-title">${TITLE}</h1><p class="post-meta"><span class="author vcard"><a href="/author/ann/">Ann</a></span> | <span class="published">Apr 5, 2023</span> | <a href="/c/news/" rel="category tag">News</a></p></div>
<div class="entry-content">${post}</div><div class="et_post_meta_wrapper"><section id="comment-wrap">${thread}</section></div></article>
</div><div id="sidebar">${WIDGETS}</div></div></div></div>
<footer id="main-footer"><div id="footer-bottom"><div id="footer-info">${FOOTER_TEXT}</div></div></footer></div></div>`,

  twentytwentythree: (
    post,
    thread,
  ) => `<div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group is-layout-flex"><p class="wp-block-site-title"><a href="/">Garden Notes</a></p><p class="wp-block-site-tagline">${TAGLINE}</p><nav class="wp-block-navigation">${MENU}</nav></div></header>
<main class="wp-block-group is-layout-constrained"><div class="wp-block-group"><h1 class="wp-block-post-title">${TITLE}</h1></div>
<div class="entry-content wp-block-post-content is-layout-constrained">${post}</div>
<div class="wp-block-group"><div class="wp-block-post-date"><time datetime="2023-04-05T10:00:00+00:00">April 5, 2023</time></div><div class="taxonomy-category wp-block-post-terms"><a href="/c/news/" rel="tag">News</a></div></div>
<nav class="wp-block-group" aria-label="Post navigation"><div class="post-navigation-link-previous wp-block-post-navigation-link"><a href="/prev/" rel="prev">${RELATED(9)}</a></div></nav>
<div class="wp-block-comments">${thread}</div></main>
<footer class="wp-block-template-part"><div class="wp-block-group"><p class="has-text-align-center">${FOOTER_TEXT}</p></div></footer></div>`,

  newspaper: (
    post,
    thread,
  ) => `<div id="td-outer-wrap" class="td-theme-wrap"><div class="td-header-wrap td-header-style-1"><div class="td-header-menu-wrap-full">${MENU}</div><div class="td-banner-wrap-full"><div class="td-header-sp-logo"><a class="td-main-logo" href="/"><img src="/logo.png" alt=""><span class="td-visual-hidden">Garden Notes</span></a></div><div class="td-header-sp-recs"><div class="td-a-rec td-a-rec-id-header"><p>Advertisement</p></div></div></div></div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default"><div class="td-crumb-container"><div class="entry-crumbs"><span><a href="/">Home</a></span> <span><a href="/c/news/">News</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-12" class="post-12 post type-post status-publish format-standard hentry category-news"><div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="/c/news/">News</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">${TITLE}</h1><div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">By</div> <a href="/author/ann/">Ann</a></div><span class="td-post-date"><time class="entry-date updated td-module-date" datetime="2023-04-05T10:00:00+00:00">April 5, 2023</time></span><div class="td-post-views"><span class="td-nr-views-12">1234</span></div></div></header></div>
<div class="td-post-sharing-top"><div class="td-default-sharing"><a class="td-social-sharing-buttons td-social-facebook" href="https://facebook.example/share">Facebook</a><a class="td-social-sharing-buttons td-social-twitter" href="https://twitter.example/share">Twitter</a></div></div>
<div class="td-post-content tagdiv-type">${post}</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li><li><a href="/tag/water/">water</a></li></ul></div>
<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>Previous article</span><a href="/prev/">${RELATED(9)}</a></div></div></div>
<div class="author-box-wrap"><a href="/author/ann/"><img src="/a.jpg" alt=""></a><div class="desc"><div class="td-author-name vcard author"><span class="fn"><a href="/author/ann/">Ann</a></span></div><div class="td-author-description">${AUTHOR_BIO}</div></div></div></footer></article>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title"><a class="td-related-left td-cur-simple-item" href="#">RELATED ARTICLES</a></h4><div class="td-related-row">${[
    1, 2, 3,
  ]
    .map(
      (n) =>
        `<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack td_mod_related_posts"><div class="td-module-thumb"><a href="/r${n}/" class="td-image-wrap"><img src="/r${n}.jpg" alt=""></a></div><div class="item-details"><h3 class="entry-title td-module-title"><a href="/r${n}/" rel="bookmark">${RELATED(n)}</a></h3></div></div></div>`,
    )
    .join('')}</div></div>
${thread}</div></div><div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar">${WIDGETS}</div></div></div></div></div>
<div class="td-footer-wrapper"><div class="td-footer-bottom-full"><p>${FOOTER_TEXT}</p></div></div></div>`,

  jnews: (
    post,
    thread,
  ) => `<div class="jeg_viewport"><div class="jeg_header_wrapper"><div class="jeg_header normal"><div class="jeg_midbar jeg_container"><div class="jeg_logo jeg_desktop_logo"><h1 class="site-title"><a href="/">Garden Notes</a></h1></div>${MENU}</div></div></div>
<div class="post-wrapper"><div class="post-wrap"><div class="jeg_main"><div class="jeg_container"><div class="jeg_content jeg_singlepage"><div class="container"><div class="row"><div class="jeg_main_content col-md-8"><div class="jeg_inner_content">
<div class="jeg_breadcrumbs jeg_breadcrumb_container"><div id="breadcrumbs"><span><a href="/">Home</a></span></div></div>
<div class="entry-header"><h1 class="jeg_post_title">${TITLE}</h1><div class="jeg_meta_container"><div class="jeg_post_meta jeg_post_meta_1"><div class="meta_left"><div class="jeg_meta_author"><span class="meta_text">by</span> <a href="/author/ann/">Ann</a></div><div class="jeg_meta_date"><a href="/2023/04/05/">April 5, 2023</a></div></div></div></div></div>
<div class="jeg_featured featured_image"><a href="/img.jpg"><div class="thumbnail-container"><img src="/img.jpg" alt=""></div></a></div>
<div class="jeg_share_top_container"><div class="jeg_share_button clearfix"><div class="jeg_sharelist"><a href="https://facebook.example/share" class="jeg_btn-facebook"><span>Share on Facebook</span></a></div></div></div>
<div class="entry-content no-share"><div class="jeg_share_button share-float jeg_sticky_share clearfix"></div><div class="content-inner">${post}</div></div>
<div class="jnews_author_box_container"><div class="jeg_authorbox"><div class="jeg_author_content"><h3 class="jeg_author_name"><a href="/author/ann/">Ann</a></h3><p class="jeg_author_desc">${AUTHOR_BIO}</p></div></div></div>
<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_postblock jeg_module_hook"><div class="jeg_block_heading"><h3 class="jeg_block_title"><span>Related<strong> Posts</strong></span></h3></div><div class="jeg_block_container"><div class="jeg_posts_wrap"><div class="jeg_posts">${[
    1, 2, 3,
  ]
    .map(
      (n) =>
        `<article class="jeg_post jeg_pl_md_5"><div class="jeg_thumb"><a href="/r${n}/"><img src="/r${n}.jpg" alt=""></a></div><div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="/r${n}/">${RELATED(n)}</a></h3><div class="jeg_post_excerpt"><p>${EXCERPT(n)}</p></div></div></article>`,
    )
    .join('')}</div></div></div></div></div>
<div class="jnews_comment_container">${thread}</div>
</div></div><div class="jeg_sidebar jeg_sticky_sidebar col-md-4">${WIDGETS}</div></div></div></div></div></div></div></div>
<div class="footer-holder" id="footer"><div class="jeg_footer"><p>${FOOTER_TEXT}</p></div></div></div>`,

  elementor: (
    post,
    thread,
  ) => `<div data-elementor-type="header" class="elementor elementor-10 elementor-location-header"><section class="elementor-section elementor-top-section"><div class="elementor-container"><div class="elementor-column"><div class="elementor-widget-wrap"><div class="elementor-element elementor-widget elementor-widget-theme-site-logo"><div class="elementor-widget-container"><a href="/"><img src="/logo.png" alt=""></a></div></div><div class="elementor-element elementor-widget elementor-widget-nav-menu"><div class="elementor-widget-container"><nav class="elementor-nav-menu--main">${MENU}</nav></div></div></div></div></div></section></div>
<div data-elementor-type="single-post" class="elementor elementor-20 elementor-location-single post-12 post type-post status-publish hentry category-news"><section class="elementor-section"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap">
<div class="elementor-element elementor-widget elementor-widget-theme-post-title elementor-page-title elementor-widget-heading"><div class="elementor-widget-container"><h1 class="elementor-heading-title elementor-size-default">${TITLE}</h1></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container"><ul class="elementor-inline-items elementor-icon-list-items elementor-post-info"><li class="elementor-icon-list-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author">Ann</span></li><li class="elementor-icon-list-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date">April 5, 2023</span></li></ul></div></div>
<div class="elementor-element elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">${post}</div></div>
<div class="elementor-element elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container"><div class="elementor-grid"><div class="elementor-grid-item"><div class="elementor-share-btn elementor-share-btn_facebook"><span class="elementor-share-btn__text">Facebook</span></div></div></div></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-navigation"><div class="elementor-widget-container"><div class="elementor-post-navigation"><div class="elementor-post-navigation__prev elementor-post-navigation__link"><a href="/prev/" rel="prev"><span class="post-navigation__prev--label">Previous</span><span class="post-navigation__prev--title">${RELATED(9)}</span></a></div></div></div></div>
<div class="elementor-element elementor-widget elementor-widget-posts"><div class="elementor-widget-container"><div class="elementor-posts-container elementor-posts elementor-grid">${[
    1, 2, 3,
  ]
    .map(
      (n) =>
        `<article class="elementor-post elementor-grid-item post-4${n} post type-post"><div class="elementor-post__text"><h3 class="elementor-post__title"><a href="/r${n}/">${RELATED(n)}</a></h3><div class="elementor-post__excerpt"><p>${EXCERPT(n)}</p></div><a class="elementor-post__read-more" href="/r${n}/">Read More »</a></div></article>`,
    )
    .join('')}</div></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-comments"><div class="elementor-widget-container">${thread}</div></div>
</div></div></div></section></div>
<div data-elementor-type="footer" class="elementor elementor-30 elementor-location-footer"><section class="elementor-section"><div class="elementor-widget-container"><p>${FOOTER_TEXT}</p></div></section></div>`,

  // Hello Elementor: a bare theme for Elementor sites; the post sits in `page-content`, which no rule knows as the_content().
  helloElementor: (
    post,
    thread,
  ) => `<a class="skip-link screen-reader-text" href="#content">Skip to content</a><header id="site-header" class="site-header"><div class="site-branding"><div class="site-title"><a href="/" rel="home">Garden Notes</a></div><p class="site-description">${TAGLINE}</p></div><nav class="site-navigation">${MENU}</nav></header>
<main id="content" class="site-main post-12 post type-post status-publish format-standard hentry category-news"><div class="page-header"><h1 class="entry-title">${TITLE}</h1></div>
<div class="page-content">${post}<div class="post-tags"><span class="tag-links">Tagged <a href="/t/water/" rel="tag">water</a></span></div></div>${thread}</main>
<footer id="site-footer" class="site-footer"><div class="footer-inner"><p>${FOOTER_TEXT}</p></div></footer>`,

  genesis: (
    post,
    thread,
  ) => `<div class="site-container"><header class="site-header"><div class="wrap"><div class="title-area"><p class="site-title"><a href="/">Garden Notes</a></p><p class="site-description">${TAGLINE}</p></div><nav class="nav-primary">${MENU}</nav></div></header>
<div class="site-inner"><div class="content-sidebar-wrap"><main class="content" id="genesis-content"><div class="breadcrumb">You are here: <a href="/">Home</a> / <a href="/c/news/">News</a></div>
<article class="post-12 post type-post status-publish format-standard category-news entry"><header class="entry-header"><h1 class="entry-title">${TITLE}</h1><p class="entry-meta"><time class="entry-time">April 5, 2023</time> by <span class="entry-author"><a href="/author/ann/" class="entry-author-link"><span class="entry-author-name">Ann</span></a></span> <span class="entry-comments-link"><a href="#comments">12 Comments</a></span></p></header>
<div class="entry-content">${post}</div><footer class="entry-footer"><p class="entry-meta"><span class="entry-categories">Filed Under: <a href="/c/news/" rel="category tag">News</a></span> <span class="entry-tags">Tagged With: <a href="/t/water/" rel="tag">water</a></span></p></footer></article>
<section class="author-box"><h4 class="author-box-title">About <span itemprop="name">Ann</span></h4><div class="author-box-content"><p>${AUTHOR_BIO}</p></div></section>
<div class="entry-comments" id="comments">${thread}</div></main>
<aside class="sidebar sidebar-primary widget-area" role="complementary">${WIDGETS}</aside></div></div>
<footer class="site-footer"><div class="wrap"><p>${FOOTER_TEXT}</p></div></footer></div>`,

  oceanwp: (
    post,
    thread,
  ) => `<div id="outer-wrap" class="site clr"><div id="wrap" class="clr"><header id="site-header" class="minimal-header clr"><div id="site-header-inner" class="clr container"><div id="site-logo" class="clr"><div id="site-logo-inner" class="clr"><a href="/" class="custom-logo-link"><img src="/logo.png" alt="Garden Notes"></a></div></div><div id="site-navigation-wrap" class="clr"><nav id="site-navigation" class="navigation main-navigation clr">${MENU}</nav></div></div></header>
<main id="main" class="site-main clr"><header class="page-header"><div class="container clr page-header-inner"><h1 class="page-header-title clr">Blog</h1><nav class="site-breadcrumbs clr"><ol class="trail-items"><li class="trail-item"><a href="/">Home</a></li></ol></nav></div></header>
<div id="content-wrap" class="container clr"><div id="primary" class="content-area clr"><div id="content" class="site-content clr"><article id="post-12"><div class="thumbnail"><img src="/img.jpg" alt=""></div>
<header class="entry-header clr"><h2 class="single-post-title entry-title">${TITLE}</h2></header><ul class="meta ospm-default clr"><li class="meta-author"><a href="/author/ann/">Ann</a></li><li class="meta-date">April 5, 2023</li><li class="meta-cat"><a href="/c/news/">News</a></li></ul>
<div class="entry-content clr">${post}</div><div class="post-tags clr"><span class="owp-tag-text">Tags: </span><a href="/t/water/" rel="tag">water</a></div>
<section id="author-bio" class="clr"><div id="author-bio-inner"><div class="author-bio-content clr"><h4 class="author-bio-title"><a href="/author/ann/">Ann</a></h4><div class="author-bio-description clr"><p>${AUTHOR_BIO}</p></div></div></div></section>
<section id="related-posts" class="clr"><h3 class="theme-heading related-posts-title"><span class="text">You Might Also Like</span></h3><div class="oceanwp-row clr">${[1, 2, 3].map((n) => `<article class="related-post clr col span_1_of_3"><h3 class="related-post-title"><a href="/r${n}/" rel="bookmark">${RELATED(n)}</a></h3><time class="published">March 2, 2023</time></article>`).join('')}</div></section>
${thread}</article></div></div><aside id="right-sidebar" class="sidebar-container widget-area sidebar-primary" role="complementary"><div id="right-sidebar-inner" class="clr">${WIDGETS}</div></aside></div></main>
<footer id="footer" class="site-footer"><div id="footer-bottom" class="clr"><div id="copyright" class="clr">${FOOTER_TEXT}</div></div></footer></div></div>`,

  twentyeleven: (
    post,
    thread,
  ) => `<div id="page" class="hfeed"><header id="branding" role="banner"><hgroup><h1 id="site-title"><span><a href="/" rel="home">Garden Notes</a></span></h1><h2 id="site-description">${TAGLINE}</h2></hgroup><nav id="access" role="navigation"><h3 class="assistive-text">Main menu</h3>${MENU}</nav></header>
<div id="main"><div id="primary"><div id="content" role="main"><nav id="nav-single"><h3 class="assistive-text">Post navigation</h3><span class="nav-previous"><a href="/prev/" rel="prev">Previous</a></span></nav>
<article id="post-12" class="post-12 post type-post status-publish format-standard hentry category-news"><header class="entry-header"><h1 class="entry-title">${TITLE}</h1><div class="entry-meta"><span class="sep">Posted on </span><a href="/2023/04/05/" rel="bookmark"><time class="entry-date" datetime="2023-04-05T10:00:00+00:00">April 5, 2023</time></a><span class="by-author"> by <span class="author vcard"><a class="url fn n" href="/author/ann/">Ann</a></span></span></div></header>
<div class="entry-content">${post}</div><footer class="entry-meta">This entry was posted in <a href="/c/news/" rel="category tag">News</a> by <a href="/author/ann/">Ann</a>. Bookmark the <a href="/p/" rel="bookmark">permalink</a>.</footer></article>
${thread}</div></div><div id="secondary" class="widget-area" role="complementary">${WIDGETS}</div></div>
<footer id="colophon" role="contentinfo"><div id="site-generator"><p>${FOOTER_TEXT}</p></div></footer></div>`,
};

/** Furniture some sites add around any theme: a long consent banner, Jetpack's related posts and share buttons inside the post. */
function withHostileExtras(page: Theme): Theme {
  const consent = `<div id="cookie-law-info-bar" class="cli-bar-container"><div class="cli-bar-message"><p>We and our partners use cookies and similar technologies to store and access personal data on your device, to measure audiences, to personalise content and ads, and to improve our services. By clicking accept you agree to this; you can change your choices or withdraw your consent at any time in the privacy settings, and you can opt out of the sale of your personal information under the CCPA. Some partners process data on the basis of legitimate interest, which you can object to.</p></div><a class="cli_action_button" href="#">Accept</a></div>`;
  const jetpack = `<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-facebook"><a class="share-facebook sd-button" href="/p/?share=facebook"><span>Share on Facebook</span></a></li></ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">${[1, 2, 3].map((n) => `<div class="jp-relatedposts-post jp-relatedposts-post${n}"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="/r${n}/">${RELATED(n)}</a></h4><p class="jp-relatedposts-post-excerpt">${EXCERPT(n)}</p></div>`).join('')}</div></div>`;
  return (post, thread) => `${page(post + jetpack, thread)}${consent}`;
}

const FURNITURE = [
  TAGLINE,
  POST_EXCERPT,
  'This sidebar text says',
  AUTHOR_BIO,
  'Related story 1',
  'An excerpt of related story',
  'Comment 1:',
  'Your email address',
  'Copyright 2023',
  'Share on Facebook',
];

describe('never lose an article: WordPress theme shapes', () => {
  for (const [theme, page] of Object.entries(THEMES)) {
    for (const [size, paragraphs, thread] of [
      ['a one-paragraph post under a long comment thread', 1, comments(12)],
      ['a three-paragraph post', 3, comments(2)],
      ['a 40-paragraph post', 40, comments(3)],
      ['a one-paragraph post with a consent banner, share buttons and related posts', 1, comments(5)],
    ] as const) {
      it(`${theme}: ${size} comes back whole, without the furniture around it`, () => {
        const shape = size.includes('consent') ? withHostileExtras(page) : page;
        const article = extractArticle(scrapedPost(shape(postBody(paragraphs), thread)), CONTEXT);
        expect(article.body_text).toMatch(/^Sentence 1 of the post/);
        expect(article.body_text).toContain(`Sentence ${2 * paragraphs} of the post`);
        if (paragraphs > 4) expect(article.body_text).toContain('Water at dawn, not at noon.');
        for (const text of FURNITURE) expect(article.body_text).not.toContain(text);
        expect(article.title).toBe(TITLE);
      });
    }
  }
});

/** Paragraphs `from`..`to` of a post, two sentences each. */
const textOf = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `<p>${sentence(2 * (from + i) - 1)} ${sentence(2 * (from + i))}</p>`).join('');
const BUILT_HEADING = 'Why the water mattered';

/**
 * Posts built with a page builder, as the builder writes them from the_content(): a heading module and a text
 * module in one row, an image module beside a second text module in the next, so the post's text is split over
 * several modules in separate rows and columns. Each builder's own class names and nesting.
 */
const BUILT: Record<string, (paragraphs: number) => string> = {
  elementor: (n) => {
    const widget = (type: string, inner: string) =>
      `<div class="elementor-element elementor-element-${type.length}a9 elementor-widget elementor-widget-${type}" data-widget_type="${type}.default"><div class="elementor-widget-container">${inner}</div></div>`;
    const section = (inner: string) =>
      `<section class="elementor-section elementor-top-section elementor-element elementor-section-boxed"><div class="elementor-container elementor-column-gap-default"><div class="elementor-column elementor-col-100 elementor-top-column elementor-element"><div class="elementor-widget-wrap elementor-element-populated">${inner}</div></div></div></section>`;
    return `<div data-elementor-type="wp-post" data-elementor-id="12" class="elementor elementor-12">${section(
      widget('heading', `<h2 class="elementor-heading-title elementor-size-default">${BUILT_HEADING}</h2>`) + widget('text-editor', textOf(1, n - 1)),
    )}${section(widget('image', '<img src="/beds.jpg" alt="">') + widget('text-editor', textOf(n, n)))}</div>`;
  },
  siteorigin: (n) => {
    const panel = (id: string, type: string, inner: string) =>
      `<div id="panel-12-${id}" class="so-panel widget widget_sow-${type} panel-first-child"><div class="so-widget-sow-${type} so-widget-sow-${type}-base">${inner}</div></div>`;
    const editor = (html: string) => `<div class="siteorigin-widget-tinymce textwidget">${html}</div>`;
    return `<div id="pl-12" class="panel-layout"><div id="pg-12-0" class="panel-grid panel-no-style"><div id="pgc-12-0-0" class="panel-grid-cell">${panel('0-0-0', 'headline', `<h2 class="sow-headline">${BUILT_HEADING}</h2>`)}${panel('0-0-1', 'editor', editor(textOf(1, n - 1)))}</div></div>
<div id="pg-12-1" class="panel-grid panel-no-style"><div id="pgc-12-1-0" class="panel-grid-cell">${panel('1-0-0', 'image', '<img src="/beds.jpg" alt="">')}</div><div id="pgc-12-1-1" class="panel-grid-cell">${panel('1-1-0', 'editor', editor(textOf(n, n)))}</div></div></div>`;
  },
  divi: (n) =>
    `<div class="et-l et-l--post"><div class="et_builder_inner_content et_pb_gutters3"><div class="et_pb_section et_pb_section_0 et_section_regular"><div class="et_pb_row et_pb_row_0"><div class="et_pb_column et_pb_column_4_4"><div class="et_pb_module et_pb_text et_pb_text_0"><div class="et_pb_text_inner"><h2>${BUILT_HEADING}</h2>${textOf(1, n - 1)}</div></div></div></div>
<div class="et_pb_row et_pb_row_1"><div class="et_pb_column et_pb_column_1_2"><div class="et_pb_module et_pb_image et_pb_image_0"><span class="et_pb_image_wrap"><img src="/beds.jpg" alt=""></span></div></div><div class="et_pb_column et_pb_column_1_2"><div class="et_pb_module et_pb_text et_pb_text_1"><div class="et_pb_text_inner">${textOf(n, n)}</div></div></div></div></div></div></div>`,
  wpbakery: (n) =>
    `<div class="vc_row wpb_row vc_row-fluid"><div class="wpb_column vc_column_container vc_col-sm-12"><div class="vc_column-inner"><div class="wpb_wrapper"><h2 class="vc_custom_heading">${BUILT_HEADING}</h2><div class="wpb_text_column wpb_content_element"><div class="wpb_wrapper">${textOf(1, n - 1)}</div></div></div></div></div></div>
<div class="vc_row wpb_row vc_row-fluid"><div class="wpb_column vc_column_container vc_col-sm-6"><div class="vc_column-inner"><div class="wpb_wrapper"><div class="wpb_single_image wpb_content_element"><figure class="wpb_wrapper vc_figure"><img src="/beds.jpg" alt=""></figure></div></div></div></div><div class="wpb_column vc_column_container vc_col-sm-6"><div class="vc_column-inner"><div class="wpb_wrapper"><div class="wpb_text_column wpb_content_element"><div class="wpb_wrapper">${textOf(n, n)}</div></div></div></div></div></div>`,
  gutenberg: (n) =>
    `<h2 class="wp-block-heading">${BUILT_HEADING}</h2>${textOf(1, n - 1)}<div class="wp-block-columns is-layout-flex"><div class="wp-block-column is-layout-flow"><figure class="wp-block-image size-large"><img src="/beds.jpg" alt=""></figure></div><div class="wp-block-column is-layout-flow">${textOf(n, n)}</div></div>`,
};

describe('never lose an article: posts built with a page builder', () => {
  for (const [builder, build] of Object.entries(BUILT)) {
    for (const theme of ['twentysixteen', 'elementor', 'helloElementor'] as const) {
      for (const paragraphs of [1, 2, 4, 12]) {
        it(`${builder} on ${theme}: a built post of ${paragraphs} paragraphs in two rows comes back whole, every text module`, () => {
          const article = extractArticle(scrapedPost(THEMES[theme]!(build(paragraphs), comments(3))), CONTEXT);
          for (let i = 1; i <= 2 * paragraphs; i++) expect(article.body_text).toContain(`Sentence ${i} of the post`);
          expect(article.body_text).toContain(BUILT_HEADING);
          for (const text of FURNITURE) expect(article.body_text).not.toContain(text);
          expect(article.title).toBe(TITLE);
        });
      }
    }
  }
});

/** News page shapes (no WordPress post marker): a story among the boxes news sites put around and inside it. */
const story = (n: number, from = 1): string =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${from + i} of the story says that the council met on Tuesday, and that the new bridge, long delayed, will open in May.</p>`,
  ).join('');
const MOST_READ = `<div class="most-read"><h2>Most read</h2><ol>${[1, 2, 3, 4, 5].map((n) => `<li><a href="/m${n}/">Most read story number ${n} about the city budget</a></li>`).join('')}</ol></div>`;
const TEASER_GRID = (heading: string) =>
  `<section class="teaser-grid"><h2>${heading}</h2>${[1, 2, 3, 4, 5, 6]
    .map(
      (n) =>
        `<article class="teaser teaser_${1000 + n}"><a href="/t${n}/"><img src="/t${n}.jpg" alt=""></a><h3><a href="/t${n}/">Teaser headline ${n} about the harbour</a></h3><p>Teaser summary ${n}: a sentence or two about another story of the city, its harbour and its people.</p></article>`,
    )
    .join('')}</section>`;

function newsPost(page: string, title: string) {
  return { ...scrapedPost(page, title), content: { rendered: `${page}<p>[analyse_source url=&#8221;https://news.example/bridge/&#8221;]</p>` } };
}

describe('never lose an article: news page shapes', () => {
  it('a story under an h1 that the search-engine title does not repeat, in a block named like a teaser, is read before the text below', () => {
    // A landing page: the intro block holds the page's h1 and a few paragraphs, a CMS names every block "teaser_<id>",
    // and a longer text section follows the teaser grid.
    const intro = `<article class="content-block teaser_287" data-qa-id="Introtext"><h1 class="headline">The bridge opens in May</h1><div class="text"><p>Welcome! The council has decided, after a long debate lasting into the night, that the bridge will open in May; the mayor, the engineers and the neighbours agree.</p><p>It will carry cars, bicycles and the tram, and its opening will be marked by a fair on both banks of the river.</p></div></article>`;
    const page = `<header class="site-header"><p>City News</p></header><main>${intro}${TEASER_GRID('Current projects')}<section class="text-block"><h2>How the bridge was built</h2>${story(6)}</section></main>${MOST_READ}`;
    const article = extractArticle(newsPost(page, 'New bridge: opening date & fair | City News') as never, CONTEXT);
    expect(article.body_text).toMatch(/^Welcome! The council has decided/);
    expect(article.body_text).toContain('Paragraph 6 of the story');
    expect(article.body_text).not.toContain('Teaser summary');
    expect(article.body_text).not.toContain('Most read story');
  });

  it('a story with a standfirst, split by ad slots and an inline "read also" box, comes back whole', () => {
    const readAlso = `<div class="inline-box lesen-sie-auch"><h3>Lesen Sie auch</h3><ul><li><a href="/x/">The old bridge closes for good next week</a></li></ul></div>`;
    const ad = (n: number) => `<div class="ad-container" id="ad-slot-${n}"><p>Anzeige</p></div>`;
    const page = `<header class="site-header"><p>City News</p></header><div class="page"><article class="story"><header class="story-header"><h1>The bridge opens in May</h1><p class="article-teaser">After six years of building, the new bridge over the river will open to traffic in May, the council said on Tuesday.</p><div class="byline">By Ann Smith, 5 April 2023, 10:00</div></header>
<div class="story-text">${story(4)}${ad(1)}${story(4, 5)}${readAlso}${story(4, 9)}${ad(2)}${story(4, 13)}</div></article>${TEASER_GRID('More from the city')}${MOST_READ}</div>`;
    const article = extractArticle(newsPost(page, 'The bridge opens in May - City News') as never, CONTEXT);
    expect(article.body_text).toMatch(/^After six years of building/);
    expect(article.body_text).toContain('Paragraph 16 of the story');
    for (const text of ['Anzeige', 'The old bridge closes', 'Teaser summary', 'Most read story', 'By Ann Smith']) expect(article.body_text).not.toContain(text);
  });

  it('a two-paragraph news brief above a long comment section and teaser grids is the body', () => {
    const comments = Array.from(
      { length: 15 },
      (_, i) =>
        `<li class="comment"><p>Reader ${i} writes: I walked over the old bridge every day for twenty years, and I will miss it, to be honest.</p></li>`,
    ).join('');
    const page = `<div class="page"><div class="article"><h1>The bridge opens in May</h1><div class="article__body">${story(2)}</div></div>${TEASER_GRID('Latest news')}<div id="comments"><h2>15 comments</h2><ol>${comments}</ol></div>${MOST_READ}</div>`;
    const article = extractArticle(newsPost(page, 'The bridge opens in May') as never, CONTEXT);
    expect(article.body_text).toMatch(/^Paragraph 1 of the story/);
    expect(article.body_text).toContain('Paragraph 2 of the story');
    for (const text of ['Reader 1 writes', 'Teaser summary', 'Most read story']) expect(article.body_text).not.toContain(text);
  });

  it('a date line above the post is not body, and a date heading inside the post stays', () => {
    const diary = `<h3>April 3, 2023</h3>${postBody(1)}<h3>April 4, 2023</h3><p>Rain at last, and the beds drank all of it overnight.</p>`;
    const page = THEMES.newspaper!(diary, '');
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toMatch(/^April 3, 2023/);
    expect(article.body_text).toContain('April 4, 2023');
    expect(article.body_text).not.toContain('April 5, 2023');
  });

  it('a modal dialog the page opens on demand (an author sign-up box) is not part of the story beside it', () => {
    const modal = `<div id="account-request" class="col-lg-12 modal fade"><div class="modal-dialog"><div class="modal-content"><div class="modal-body"><p>Your account is not approved yet. To become an approved author, you must have at least two complete articles in your account.</p><p>The articles must be unique and contain no content copied from other websites, books or magazines.</p></div></div></div></div>`;
    const page = `<div class="page"><div class="article"><h1>The bridge opens in May</h1><div class="text">${story(3)}${modal}</div></div></div>`;
    const article = extractArticle(newsPost(page, 'The bridge opens in May') as never, CONTEXT);
    expect(article.body_text).toMatch(/^Paragraph 1 of the story/);
    expect(article.body_text).toContain('Paragraph 3 of the story');
    expect(article.body_text).not.toContain('approved author');
  });
});
