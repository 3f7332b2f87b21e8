import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * Issue 14, news page shapes: a standfirst set as a heading under the title (`h1` then `h2`), with the share or
 * byline bar right after it, is the article's opening, not the title of the box that follows (a short heading over
 * a dropped box still goes with the box); a standfirst named in the newsroom's language opens the article; a post
 * body named in the other word order (`content-article`) marks the post, however short; a story split into
 * numbered parts (`story-body-1`, `story-body-2`) is read whole.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

function scrapedPost(page: string) {
  const content = `${page}<p>[analyse_source url=&#8221;https://news.example/2022/05/leader.html&#8221;]</p>`;
  return { id: 9, link: 'https://agg.example/?p=9', title: { rendered: 'Leader says the party silences her | News' }, content: { rendered: content } };
}

const paragraphs = Array.from(
  { length: 5 },
  (_, i) => `<p>Paragraph ${i + 1} of the story reports what the leader said, and what the party answered the next morning.</p>`,
).join('');
const STANDFIRST = 'The leader, who says she will step down soon, speaks of a lack of communication in the party and of gags imposed on every debate';

describe('a standfirst set as a heading', () => {
  it('stays when the share bar follows it, and the bar is dropped', () => {
    const header = `<div class="article-header"><h1>Leader says the party silences her</h1><h2>${STANDFIRST}</h2>
<div class="share-bar"><span>Share this article</span><a href="https://social.example/share?u=x">Social</a></div></div>`;
    const article = extractArticle(scrapedPost(`<div class="content">${header}${paragraphs}</div>`), CONTEXT);
    expect(article.blocks[0]?.text).toBe(STANDFIRST);
    expect(article.body_text).toContain('Paragraph 5 of the story');
    expect(article.body_text).not.toContain('Share this article');
  });

  it('a short heading over a dropped box still goes with the box', () => {
    const box = '<h3>Share this story</h3><div class="share-bar"><a href="https://social.example/share?u=x">Social network</a></div>';
    const article = extractArticle(
      scrapedPost(
        `<div class="content"><h1>Leader says the party silences her</h1>${paragraphs}${box}${paragraphs.replace(/Paragraph (\d)/g, 'Part $1')}</div>`,
      ),
      CONTEXT,
    );
    expect(article.body_text).toContain('Part 5 of the story');
    expect(article.body_text).not.toContain('Share this story');
  });
});

describe('a standfirst named in the newsroom’s language', () => {
  it.each(['article__perex', 'chapo', 'entradilla', 'bajada', 'vorspann', 'site-artikel-teaser'])(
    'a lead in div.%s above the body container opens the article',
    (name) => {
      const lead = `Lead of the story, named "${name}" by its site, sums the match up: the team keeps winning against the odds.`;
      const page = `<div class="article"><h1>Leader says the party silences her</h1><div class="author"><a href="/authors/a/">A. Writer</a></div><div class="${name}">${lead}</div>
<div class="article-ad"><span>Advertisement</span></div><div class="article__body">${paragraphs}</div></div>`;
      const article = extractArticle(scrapedPost(page), CONTEXT);
      expect(article.blocks[0]?.text).toBe(lead);
      expect(article.body_text).toContain('Paragraph 5 of the story');
    },
  );
});

describe('a short post in a body named in the other word order', () => {
  it('a one-sentence post in section.content-article is the body, not the longer author bio below it', () => {
    const sentence = 'Because there are so many parties, and many stand in only a few states, the map shows only the largest ones.';
    const cta =
      '<div class="cta"><p>The magazine is non-profit and independent, paid for by donations and subscriptions. Support our work and <a href="/abo">subscribe</a> in print or as an e-paper.</p></div>';
    const bio =
      '<div class="pb-xl"><h2>Written by</h2><a href="/team/t/">T. Writer</a><div class="content"><p>Born in 1983, the author has been an editor at the magazine since 2015, working mostly as a layout artist, graphic designer and proofreader.</p><p>He studied German, art history and German as a foreign language at the university of the town where the magazine is made.</p><p>His main interest lies in linguistics, and in the maps he draws for every issue of the magazine.</p></div></div>';
    const page = `<main><article><header><h1>Leader says the party silences her</h1></header>
<div class="container"><section class="content content-article"><p><em>${sentence}</em></p>${cta}<figure><img src="/map.jpg" alt=""></figure></section></div>${bio}</article></main>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toContain(sentence);
    expect(article.body_text).not.toContain('Born in 1983');
  });
});

describe('a story split into numbered parts', () => {
  it('joins story-body-1 before the larger story-body-2 that the scorer picked, each in its own wrapper across the ad row', () => {
    const part = (from: number, n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `<p>Paragraph ${from + i} of the story explains how the sale is done, step by step, and who gains what from it. The first step moves the assets to one subsidiary, the second sells that subsidiary, and the shareholders, who keep the shell, are paid out later, once the taxes are known.</p>`,
      ).join('');
    const related =
      '<div class="supplemental"><aside class="marginalia" role="complementary"><h2>Related Coverage</h2><ul><li><a href="/2016/07/other.html">Another story about the sale</a></li></ul></aside></div>';
    const page = `<main><article><header><h1>Leader says the party silences her</h1></header>
<div class="story-body-supplemental"><div class="story-body story-body-1"><figure><img src="/a.jpg" alt=""></figure>${part(1, 3)}</div>${related}</div>
<div class="story-interrupter"><div class="ad flex-ad"><p>Advertisement</p></div></div>
<div class="story-body-supplemental"><div class="story-body story-body-2">${part(4, 9)}</div>${related}</div></article></main>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.blocks[0]?.text).toMatch(/^Paragraph 1 of the story/);
    expect(article.body_text).toContain('Paragraph 12 of the story');
    expect(article.body_text).not.toContain('Advertisement');
  });
});

describe('text laid out with line breaks instead of paragraphs', () => {
  const runs = Array.from({ length: 4 }, (_, i) => `Part ${i + 1} of the story says what the council decided on Tuesday and why the vote was so close.`);

  it('each run between two line breaks is a paragraph of its own, and a single break stays inside its paragraph', () => {
    const text = `${runs[0]}<br>It went on.<br><br>\n${runs[1]}<br/>\n<br/>${runs[2]}<br><br><br>${runs[3]}`;
    const page = `<div class="wrap"><h1>Leader says the party silences her</h1><div id="articleBody" class="article_txt">${text}</div></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.blocks.map((block) => block.text)).toEqual([`${runs[0]} It went on.`, runs[1], runs[2], runs[3]]);
    expect(article.body_text.split('\n\n')).toHaveLength(4);
  });

  it('the same inside a container that also holds block elements', () => {
    const page = `<div class="story"><h1>Leader says the party silences her</h1><p>${runs[0]}</p>${runs[1]}<br><br>${runs[2]}<p>${runs[3]}</p></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.blocks.map((block) => block.text)).toEqual(runs);
  });
});

describe('lines of page furniture in the article container', () => {
  it('drops a picture credit in brackets and a row of meta fields, keeps a sentence that names a source', () => {
    const furniture = '<p>(Credit: Clayton Aldern / Grist)</p><p>(Bild: Dieter Stork)</p><p>News date : 04/21/2022 Category : Press Releases</p>';
    const sentence = '<p>Source: the party said in a statement on Monday that it would answer the leader in writing, and soon.</p>';
    const article = extractArticle(
      scrapedPost(`<div class="content"><h1>Leader says the party silences her</h1>${paragraphs}${furniture}${sentence}</div>`),
      CONTEXT,
    );
    expect(article.body_text).not.toMatch(/Clayton Aldern|Dieter Stork|Category : Press/);
    expect(article.body_text).toContain('Source: the party said in a statement');
  });
});
