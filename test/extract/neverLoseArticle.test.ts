import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../src/wpPost.js';

/**
 * "Never lose an article" (issue 14): one shape per failure class seen on real WordPress theme pages, built
 * from inline markup of the same structure (no page text copied). Each page holds a plain post that the
 * extractor once returned empty, cut short, or swapped for a block of page furniture.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

/** A scraped theme page wrapped as the aggregator stores it. */
function themePost(body: string, title = 'How the allotment survived the dry summer | Garden Notes') {
  const content = `${body}<p>[analyse_source url=&#8221;https://garden.example/2011/11/allotment/&#8221;]</p>`;
  return { id: 9, link: 'https://agg.example/?p=9', title: { rendered: title }, content: { rendered: content } };
}

const sentence = (i: number): string =>
  `Sentence ${i} of the post explains, in plain words, how the beds were watered during the long dry weeks of the summer.`;
/** A post body of `n` paragraphs of two sentences each. */
const paragraphs = (n: number, from = 1): string =>
  Array.from({ length: n }, (_, i) => `<p>${sentence(from + 2 * i)} ${sentence(from + 2 * i + 1)}</p>`).join('\n');

const MENU =
  '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/about/">About</a></li><li><a href="/archive/">Archive</a></li><li><a href="/contact/">Contact</a></li></ul>';
const SIDEBAR = `<div id="secondary" class="widget-area" role="complementary"><aside class="widget widget_recent_entries"><h3 class="widget-title">Recent posts</h3><ul><li><a href="/a/">Planting garlic in the autumn</a></li><li><a href="/b/">Why compost needs air</a></li></ul></aside></div>`;
const FOOTER = '<footer id="colophon"><p>Proudly powered by a blogging engine. Theme by a theme studio.</p></footer>';

/** A classic hAtom blog theme: header with a tagline, `div.hentry > h1.entry-title + div.entry-content`, comments, sidebar. */
function classicTheme(
  post: string,
  { postClass = 'post-123 post type-post status-publish format-standard hentry category-news', comments = '', areaClass = 'content-area' } = {},
): string {
  return `<div id="page" class="hfeed site">
<header id="masthead" class="site-header" role="banner"><div class="site-branding"><p class="site-title"><a href="/">Garden Notes</a></p>
<p class="description">Notes from a small allotment on the edge of town</p></div><nav id="site-navigation" class="main-navigation">${MENU}</nav></header>
<div id="content" class="site-content"><div id="primary" class="${areaClass}"><main id="main" class="site-main" role="main">
<div id="post-123" class="${postClass}">
<h1 class="entry-title">How the allotment survived the dry summer</h1>
<div class="entry-meta">Posted on <a href="/2011/11/28/" rel="bookmark"><abbr class="published" title="2011-11-28T23:26:26+0100">28/11/2011</abbr></a> by <span class="author vcard"><a class="url fn n" href="/author/ann/">Ann</a></span></div>
<div class="entry-content">${post}</div>
<div class="entry-utility">Published by Ann. Category: <a href="/category/news/" rel="category tag">News</a>. Tags: <a href="/tag/water/" rel="tag">water</a>, <a href="/tag/beds/" rel="tag">beds</a>.</div>
</div>
${comments}
</main></div>${SIDEBAR}</div>${FOOTER}</div>`;
}

/** A WordPress comment thread: `li.comment` items with long reader comments and a reply form. */
function commentThread(count: number, words: number): string {
  const comment = (
    i: number,
  ) => `<li id="comment-${i}" class="comment even thread-even depth-1"><article id="div-comment-${i}" class="comment-body"><footer class="comment-meta"><b class="fn">Reader ${i}</b> <time datetime="2011-11-29T10:00:00+00:00">November 29, 2011</time></footer>
<div class="comment-content">${Array.from({ length: words / 20 }, (_, k) => `<p>Comment ${i} paragraph ${k}: I tried the same thing on my own plot, and honestly, the mulch made all the difference for us this year.</p>`).join('')}</div><div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li>`;
  return `<div id="comments" class="comments-area"><h2 class="comments-title">${count} thoughts on the dry summer</h2><ol class="comment-list">${Array.from({ length: count }, (_, i) => comment(i + 1)).join('')}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published.</p></form></div></div>`;
}

describe('never lose an article: the post the theme marks is the body', () => {
  it('a classic hAtom post comes back whole, not as the header tagline nor the byline line', () => {
    const article = extractArticle(themePost(classicTheme(paragraphs(12))), CONTEXT);
    expect(article.body_text).toMatch(/^Sentence 1 of the post/);
    expect(article.body_text).toContain('Sentence 24 of the post');
    expect(article.body_text).not.toContain('Notes from a small allotment');
    expect(article.body_text).not.toContain('Published by Ann');
  });

  it('the site tagline in the header is no standfirst of a post on a theme with few wrappers', () => {
    const page = `<div id="wrapper" class="hfeed"><div id="header"><p id="blog-title"><a href="/">Garden Notes</a></p><p class="description">Notes from a small allotment on the edge of town, written every week.</p></div>
<div id="container"><div id="content"><div id="post-1" class="hentry p1 post publish category-news"><h2 class="entry-title">How the allotment survived the dry summer</h2>
<div class="entry-content">${paragraphs(6)}</div><div class="entry-meta">Published by admin. Category <a href="/c/">News</a>. Tags <a href="/t/">water</a></div></div></div></div></div>`;
    const article = extractArticle(themePost(page), CONTEXT);
    expect(article.body_text).toMatch(/^Sentence 1 of the post/);
    expect(article.body_text).toContain('Sentence 12 of the post');
    expect(article.body_text).not.toContain('Published by admin');
  });

  it('term classes of the post (tag-similar-plants, category-social-media) are not read as furniture hints', () => {
    const postClass = 'post-123 post type-post status-publish format-standard hentry category-social-media tag-similar-plants tag-comments tag-related-reading';
    const article = extractArticle(themePost(classicTheme(paragraphs(1), { postClass })), CONTEXT);
    expect(article.body_text).toMatch(/^Sentence 1 of the post/);
    expect(article.body_text).toContain('Sentence 2 of the post');
  });

  it('a comment thread longer than the post is not the body, nor part of it', () => {
    const article = extractArticle(themePost(classicTheme(paragraphs(1), { comments: commentThread(1, 400) })), CONTEXT);
    expect(article.body_text).toMatch(/^Sentence 1 of the post/);
    expect(article.body_text).toContain('Sentence 2 of the post');
    expect(article.body_text).not.toContain('the mulch made all the difference');
  });

  it('a short post (a one-line glossary entry) between theme bands is the article', () => {
    const entry = '<p>Mulch: a layer of material spread over the soil to keep it moist.</p>';
    const article = extractArticle(themePost(classicTheme(entry)), CONTEXT);
    expect(article.body_text).toBe('Mulch: a layer of material spread over the soil to keep it moist.');
    const short = extractArticle(themePost(classicTheme(paragraphs(1))), CONTEXT);
    expect(short.body_text).not.toContain('Published by Ann');
  });

  it('a post wrapped by an unclosed menu section (page-builder theme) is still found by its post-content module', () => {
    // A mirrored page-builder theme whose menu section never closes: every later band sits inside it.
    const page = `<div id="page-container"><div id="et-main-area"><div class="et_pb_section et_pb_section_3 et_pb_fullwidth_section et_pb_section--with-menu">
<div class="et_pb_fullwidth_menu"><nav class="fullwidth-menu-nav">${MENU}</nav></div>
<div class="et_pb_row"><div class="et_pb_text"><div class="et_pb_text_inner"><a href="/category/soil/">Soil</a> | <a href="/category/water/">Water</a></div></div><div class="et_pb_text"><div class="et_pb_text_inner">Mulch</div></div><div class="et_pb_text"><div class="et_pb_text_inner">05 / 07 / 2014</div></div></div>
<div class="et_pb_row"><div class="et_pb_module et_pb_post_content et_pb_post_content_0_tb_body"><p>A layer of material spread over the soil keeps it moist, cool and free of weeds through the summer.</p></div></div>
<div class="et_pb_row"><div class="et_pb_text"><div class="et_pb_text_inner">Por <a href="/author/ann/">Ann</a></div></div></div>
</div></div></div>`;
    const article = extractArticle(themePost(page, 'Mulch | Garden Notes'), CONTEXT);
    // Found by the rules (the section's `--with-menu` modifier says what it holds, not what it is) or by the safety net.
    expect(article.body_text).toBe('A layer of material spread over the soil keeps it moist, cool and free of weeds through the summer.');
  });

  it('a long post is not cut to its first paragraphs by a mid-post box', () => {
    const box = '<div class="wp-block-group"><h2>Comments</h2></div>';
    const post = `${paragraphs(2)}${box}${paragraphs(40, 5)}`;
    const article = extractArticle(themePost(classicTheme(post)), CONTEXT);
    expect(article.body_text).toContain('Sentence 84 of the post');
  });

  it('a short post written loose in a builder module of the_content(), with the stray </p> wpautop() leaves after it, beats a one-line call to action in a <p> elsewhere, with no title heading on the page', () => {
    const text =
      'Endosomes are compartments bounded by membranes on every path into the cell. The early ones stay near the cell membrane, where the vesicles from it fuse with them, and many vesicles go back to the membrane from there.';
    const page = `<div id="page-container"><header id="main-header"><div class="logo_container"><a href="/"><img src="/logo.png" alt="Cell Notes"></a></div><nav id="top-menu-nav">${'<ul><li><a href="/">Home</a></li><li><a href="/cells/">Cells</a></li></ul>'}</nav></header>
<div id="et-main-area"><div id="main-content"><div class="et-l et-l--body"><div class="et_builder_inner_content">
<div class="et_pb_section et_pb_section_1_tb_body"><div class="et_pb_row"><div class="et_pb_column"><div class="et_pb_module et_pb_post_content et_pb_post_content_0_tb_body"><div class="et-l et-l--post"><div class="et_pb_section"><div class="et_pb_row"><div class="et_pb_column"><div class="et_pb_module et_pb_text"><div class="et_pb_text_inner">${text}</p>\n<p>&nbsp;</p></div>\n</p></div></div></div></div></div></div></div></div></div>
<div class="et_pb_section et_pb_section_6_tb_body"><div class="et_pb_row"><div class="et_pb_column"><div class="et_pb_module et_pb_text"><div class="et_pb_text_inner"><p>THANK YOU FOR VISITING MY PAGE, FOLLOW ME ON INSTAGRAM @cellnotes</p></div></div></div></div></div>
</div></div></div></div></div>`;
    const article = extractArticle(themePost(page, 'Endosomes - Cell Notes'), CONTEXT);
    expect(article.body_text).toBe(text);
  });

  it('a post with a stray </div> in its content (the browser ends entry-content there) comes back whole, and the theme after it stays out', () => {
    for (const between of [
      '',
      '<div id="fb-root"></div><p></p>',
      '<div class="wp-caption"><img src="/a.jpg"><p class="wp-caption-text">Photo: Ann</p></div>',
    ]) {
      const post = `${paragraphs(3)}</div>${between}${paragraphs(3, 7)}`;
      const article = extractArticle(themePost(classicTheme(post, { comments: commentThread(3, 40) })), CONTEXT);
      expect(article.body_text).toMatch(/^Sentence 1 of the post/);
      expect(article.body_text, between).toContain('Sentence 12 of the post');
      expect(article.body_text).not.toContain('Published by Ann');
      expect(article.body_text).not.toContain('Comment 1 paragraph');
    }
  });

  it('a post whose pasted HTML closes entry-content and opens boxes of its own (parts of another class, ads between) comes back whole; the theme after it stays out', () => {
    const caption =
      '<figure id="attachment_7" class="wp-caption alignleft"><img src="/b.jpg" class="size-medium wp-image-7"><figcaption class="wp-caption-text">The beds in May</figcaption></figure>';
    const post = `${paragraphs(2)}</div><div class="ad-row"><span>Advertisement</span></div><div class="story-part-2">${paragraphs(2, 5)}${caption}<h3>Mulch</h3>${paragraphs(1, 9)}</div>
<div class="ad-row"><span>Advertisement</span></div><div class="story-part-3"><blockquote><p>${sentence(11)}</p></blockquote>${paragraphs(1, 13)}</div>`;
    const article = extractArticle(themePost(classicTheme(post, { comments: commentThread(3, 40) })), CONTEXT);
    expect(article.body_text).toMatch(/^Sentence 1 of the post/);
    expect(article.body_text).toContain('Sentence 8 of the post');
    expect(article.body_text).toContain('Sentence 10 of the post');
    expect(article.body_text).toContain('Sentence 14 of the post');
    expect(article.body_text).not.toContain('Published by Ann');
    expect(article.body_text).not.toContain('Comment 1 paragraph');
  });

  it('a consent notice is never the body when the page marks the post', () => {
    const consent =
      '<div id="ccpa-banner" class="privacy-notice-bar"><p>We and our partners use cookies and similar technologies to store and access personal data on your device, to measure audiences and to personalise content. You can opt out of the sale of your personal information at any time under the CCPA.</p></div>';
    // The column holding a short post is named like a sidebar: a furniture hint on the post's wrapper. (Named for the
    // sidebar's place, `content-area right-sidebar`, it is read as the content area it is: sidebarLayoutClass.test.ts.)
    const article = extractArticle(themePost(consent + classicTheme(paragraphs(1), { areaClass: 'content-area sidebar-column' })), CONTEXT);
    expect(article.body_text).toMatch(/^Sentence 1 of the post/);
    expect(article.body_text).not.toContain('opt out of the sale');
    expect(article.removed.some((block) => block.reason.startsWith('safety-net'))).toBe(true);
  });
});

/** An ordinary news page (no post-body marker) whose story wrapper is named like a sidebar widget. */
function newsPage(after: string): ReturnType<typeof themePost> {
  const story = Array.from(
    { length: 5 },
    (_, i) => `<p>Paragraph ${i + 1} of the story says that the council met on Tuesday and that the new bridge, long delayed, will open in May.</p>`,
  ).join('');
  const page = `<div class="page"><header role="banner"><p>City News</p></header><div class="content-widget"><div class="story"><h1>The bridge opens in May</h1>${story}</div></div>
${after}<footer><p>Copyright City News, all rights reserved, since 1999.</p></footer></div>`;
  return scraped(page, 'The bridge opens in May', 'https://news.example/bridge/');
}

/** A page that marks no post, wrapped as the aggregator stores it, with its source address. */
function scraped(page: string, title: string, url: string): ReturnType<typeof themePost> {
  return { ...themePost(page, title), content: { rendered: `${page}<p>[analyse_source url=&#8221;${url}&#8221;]</p>` } };
}

const storyLine = (i: number): string =>
  `Line ${i + 1} of the story says that the council met on Tuesday, and that the new bridge, long delayed, will finally open in May.`;

/** A story of six lines written without <p>, in a wrapper named like a box, between two menus: it comes back whole. */
function expectWholeBoxedStory(wrapper: string, lines: string): void {
  const menu = '<ul><li><a href="/">Home</a></li><li><a href="/city/">City</a></li><li><a href="/sport/">Sport</a></li></ul>';
  const page = `<div class="site"><div class="top">${menu}</div><div class="${wrapper}"><h1>The bridge opens in May</h1><div class="txt">${lines}</div></div><div class="bottom">${menu}</div></div>`;
  const article = extractArticle(scraped(page, 'The bridge opens in May', 'https://news.example/bridge/'), CONTEXT);
  expect(article.body_text, wrapper).toMatch(/^Line 1 of the story/);
  expect(article.body_text, wrapper).toContain('Line 6 of the story');
}

describe('never lose an article: pages that mark no post', () => {
  it('an empty body on an ordinary news page gives way to the densest prose, read past its wrapper’s name', () => {
    const comments = Array.from(
      { length: 12 },
      (_, i) =>
        `<li class="comment"><p>Reader ${i} writes: I walked over the old bridge every day for twenty years, and I will miss it, to be honest.</p></li>`,
    ).join('');
    const article = extractArticle(newsPage(`<div id="comments"><h2>12 comments</h2><ol>${comments}</ol></div>`), CONTEXT);
    expect(article.body_text).toMatch(/^Paragraph 1 of the story/);
    expect(article.body_text).toContain('Paragraph 5 of the story');
    expect(article.body_text).not.toContain('Reader 1 writes');
    expect(article.removed.map((block) => block.reason)).toContain('safety-net: empty');
  });

  it('a story of short one-sentence paragraphs under its headline is no loser to longer paragraphs elsewhere: a notice gives way to it, a blurb follows it', () => {
    const lines = Array.from({ length: 5 }, (_, i) => `<p>Part ${i + 1}: the city said that the old water mains will be replaced by next spring.</p>`).join('');
    const block = (kind: string, text: string) =>
      `<div class="bottom"><div class="${kind}">${[1, 2].map((i) => `<p>${kind} ${i}: ${text}</p>`).join('')}</div></div>`;
    const notice = block(
      'notice',
      'this website uses cookies and similar technologies to improve your experience, to measure the audience and to show you personalised content; by continuing to browse you accept their use.',
    );
    const blurb = block(
      'about',
      'the Gazette has covered the valley since 1921, with reporters in every town, a weekly print edition, a daily newsletter, and, since last year, a podcast about local history.',
    );
    for (const [bottom, kept] of [
      [notice, false],
      [blurb, true],
    ] as const) {
      const page = `<div class="top"><ul><li><a href="/">Home</a></li><li><a href="/city/">City</a></li></ul></div><div class="wrap"><div class="left"><h1>Old water mains replaced by spring</h1><div class="txt">${lines}</div></div></div>${bottom}`;
      const article = extractArticle(scraped(page, 'Old water mains replaced by spring - Gazette', 'https://news.example/mains/'), CONTEXT);
      expect(article.body_text).toMatch(/^Part 1: the city said/);
      expect(article.body_text).toContain('Part 5: the city said');
      expect(article.body_text.includes('cookies')).toBe(false);
      expect(article.body_text.includes('about 1: the Gazette')).toBe(kept);
    }
  });

  it('a standfirst heading left open around the story (an unclosed <h2> before the article body) is read as the blocks it holds', () => {
    const lines = Array.from({ length: 6 }, (_, i) => `<p>${storyLine(i + 2)}</p>`).join('');
    const page = `<div class="site"><div class="col"><h1>The bridge opens in May</h1><p>${storyLine(0)}</p><p>${storyLine(1)}</p><h2 class="excerpt">The council has set a date at last.<div class="article-body">${lines}</div></h2></div></div>`;
    const article = extractArticle(scraped(page, 'The bridge opens in May', 'https://news.example/bridge/'), CONTEXT);
    expect(article.body_text).toMatch(/^Line 1 of the story/);
    expect(article.body_text).toContain('Line 6 of the story');
    expect(article.blocks.filter((block) => block.tag === 'p').length).toBeGreaterThanOrEqual(7);
  });

  it('a comment thread whose names say nothing is known by its links (commenters’ sites rel=ugc, reply and permalink links), and is not the body', () => {
    const comments = Array.from(
      { length: 3 },
      (
        _,
        i,
      ) => `<li class="q${i}" id="x${i}"><div class="k1"><span class="k2"><a href="https://reader${i}.example/" rel="external nofollow ugc">Reader ${i}</a></span> <span class="k3">July 1, 2011</span></div>
<div class="k4"><p>Reader ${i} writes: I saw the preview a couple of nights ago, and it looks identical to the original, which is not a bad thing at all, to be honest.</p><p>Remakes bring new viewers to the original, and that happened to me after watching the last one, so I am all for it.</p></div>
<a rel="nofollow" class="k5" href="/2011/06/episode-13/?replytocom=83${i}#respond">Reply</a></li>`,
    ).join('');
    const post = '<p>This week we discussed search filtering and the remake of an old film, in a short episode of the podcast.</p>';
    const page = `<div class="a1"><div class="a2"><h1>Episode 13: filters and remakes</h1>${post}</div><div class="a3"><h2>3 thoughts</h2><ol class="a4">${comments}</ol></div></div>`;
    const article = extractArticle(scraped(page, 'Episode 13: filters and remakes', 'https://pod.example/13/'), CONTEXT);
    expect(article.body_text).toContain('This week we discussed search filtering');
    expect(article.body_text).not.toContain('writes: I saw the preview');
  });

  it('a comment thread named in Spanish (`comentarios`) is no part of a short story above it', () => {
    const comments = Array.from(
      { length: 10 },
      (_, i) =>
        `<div class="cmt"><p>Lector ${i} escribe: cruzaba el puente viejo todos los días durante veinte años, y lo voy a echar de menos, la verdad.</p></div>`,
    ).join('');
    const story =
      '<p>El ayuntamiento dijo el martes que el puente nuevo, tanto tiempo retrasado, se abrirá por fin en mayo.</p><p>Los vecinos lo celebraron con una fiesta en la plaza.</p>';
    const page = `<div class="pagina"><div class="noticia"><h1>El puente abre en mayo</h1>${story}</div><section id="comentarios" class="articulo-comentarios"><h2>10 comentarios</h2>${comments}</section></div>`;
    const post = scraped(page, 'El puente abre en mayo', 'https://noticias.example/puente/');
    const article = extractArticle(post, CONTEXT);
    expect(article.body_text).toContain('El ayuntamiento dijo el martes');
    expect(article.body_text).toContain('Los vecinos lo celebraron');
    expect(article.body_text).not.toContain('Lector 1 escribe');
  });

  it('a story written as lines between <br>s (no <p>) is prose: its wrapper, named like a box, is not dropped, and an empty body finds it', () => {
    const plain = Array.from({ length: 6 }, (_, i) => storyLine(i)).join('<br><br>\n');
    // Lines styled inline (`<span>`) in a text box that also holds a subheading.
    const spans = `${Array.from({ length: 3 }, (_, i) => `<span>${storyLine(i)}</span>`).join('<br><br>')}<h2>What comes next</h2>${Array.from({ length: 3 }, (_, i) => `<span>${storyLine(i + 3)}</span>`).join('<br><br>')}`;
    for (const [wrapper, lines] of [
      ['story-readmore-wrap', plain],
      ['subscriber-content', plain],
      ['entry themeform share', spans],
    ] as const)
      expectWholeBoxedStory(wrapper, lines);
  });

  it('a story written in <div>s instead of <p>s is prose: its wrapper, named like a box, is not dropped', () => {
    const divs = Array.from({ length: 6 }, (_, i) => `<div class="t">${storyLine(i)}</div>`).join('\n');
    for (const wrapper of ['story-readmore-wrap', 'node-full paywall-metered']) expectWholeBoxedStory(wrapper, divs);
  });

  it('a modal dialog (Bootstrap, Foundation) and a donation box are no part of the story; an app layer named "...-modal" that holds the story is no dialog', () => {
    const story = Array.from(
      { length: 5 },
      (_, i) => `<p>Paragraph ${i + 1} of the story says that the council met on Tuesday, and that the new bridge, long delayed, will open in May.</p>`,
    ).join('');
    const notice =
      '<div class="reveal-modal" data-reveal><p>The tourist board runs these websites to promote the country as a destination, and the pictures on them are used with the permission of their owners.</p></div>';
    const donate =
      '<div class="mollie-donation-modal"><p>Your contribution helps us to keep our reporting free of charge and up to date for all of our readers.</p></div><div class="modal fade"><div class="modal-dialog"><div class="modal-body"><p>Sign in to read on: we send you a link by email, and you can follow the stories you like.</p></div></div></div>';
    const page = `<div class="render-target-modal render-target-active"><div class="story"><h1>The bridge opens in May</h1>${story}${notice}${donate}</div></div>`;
    const post = scraped(page, 'The bridge opens in May', 'https://news.example/bridge/');
    const article = extractArticle(post, CONTEXT);
    expect(article.body_text).toMatch(/^Paragraph 1 of the story/);
    expect(article.body_text).toContain('Paragraph 5 of the story');
    for (const text of ['The tourist board', 'Your contribution', 'Sign in to read on']) expect(article.body_text).not.toContain(text);
  });

  it('the next story loaded below the post (infinite scroll), longer than the post, is not the body: the post’s own headline says which is the post’s', () => {
    const para = (story: string, i: number, what: string) =>
      `<p>Paragraph ${i} of the ${story} says that ${what}, and the people of the town have been waiting for it for a long time now.</p>`;
    const own = Array.from({ length: 3 }, (_, i) => para('bridge story', i + 1, 'the new bridge will open in May')).join('');
    const next = Array.from({ length: 9 }, (_, i) => para('harbour story', i + 1, 'the harbour will be dredged in June')).join('');
    // The page's headline was edited after its <title> was written: it matches the post's title only loosely.
    const page = `<div class="page"><div class="story"><h1>The new bridge opens in May, after long delays</h1>${own}</div>
<div class="infinite-scroll"><div class="story"><h1>The harbour will be dredged in June</h1>${next}</div></div></div>`;
    // The same with the post's standfirst in a box of its own above its text, which the rules may read as the lead.
    const withLead = `<div class="page"><div class="story-header"><h1>The new bridge opens in May, after long delays</h1><div class="standfirst"><p>The council says the bridge will finally open in May, two years late, after a long fight over its cost.</p></div></div><div class="story-body">${own}</div>
<div class="infinite-scroll"><div class="story"><h1>The harbour will be dredged in June</h1>${next}</div></div></div>`;
    const post = scraped(page, 'The new bridge finally opens in May, after long delays | City News', 'https://news.example/bridge/');
    const article = extractArticle(post, CONTEXT);
    expect(article.body_text).toMatch(/^Paragraph 1 of the bridge story/);
    expect(article.body_text).toContain('Paragraph 3 of the bridge story');
    expect(article.body_text).not.toContain('harbour story');
    const led = extractArticle(
      { ...post, content: { rendered: `${withLead}<p>[analyse_source url=&#8221;https://news.example/bridge/&#8221;]</p>` } },
      CONTEXT,
    );
    expect(led.body_text).toContain('Paragraph 3 of the bridge story');
    expect(led.body_text).not.toContain('harbour story');
  });

  it('a story written straight into the page between <br>s and pictures, in no container, is the body', () => {
    const lines = Array.from(
      { length: 4 },
      (_, i) => `Line ${i + 1} of the notes says, in plain words, how the beds were watered during the long dry weeks of the summer.`,
    );
    const page = `<img src="/a.jpg" alt="">${lines.join('<br><br>')}<img src="/b.jpg" alt="">`;
    const post = scraped(page, 'Notes', 'https://notes.example/1/');
    const article = extractArticle(post, CONTEXT);
    for (const line of lines) expect(article.body_text).toContain(line);
  });

  it('teaser excerpts that outweigh the story are not the body when the story holds the title', () => {
    const excerpts = Array.from(
      { length: 12 },
      (_, i) =>
        `<article class="item"><h3><a href="/n/${i}">Other story ${i}</a></h3><p>An excerpt of another story number ${i}, a sentence or two long, about something else.</p></article>`,
    ).join('');
    const article = extractArticle(newsPage(`<div class="latest-news"><h2>Latest</h2>${excerpts}</div>`), CONTEXT);
    expect(article.body_text).toMatch(/^Paragraph 1 of the story/);
    expect(article.body_text).toContain('Paragraph 5 of the story');
    expect(article.body_text).not.toContain('An excerpt of another story');
    expect(article.removed.map((block) => block.reason)).toContain('safety-net: elsewhere');
  });
});

describe('never lose an article: the post’s own lines', () => {
  it('keeps link-dense sentences and the podcast’s media links inside the_content, and still drops a linked headline', () => {
    const mp3 = 'https://media.example/show/episode-62.mp3';
    const post = `${paragraphs(2)}
<p>Visit our <a href="https://social.example/show">community page</a> or write to us at <a href="https://social.example/@show">@show</a></p>
<p><a href="https://charity.example/donate">Our thoughts go out to everyone hit by the storm. Please consider a donation, however small, to the relief fund.</a></p>
<p>Related: <a href="/2011/10/compost/">Why does compost need air?</a></p>
<p class="podcast_links">Podcast: <a href="${mp3}">Play in new window</a> | <a href="${mp3}" download>Download</a></p>`;
    const article = extractArticle(themePost(classicTheme(post)), CONTEXT);
    expect(article.body_text).toContain('Visit our community page or write to us at @show');
    expect(article.body_text).toContain('Please consider a donation, however small, to the relief fund.');
    expect(article.body_text).toContain('Podcast: Play in new window | Download');
    expect(article.body_text).not.toContain('Why does compost need air?');
  });

  it('keeps a reading list (titles of other sites’ pages) on a page that does not say where the post is, and drops the site’s own link lists', () => {
    const titles = ['How archives decide what to keep', 'A history of the press release', 'Why dates in feeds go wrong'];
    const list = `<ul>${titles.map((title, i) => `<li><a href="https://news${i}.example/story">${title}</a></li>`).join('')}</ul>`;
    const ownLinks =
      '<ul><li><a href="https://garden.example/2011/10/compost/">Why compost needs air to work</a></li><li><a href="https://garden.example/2011/09/garlic/">Planting garlic in the autumn months</a></li></ul>';
    const profiles = '<ul><li><a href="https://social.example/garden">Facebook</a></li><li><a href="https://photos.example/garden">Photos</a></li></ul>';
    // A news theme's page: the text loose in a card box, the comment thread after it, no class saying where the post is.
    const page = `<main class="page-class content"><div class="col-md-8"><div class="mg-card-box padding-20"><p>Five pieces worth your time this week, picked by the editors.</p>${list}${ownLinks}${profiles}
${commentThread(3, 60)}</div></div></main>`;
    const article = extractArticle(themePost(page, 'Reading list for the week | Garden Notes'), CONTEXT);
    for (const title of titles) expect(article.body_text).toContain(title);
    expect(article.body_text).not.toContain('Why compost needs air');
    expect(article.body_text).not.toContain('Facebook');
    expect(article.body_text).not.toContain('Comment 1 paragraph');
  });

  it('drops the same link-dense lines on a page that does not say where the post is', () => {
    const line =
      '<p>Visit our <a href="https://social.example/show">community page on the social network</a> or <a href="https://social.example/@show">@show</a></p>';
    const page = `<div class="story">${paragraphs(3)}${line}</div>`;
    const article = extractArticle(themePost(page), CONTEXT);
    expect(article.body_text).toContain('Sentence 6 of the post');
    expect(article.body_text).not.toContain('Visit our community page');
  });
});

describe('never lose an article: the post’s section headings', () => {
  it('keeps a heading of the post named like a box ("Related posts", "Share this") when its section is prose, and drops a share box’s title', () => {
    const post = `${paragraphs(1)}<h2>Related posts</h2>${paragraphs(1, 3)}<h3>Share this</h3>${paragraphs(1, 5)}
<h3>Share this:</h3><ul class="share-buttons"><li><a href="https://social.example/share">Facebook</a></li><li><a href="https://chat.example/share">Chat</a></li></ul>`;
    const article = extractArticle(themePost(classicTheme(post)), CONTEXT);
    expect(article.body_text).toMatch(/Related posts\s+Sentence 3 of the post/);
    expect(article.body_text).toMatch(/Share this\s+Sentence 5 of the post/);
    expect(article.body_text).not.toContain('Share this:');
    expect(article.body_text).not.toContain('Facebook');
  });

  it('keeps such a heading over a paragraph of prose also on a page that does not say where the post is (a box title heads links)', () => {
    const page = `<div class="story">${paragraphs(2)}<h2>Related posts</h2>${paragraphs(1, 5)}</div>`;
    expect(extractArticle(themePost(page), CONTEXT).body_text).toMatch(/Related posts\s+Sentence 5 of the post/);
    const box = `<div class="story">${paragraphs(2)}<h2>Related posts</h2><ul><li><a href="/a/">Planting garlic in the autumn months</a></li><li><a href="/b/">Why compost needs air to work</a></li></ul></div>`;
    expect(extractArticle(themePost(box), CONTEXT).body_text).not.toContain('Related posts');
  });
});

describe('never lose an article: dates', () => {
  it('a machine-readable abbr title wins over the visible date, with its offset applied', () => {
    const article = extractArticle(themePost(classicTheme(paragraphs(4))), CONTEXT);
    expect(article.published_at).toBe('2011-11-28T22:26:26.000Z');
  });

  it('dates of story cards (a card named teaser, a card that links as a whole) and of the site’s top bar are not the article’s', () => {
    const cards = [
      '<article class="default-teaser"><h2><a href="/other/1/">Another story</a></h2><footer><span class="default-teaser__date">01. Juli 2020</span></footer></article>',
      '<li class="relateditem"><a href="/other/2/"><span class="item__title">A related story with a long headline</span> <span class="item__date">25.06.2020</span></a></li>',
    ];
    for (const card of cards) {
      const page = `<div class="jeg_nav_item jeg_top_date">Thursday, November 9, 2023</div><div id="main"><h1>The bridge opens in May</h1><p>18.03.2020</p>
<div class="body">${paragraphs(4)}</div><aside><ul>${card}</ul></aside></div>`;
      const article = extractArticle(scraped(page, 'The bridge opens in May', 'https://news.example/bridge/'), CONTEXT);
      expect(article.published_at?.slice(0, 10), card).toBe('2020-03-18');
    }
  });

  it('a date element named in camelCase (displayDate) is the date, not an earlier-named date of a sidebar teaser', () => {
    const page = `<div id="main"><div id="content"><h1>The bridge opens in May</h1><div class="displayDate"><a href="/archive/2018-07-06/">Freitag, 06.07.2018, 10:29</a></div>
<div class="articleContent">${paragraphs(4)}</div></div>
<div id="sidebar"><ul><li><a href="/other/1/"><span class="date">04.05.2020</span> Another story on the sidebar ticker</a></li></ul></div></div>`;
    const article = extractArticle(scraped(page, 'The bridge opens in May', 'https://news.example/bridge/'), CONTEXT);
    expect(article.published_at?.slice(0, 10)).toBe('2018-07-06');
  });
});
