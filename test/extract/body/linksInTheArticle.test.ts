import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * "Never lose an article" (issue 14): links inside the article's own text. A section heading that carries a link
 * (a named anchor, a link to its own anchor, a link to the product or source it is about) and a post's list of
 * references to other sites are the article's; a heading or list linking to other pages of the same site is still
 * a teaser or a related-links box. Shapes from weekly release notes, documentation pages, listicles and news pages.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const PAGE = 'https://notes.example/2020/12/weekly-notes-85/';

function scrapedPost(page: string, title = 'Weekly notes 85 | Notes') {
  const content = `${page}<p>[analyse_source url=&#8221;${PAGE}&#8221;]</p>`;
  return { id: 9, link: 'https://agg.example/?p=9', title: { rendered: title }, content: { rendered: content } };
}

const sentence = (i: number): string => `Sentence ${i} of the article explains, in plain words, what changed this week and why it matters to users.`;
const paragraph = (i: number): string => `<p>${sentence(2 * i)} ${sentence(2 * i + 1)}</p>`;

/** A news page that marks no post: the article's paragraphs and sections in a story container, furniture around it. */
function newsPage(story: string): string {
  return `<header class="masthead"><nav><ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/tech/">Tech</a></li></ul></nav></header>
<main><h1>Weekly notes 85</h1><div class="story-body">${story}</div></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a/">Another story about the weather</a></li><li><a href="/b/">A story about the trains</a></li></ul></aside>`;
}

/** A WordPress theme page: the post in `div.entry-content` (the_content()), with a sidebar and footer. */
function themePage(post: string): string {
  return `<div id="page" class="site"><header class="site-header"><p class="site-title"><a href="/">Notes</a></p><nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<main id="main"><article class="post-85 post type-post status-publish hentry"><h1 class="entry-title">Weekly notes 85</h1><div class="entry-content">${post}</div></article></main>
<aside class="widget-area"><h3 class="widget-title">Recent posts</h3><ul><li><a href="/2020/12/weekly-notes-84/">Weekly notes 84</a></li><li><a href="/2020/11/weekly-notes-83/">Weekly notes 83</a></li></ul></aside>
<footer class="site-footer"><p>Notes, written every week since 2009.</p></footer></div>`;
}

describe('section headings that carry a link', () => {
  it('keeps a heading whose text is a named anchor, a link to its own anchor, or to the page itself', () => {
    const story = `${paragraph(1)}<h2><div><a name="The-method">The method</a></div></h2>${paragraph(2)}
<h2 id="results"><a href="#results">What the results show</a></h2>${paragraph(3)}
<h3><a class="headerlink" href="${PAGE}#limits">Where the study stops</a></h3>${paragraph(4)}`;
    const article = extractArticle(scrapedPost(newsPage(story)), CONTEXT);
    const headings = article.blocks.filter((block) => /^h[2-6]$/.test(block.tag)).map((block) => block.text);
    expect(headings).toEqual(['The method', 'What the results show', 'Where the study stops']);
    expect(article.body_text).toContain('Sentence 9 of the article');
  });

  it('keeps listicle headings that link to the product on another site, and drops one linking to another story of the site', () => {
    const story = `${paragraph(1)}<h3><a href="https://store.example/games/rez/">“Rez Infinite” ($30)</a></h3>${paragraph(2)}
<h3><a href="https://store.example/games/thumper/">“Thumper” ($20)</a></h3>${paragraph(3)}
<h3><a href="/2020/11/best-games-of-the-year/">The best games of last year</a></h3>${paragraph(4)}`;
    const article = extractArticle(scrapedPost(newsPage(story)), CONTEXT);
    expect(article.body_text).toContain('“Rez Infinite” ($30)');
    expect(article.body_text).toContain('“Thumper” ($20)');
    expect(article.body_text).not.toContain('The best games of last year');
    expect(article.removed).toContainEqual(expect.objectContaining({ reason: 'link-list', text: 'The best games of last year' }));
  });
});

describe('loose link runs', () => {
  it('drops a card whose link wraps its headline and summary, loose beside a block, as a link list', () => {
    const card = (i: number) => `<div class="card">
  <a href="/2020/12/story-${i}/"><h3>Other story ${i}</h3><p>The summary of other story ${i}, a sentence long, about another subject.</p></a>
  <div class="card-lang"><a href="https://en.notes.example/2020/12/story-${i}/">Read in English</a></div>
</div>`;
    const story = `${paragraph(1)}${paragraph(2)}${paragraph(3)}${[1, 2, 3].map(card).join('')}`;
    const article = extractArticle(scrapedPost(newsPage(story)), CONTEXT);
    expect(article.body_text).toContain('Sentence 7 of the article');
    expect(article.body_text).not.toContain('The summary of other story');
    expect(article.removed).toContainEqual(expect.objectContaining({ reason: 'link-list', text: expect.stringContaining('Other story 2') }));
  });
});

describe('lists of links inside the post (the_content)', () => {
  const bugs = [1677080, 1677107, 1681796]
    .map((id, i) => `<li><a href="https://bugs.example/show_bug.cgi?id=${id}">Bug ${id} – Fix number ${i + 1} of the picture-in-picture window</a></li>`)
    .join('');
  const section = (heading: string, list: string) => `<h4>${heading}</h4><ul>${list}</ul>`;

  it('keeps a section whose list links to the bugs and sources on other sites, with its heading, and credit lines', () => {
    const weekly = section(
      'Picture-in-Picture',
      `<li>Another round of students will work on picture-in-picture next term, with two mentors.</li><li>In progress:<ul>${bugs}</ul></li>`,
    );
    const credits = '<p>Music:<br><a href="https://music.example/artist/perfect-one">Man Bites Dog – Perfect One</a> (CC BY-SA 3.0)</p>';
    const post = `${paragraph(1)}${paragraph(2)}${weekly}${section('Further reading', '<li><a href="https://dictionary.example/glossary/corona">dictionary.example/glossary/corona</a></li>')}${paragraph(3)}${credits}`;
    const article = extractArticle(scrapedPost(themePage(post)), CONTEXT);
    expect(article.body_text).toContain('Picture-in-Picture');
    expect(article.body_text).toContain('Bug 1681796 – Fix number 3 of the picture-in-picture window');
    expect(article.body_text).toContain('Further reading');
    expect(article.body_text).toContain('dictionary.example/glossary/corona');
    expect(article.body_text).toContain('Man Bites Dog – Perfect One (CC BY-SA 3.0)');
  });

  it('still drops a bar of profile links to other sites inside the post', () => {
    const profiles =
      '<ul><li><a href="https://social.example/notes">Facebook</a></li><li><a href="https://pictures.example/notes">Instagram</a></li><li><a href="https://video.example/notes">YouTube</a></li></ul>';
    const article = extractArticle(scrapedPost(themePage(`${paragraph(1)}${paragraph(2)}${paragraph(3)}${profiles}`)), CONTEXT);
    expect(article.body_text).toContain('Sentence 7 of the article');
    expect(article.body_text).not.toContain('Instagram');
  });

  it('still drops a related-posts list, a table of contents and a share list inside the post', () => {
    const related =
      '<li><a href="/2020/12/weekly-notes-84/">Weekly notes 84: what changed</a></li><li><a href="/2020/11/weekly-notes-83/">Weekly notes 83: the new toolbar</a></li>';
    const contents = '<li><a href="#one">What changed this week</a></li><li><a href="#two">What comes next week</a></li>';
    const share = `<li><a href="https://social.example/sharer.php?u=${encodeURIComponent(PAGE)}">Share on the social network</a></li><li><a href="https://mail.example/send?body=${encodeURIComponent(PAGE)}">Send by mail</a></li>`;
    const post = `<ul>${contents}</ul>${paragraph(1)}${paragraph(2)}${paragraph(3)}<ul>${share}</ul><h4>Related posts</h4><ul>${related}</ul>`;
    const article = extractArticle(scrapedPost(themePage(post)), CONTEXT);
    expect(article.body_text).toContain('Sentence 7 of the article');
    expect(article.body_text).not.toContain('Weekly notes 84');
    expect(article.body_text).not.toContain('What comes next week');
    expect(article.body_text).not.toContain('Share on the social network');
    expect(article.body_text).not.toContain('Related posts');
  });
});
