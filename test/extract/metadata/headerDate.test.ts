import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/** A news page's date when no element is named as a date: declared on an unnamed element, or shown by the headline. */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const PROSE = Array.from(
  { length: 4 },
  (_, i) => `<p>Paragraph ${i + 1} of the report, which mentions that on 5 May 2019 the council met, and goes on for a while.</p>`,
).join('');

function scraped(page: string): WpPost {
  return {
    id: 4,
    date_gmt: '2024-01-01T00:00:00',
    link: 'https://agg.example/?p=4',
    title: { rendered: 'Council keeps the library open' },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://news.example/library&#8221;]</p>` },
  };
}

const publishedOn = (page: string): string | null => extractArticle(scraped(page), CONTEXT).published_at?.slice(0, 10) ?? null;

describe('date beside the headline', () => {
  it('reads an unnamed meta line right after the headline, not a date the story mentions', () => {
    const header = '<h1>Council keeps the library open</h1><div class="info"><a href="/author/gf">Gunter Frank</a> / 22.04.2020 / 06:15</div>';
    expect(publishedOn(`<article>${header}<div class="text">${PROSE}</div></article>`)).toBe('2020-04-22');
    const h6 = '<h1>Council keeps the library open</h1><h2>Sundays stay, evenings go</h2><h5>By Ann Lee</h5><h6>January 10, 2020 9:00AM (UTC)</h6>';
    expect(publishedOn(`<article>${h6}<div class="text">${PROSE}</div></article>`)).toBe('2020-01-10');
  });

  it('reads a dateline above the headline', () => {
    expect(publishedOn(`<article><p class="kicker">Mi, 18. Oktober 2023</p><h1>Council keeps the library open</h1>${PROSE}</article>`)).toBe('2023-10-18');
  });

  it('reads microdata datePublished on a plain span and a datetime on an element other than <time>', () => {
    expect(publishedOn(`<h1>Council keeps the library open</h1><span class="font-normal" itemprop="datePublished">28. Dezember 2022</span>${PROSE}`)).toBe(
      '2022-12-28',
    );
    expect(publishedOn(`<h1>Council keeps the library open</h1><amp-timeago datetime="2020-09-28T18:27:38Z">Monday</amp-timeago>${PROSE}`)).toBe('2020-09-28');
  });

  it('reads a date in a meta line that links to the comments, and in a line dropped as a caption', () => {
    const meta = '<div class="article--date-and-comments"><time datetime="2023-06-07T20:54:26Z">Jun 7, 2023</time> <a href="#comments">12 comments</a></div>';
    expect(publishedOn(`<article><h1>Council keeps the library open</h1>${meta}${PROSE}</article>`)).toBe('2023-06-07');
    const caption = '<p class="rte-paragraph__caption">01. November 2021 | Naturschutz, Council</p>';
    expect(publishedOn(`<article><h1>Council keeps the library open</h1>${caption}${PROSE}</article>`)).toBe('2021-11-01');
  });

  it('keeps the post date when the page shows none by its headline', () => {
    expect(publishedOn(`<article><h1>Council keeps the library open</h1>${PROSE}</article>`)).toBe('2024-01-01');
  });
});
