import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * A theme page whose author box has no class naming it (a Material-style profile card: avatar, the author's name as
 * a heading, a bio), printed after the post in the same column as tags and share buttons (Hestia's shape). The
 * post comes back whole and the card stays out, whether or not the theme marks the_content() element.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const TITLE = 'How the allotment survived the dry summer';
const AUTHOR = 'Ann Lee';
const BIO = `${AUTHOR} has kept an allotment by the river for twenty years and writes about soil, water and the weather.`;
const POST = Array.from(
  { length: 5 },
  (_, i) => `<p>Paragraph ${i + 1} of the post explains, in plain words, how the beds were watered during the long dry weeks of the summer.</p>`,
).join('\n');

function wrapped(page: string): WpPost {
  return {
    id: 9,
    link: 'https://agg.example/?p=9',
    title: { rendered: `${TITLE} &#8211; Garden Notes` },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://garden.example/?p=9&#8221;]</p>` },
  };
}

function page(contentClass: string): string {
  const card = `<div class="card card-profile card-plain"><div class="row"><div class="col-md-2"><div class="card-avatar"><a href="/author/ann/" title="${AUTHOR}"><img src="/avatar.jpg" alt="" class="avatar"></a></div></div><div class="col-md-10"><h4 class="card-title">${AUTHOR}</h4><p class="description">${BIO}</p></div></div></div>`;
  const info = `<div class="section section-blog-info"><div class="row"><div class="col-md-6"><div class="entry-categories">Categories: <span class="label label-primary"><a href="/c/garden/">Garden</a></span></div></div><div class="col-md-6"><div class="entry-social"><a class="btn btn-facebook" href="https://www.facebook.com/sharer.php?u=x"><i class="fab fa-facebook-f"></i></a></div></div></div><hr>${card}</div>`;
  return `<header class="header"><nav class="navbar"><a class="navbar-brand" href="/"><p>Garden Notes</p></a><ul class="nav navbar-nav"><li><a href="/about/">About</a></li></ul></nav></header>
<div id="primary" class="page-header header-small"><div class="container"><h1 class="hestia-title entry-title">${TITLE}</h1><h4 class="author">Published by <a href="/author/ann/" class="vcard author"><strong class="fn">${AUTHOR}</strong></a> on <time class="entry-date published" datetime="2023-04-05T10:00:00+02:00">April 5, 2023</time></h4></div></div>
<div class="main main-raised"><div class="blog-post"><div class="container"><article id="post-9" class="section section-text"><div class="row"><div class="col-md-8 single-post-container">
<div class="${contentClass}">${POST}</div>${info}</div>
<div class="col-md-3 blog-sidebar-wrapper"><aside id="secondary" class="blog-sidebar"><div class="widget widget_text"><h5>About</h5><div class="textwidget"><p>This blog has been written every week since 2009 by the people who keep the allotment.</p></div></div></aside></div></div></article></div></div></div>
<footer class="footer"><div class="copyright">Garden Notes | Developed by a theme shop</div></footer>`;
}

describe('an author card with no telling class after the post', () => {
  it('stays out when the theme marks the_content() element beside it', () => {
    const article = extractArticle(wrapped(page('single-post-wrap entry-content')), CONTEXT);
    expect(article.body_text).toMatch(/^Paragraph 1 of the post/);
    expect(article.body_text).toContain('Paragraph 5 of the post');
    expect(article.body_text).not.toContain(BIO);
    expect(article.body_text).not.toMatch(new RegExp(`${AUTHOR}$`));
  });

  it("stays out when nothing marks the post's content: its heading names the post's author", () => {
    const article = extractArticle(wrapped(page('single-post-wrap')), CONTEXT);
    expect(article.authors).toEqual([AUTHOR]);
    expect(article.body_text).toMatch(/^Paragraph 1 of the post/);
    expect(article.body_text).toContain('Paragraph 5 of the post');
    expect(article.body_text).not.toContain(BIO);
  });

  it("a heading with a person's name inside the post's content stays, with the lines under it", () => {
    const interview = `${POST}<h4>${AUTHOR}</h4><p>${BIO}</p>`;
    const article = extractArticle(wrapped(page('entry-content').replace(POST, interview)), CONTEXT);
    expect(article.body_text).toContain(BIO);
  });
});
