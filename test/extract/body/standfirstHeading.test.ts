import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * Issue 14: a news page's standfirst set as a heading under the title (`h1` then `h2`), with the share or
 * byline bar right after it, is the article's opening, not the title of the box that follows; a short heading
 * over a dropped box still goes with the box.
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
  it.each(['article__perex', 'chapo', 'entradilla', 'bajada', 'vorspann'])('a lead in div.%s above the body container opens the article', (name) => {
    const lead = `Lead of the story, named "${name}" by its site, sums the match up: the team keeps winning against the odds.`;
    const page = `<div class="article"><h1>Leader says the party silences her</h1><div class="author"><a href="/authors/a/">A. Writer</a></div><div class="${name}">${lead}</div>
<div class="article-ad"><span>Advertisement</span></div><div class="article__body">${paragraphs}</div></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.blocks[0]?.text).toBe(lead);
    expect(article.body_text).toContain('Paragraph 5 of the story');
  });
});
