import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

function scrapedPost(body: string, title = 'Headline | Site'): WpPost {
  return {
    id: 7,
    link: 'https://agg.example/?p=7',
    title: { rendered: title },
    content: { rendered: `${body}<p>[analyse_source url=&#8221;https://n.example/story&#8221;]</p>` },
  };
}

const ARTICLE_PARAGRAPHS = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Article paragraph ${i + 1} tells the hotel story, with details, names and the numbers that matter here, and then goes on to explain what guests should check first.</p>`,
).join('');
const GALLERY_SLIDES = Array.from(
  { length: 20 },
  (_, i) =>
    `<li><h2><span class="counter">${i + 1}/20</span> Slide ${i + 1}</h2><p>Gallery caption ${i + 1} about another business story, with a company, a figure, and a quote from someone.</p></li>`,
).join('');

describe('boxes embedded in the article text', () => {
  it('drops a gallery widget among the article paragraphs even when its captions outweigh the article', () => {
    const body = `<div class="text-wrapper" itemprop="articleBody">${ARTICLE_PARAGRAPHS}<div class="media-widget-wrapper"><ul class="legends">${GALLERY_SLIDES}</ul></div></div>`;
    const article = extractArticle(scrapedPost(body), CONTEXT);
    expect(article.blocks.map((block) => block.text.slice(0, 19))).toEqual([
      'Article paragraph 1',
      'Article paragraph 2',
      'Article paragraph 3',
      'Article paragraph 4',
    ]);
    expect(article.body_text).not.toContain('Gallery caption');
  });

  it('keeps a "read more" box that continues the paragraphs beside it', () => {
    const rest = Array.from(
      { length: 8 },
      (_, i) => `<p>Continued paragraph ${i + 1} carries the rest of the report, with more detail, more names and more numbers.</p>`,
    ).join('');
    const body = `<div class="story-body">${ARTICLE_PARAGRAPHS}<div id="read-more"><a href="#">Read more</a><div id="read-more-content">${rest}</div></div></div>`;
    const article = extractArticle(scrapedPost(body), CONTEXT);
    expect(article.body_text).toContain('Continued paragraph 8');
  });

  it('drops an unnamed stream of headline cards (linked heading and summary) that outweighs the article', () => {
    const cards = Array.from(
      { length: 10 },
      (_, i) =>
        `<li class="Cf Pos-r"><a href="/s${i}"><img src="/i${i}.jpg" alt=""></a><h3 class="Fw-b"><a href="/s${i}">Other story number ${i + 1} in the stream</a></h3><p class="Mb-2">Summary ${i + 1} of another story, long enough to count as a paragraph of prose, with a comma, and a second clause.</p></li>`,
    ).join('');
    const body = `<div class="Col2"><div id="Main"><div class="body">${ARTICLE_PARAGRAPHS}</div></div><div class="App-Main"><ul id="Stream">${cards}</ul></div></div>`;
    const article = extractArticle(scrapedPost(body), CONTEXT);
    expect(article.blocks).toHaveLength(4);
    expect(article.body_text).not.toContain('Summary 1 of another story');
  });

  it('keeps a list whose linked headings introduce long sections of the article', () => {
    const sections = Array.from(
      { length: 4 },
      (_, i) =>
        `<li><h3><a href="/hotel${i}">Hotel ${i + 1}</a></h3><p>${`Section ${i + 1} describes the hotel at length, its rooms, its staff, its food and its prices, for readers who plan a stay. `.repeat(4)}</p></li>`,
    ).join('');
    const article = extractArticle(scrapedPost(`<div class="entry">${ARTICLE_PARAGRAPHS}<ol>${sections}</ol></div>`), CONTEXT);
    expect(article.body_text).toContain('Section 4 describes the hotel');
  });

  it('keeps a list of sentences that link their sources, and still drops a list of linked headlines', () => {
    const notes =
      '<ul><li>Neil has patches up to <a href="/b1">improve the behaviour of the tab unloader</a>, and <a href="/b2">show UI when subframes crash</a></li><li>Dimi fixed the slow start in <a href="/b3">the password manager code that triggers main thread disk I/O</a></li></ul>';
    const headlines =
      '<ul><li><a href="/s1">These Weeks in Firefox: Issue 106</a> December 17, 2021</li><li><a href="/s2">These Weeks in Firefox: Issue 105</a> December 3, 2021</li></ul>';
    const article = extractArticle(
      scrapedPost(
        `<div class="entry">${ARTICLE_PARAGRAPHS}<h4>Fission</h4>${notes}${ARTICLE_PARAGRAPHS.replace(/Article paragraph/g, 'Closing paragraph')}${headlines}</div>`,
      ),
      CONTEXT,
    );
    expect(article.body_text).toContain('Neil has patches up to improve the behaviour of the tab unloader');
    expect(article.body_text).not.toContain('Issue 106');
  });
});

describe('boxes after a short article', () => {
  const SHORT_STORY =
    '<div id="story"><p>Cartoonist Ana Reyes drew a sharp strip about how every generation blames the next one for its own troubles. Click through for the whole thing.</p></div>';
  const NEXT_STORIES = Array.from(
    { length: 4 },
    (_, i) =>
      `<div class="nextstory"><h2><a href="https://n.example/2019/09/story-${i}.html">Next story number ${i + 1} with a headline of its own</a></h2>` +
      `<a href="https://n.example/2019/09/story-${i}.html"><img src="https://n.example/${i}.jpg" alt=""></a>` +
      `<p>Summary ${i + 1} of another story on the site, long enough to outweigh the short article above it, with names, places and a few numbers in it, and it goes on.</p>` +
      `<h3><a href="https://n.example/2019/09/story-${i}.html">READ THE REST</a></h3></div>`,
  ).join('');

  it('drops a "next posts" box of summary cards that holds more prose than the story', () => {
    const article = extractArticle(scrapedPost(`${SHORT_STORY}<div id="next-post-thumbnails">${NEXT_STORIES}</div>`), CONTEXT);
    expect(article.body_text).toMatch(/^Cartoonist Ana Reyes/);
    expect(article.body_text).not.toContain('Summary 1');
    expect(article.teasers.map((teaser) => teaser.title)).toContain('Next story number 2 with a headline of its own');
  });

  it('drops a card whose summary is a cut excerpt ([…]) outside any named box', () => {
    const excerpts = NEXT_STORIES.replace(/and it goes on\.<\/p>/g, 'and it goes on [&hellip;]</p>');
    const article = extractArticle(scrapedPost(`${SHORT_STORY}<div class="more">${excerpts}</div>`), CONTEXT);
    expect(article.body_text).toMatch(/^Cartoonist Ana Reyes/);
    expect(article.body_text).not.toContain('Summary 1');
  });

  it('keeps an article whose sections are headed by links when the box is not named for teasers', () => {
    const article = extractArticle(scrapedPost(`<div class="entry">${NEXT_STORIES}</div>`), CONTEXT);
    expect(article.body_text).toContain('Summary 1');
  });

  it('drops an author box whose ids are four-word component names (mvp-author-box-wrap)', () => {
    const box =
      '<div id="mvp-author-box-wrap" class="left relative"><span class="name"><a href="https://n.example/author/jm/">Jo Miller</a></span>' +
      '<div id="mvp-author-box-text" class="left relative"><p>Senior Editor with a focus on all things tech and gaming. You can keep up with me on Twitter.</p></div></div>';
    const article = extractArticle(scrapedPost(`<article><div class="post-body">${ARTICLE_PARAGRAPHS}${box}</div></article>`), CONTEXT);
    expect(article.body_text).toContain('Article paragraph 4');
    expect(article.body_text).not.toContain('keep up with me');
  });
});

describe('author boxes without a telling class', () => {
  const BIO = 'is a founding partner of a law firm in Berlin. His fields include banking law, consumer protection and internet law.';

  it('drops an author box that microdata marks as the author (itemprop="author")', () => {
    const box = `<div class="saboxplugin-wrap" itemtype="http://schema.org/Person" itemscope itemprop="author"><div class="saboxplugin-desc"><p>Jo Miller ${BIO}</p></div></div>`;
    const article = extractArticle(scrapedPost(`<div class="post-body">${ARTICLE_PARAGRAPHS}${box}</div>`), CONTEXT);
    expect(article.body_text).toContain('Article paragraph 4');
    expect(article.body_text).not.toContain('founding partner');
  });

  it('drops a box labelled "Author" and keeps a section headed by another word', () => {
    const box = (label: string) =>
      `<div class="highlight"><div class="content"><div class="header">${label}</div><h3>Dr. Jo Miller</h3><p>Dr. Jo Miller ${BIO}</p></div></div>`;
    const withAuthor = extractArticle(scrapedPost(`<div class="post-body">${ARTICLE_PARAGRAPHS}${box('AUTOR')}</div>`), CONTEXT);
    expect(withAuthor.body_text).not.toContain('founding partner');
    const withFacts = extractArticle(scrapedPost(`<div class="post-body">${ARTICLE_PARAGRAPHS}${box('Background')}</div>`), CONTEXT);
    expect(withFacts.body_text).toContain('founding partner');
  });
});

describe('empty links left by broken markup', () => {
  it('never takes a short post beside an empty link for a teaser card', () => {
    const reference = 'Albert, Bruce et al. Molecular Biology of the Cell. 5th edition, New York: Garland Science, 2008.';
    const section = `<div class="et_pb_section"><a href="https://embryo.example/</li></ul></nav>"></a><div class="et_pb_row"><a href="https://embryo.example/category/cells/">Cell biology</a><div class="et_pb_text_inner">References – Exocytosis</div></div><div class="et_pb_row"><div class="et_pb_module et_pb_post_content"><ul><li>${reference}</li></ul></div></div></div>`;
    const article = extractArticle(scrapedPost(`<div id="page">${section}</div>`, 'References – Exocytosis'), CONTEXT);
    expect(article.body_text).toContain(reference);
    // Not only rescued by the safety net: never dropped as a card in the first place.
    expect(article.removed.filter((block) => block.text.includes('Albert, Bruce'))).toEqual([]);
  });
});
