import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '../../src/extract/metadata/cleanAuthors.js';
import { extractArticle, parseShortcodes } from '../../src/extract/index.js';
import { parseDate, parseVisibleDate } from '../../src/extract/metadata/parseDate.js';
import { shiftWpClock } from '../../src/extract/post/shiftWpClock.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const PROSE = 'This sentence is part of a real paragraph, long enough to be counted as article prose by the scorer. ';

function page(content: string, extra: Partial<WpPost> = {}): WpPost {
  return {
    id: 9,
    link: 'https://agg.example/?p=9',
    date_gmt: '2024-03-01T10:00:00',
    title: { rendered: 'WP title' },
    content: { rendered: content },
    ...extra,
  };
}

describe('aggregator shortcodes', () => {
  it('reads analyse_image and analyse_source with entity-encoded quotes and removes them', () => {
    const parsed = parseShortcodes(
      '<p>[analyse_image type=&#8221;featured&#8221; src=&#8221;https://i.example/a.jpg?x=1&amp;y=2&#8221;]</p><p>Body</p><p>[analyse_source url=&#8221;http://news.example/a&#8221;]</p>',
    );
    expect(parsed.imageUrl).toBe('https://i.example/a.jpg?x=1&y=2');
    expect(parsed.sourceUrl).toBe('http://news.example/a');
    expect(parsed.markup).toBe('<p></p><p>Body</p><p></p>');
  });

  it('turns [caption] into figure/figcaption', () => {
    expect(parseShortcodes('[caption id="a" width="300"]<img src="x.jpg"> The caption[/caption]').markup).toBe(
      '<figure class="wp-caption"><img src="x.jpg"><figcaption>The caption</figcaption></figure>',
    );
  });
});

describe('bylines and dates', () => {
  it('cleans names from broken entities, prefixes and separators', () => {
    expect(cleanAuthors(['By&nbspSaida Rustamova'])).toEqual(['Saida Rustamova']);
    expect(cleanAuthors(['By Jane Doe and John Smith'])).toEqual(['Jane Doe', 'John Smith']);
    expect(cleanAuthors(['Von Anna Müller, dpa', 'Anna Müller'])).toEqual(['Anna Müller', 'dpa']);
    expect(cleanAuthors(['Jean-Pierre Dupont | 12.03.2024'])).toEqual(['Jean-Pierre Dupont']);
  });

  it('normalises page dates to UTC ISO 8601', () => {
    expect(parseDate('2026-05-05 18:25:43 +02:00')).toBe('2026-05-05T16:25:43.000Z');
    expect(parseDate('1777998343')).toBe('2026-05-05T16:25:43.000Z');
    expect(parseDate('2020-02-30T99:00:00Z')).toBeNull();
    expect(parseDate('not a date')).toBeNull();
    expect(parseVisibleDate('Veröffentlicht am 05.02.2020, 14:30 Uhr')).toBe('2020-02-05T14:30:00.000Z');
    expect(parseVisibleDate('May 5, 2026')).toBe('2026-05-05T00:00:00.000Z');
  });

  it('reads visible dates as newsrooms write them in other languages and orders', () => {
    const cases: Array<[string, string | null]> = [
      ['Posted on 3rd March 2021 by Ann', '2021-03-03T00:00:00.000Z'],
      ['March 21st, 2021 | News | 0 Comments', '2021-03-21T00:00:00.000Z'],
      ['Publié le 1er mars 2021', '2021-03-01T00:00:00.000Z'],
      ['Publicado em 21 de março de 2021, às 10h30', '2021-03-21T00:00:00.000Z'],
      ['Publicado el 5 de septiembre de 2021', '2021-09-05T00:00:00.000Z'],
      ['Pubblicato il 7 ottobre 2020', '2020-10-07T00:00:00.000Z'],
      ['Gepubliceerd op 12 mei 2022', '2022-05-12T00:00:00.000Z'],
      ['입력 2021.03.03 10:00', '2021-03-03T10:00:00.000Z'],
      ['2021년 3월 4일 오전', '2021-03-04T00:00:00.000Z'],
      ['发布时间：2021年3月5日 08:15', '2021-03-05T08:15:00.000Z'],
      ['Publicado em 21/03/2021 às 10h30', '2021-03-21T10:30:00.000Z'],
      ['5 Comments 2021', null],
      ['Read in 3 minutes', null],
    ];
    expect(cases.map(([text]) => [text, parseVisibleDate(text)])).toEqual(cases);
  });

  it('shifts the WP modification time by the clock error the page date reveals', () => {
    expect(shiftWpClock('2026-05-06T10:00:00.000Z', '2026-05-05T13:25:43.000Z', '2026-05-05T16:25:43.000Z')).toBe('2026-05-06T13:00:00.000Z');
    expect(shiftWpClock('2026-05-06T10:00:00.000Z', '2026-05-05T13:25:43.000Z', '2026-05-05T13:26:10.000Z')).toBe('2026-05-06T10:00:00.000Z');
  });
});

describe('generic pages', () => {
  const content = `
    <header><nav class="menu"><a href="/">Home</a><a href="/world">World</a></nav></header>
    <div class="layout">
      <article>
        <h1>The real headline</h1>
        <div class="byline">By Ada Lovelace</div><time datetime="2024-02-29T08:00:00+01:00">29 Feb</time>
        <div class="story-body">
          <p>${PROSE}First.</p><p>${PROSE}Second, with a <a href="/x">link</a>.</p>
          <div class="ad-slot"><p>ADVERTISEMENT</p></div>
          <div class="share-bar"><a href="https://twitter.com/share">Tweet</a></div>
          <p>${PROSE}Third.</p>
          <h2>More from us</h2><ul><li><a href="/a">Link one title</a></li><li><a href="/b">Link two title</a></li></ul>
        </div>
        <section class="related-articles"><h2>Related</h2><ul><li><a href="/r1">A related story title</a></li></ul></section>
      </article>
      <aside class="sidebar"><div class="most-read"><h2>Most read</h2><ol><li><a href="/m1">Most read one</a></li><li><a href="/m1">Most read one</a></li></ol></div></aside>
    </div>
    <div id="comments" class="comments-area"><p>${PROSE}A reader comment.</p></div>
    <p>[analyse_source url=&#8221;https://news.example/world/story&#8221;]</p>`;
  const article = extractArticle(page(content), CONTEXT);

  it('finds the body by scoring and strips ads, share bars, link lists, boxes and comments', () => {
    expect(article.profile).toBe('generic');
    expect(article.blocks.map((block) => block.text.split(' ').at(-1))).toEqual(['First.', 'link.', 'Third.']);
    expect(article.body_text).not.toMatch(/ADVERTISEMENT|Tweet|More from us|Link one|related story|Most read|reader comment/);
  });

  it('reads title, byline, date and source, and reports teaser boxes once each', () => {
    expect(article.title).toBe('The real headline');
    expect(article.authors).toEqual(['Ada Lovelace']);
    expect(article.published_at).toBe('2024-02-29T07:00:00.000Z');
    expect(article.source_url).toBe('https://news.example/world/story');
    // prettier-ignore
    expect(article.teasers).toEqual([
      { key: 'url:https://news.example/r1', slot: 'related', title: 'A related story title', url: 'https://news.example/r1', image_url: null },
      { key: 'url:https://news.example/m1', slot: 'most-read', title: 'Most read one', url: 'https://news.example/m1', image_url: null },
    ]);
    expect(article.related).toEqual([{ title: 'A related story title', url: 'https://news.example/r1' }]);
  });

  it('falls back to the WP date only when the page has none', () => {
    const undated = extractArticle(page(`<p>${PROSE}</p><p>${PROSE}</p><p>[analyse_source url=&#8221;https://n.example/a&#8221;]</p>`), CONTEXT);
    expect(undated.published_at).toBe('2024-03-01T10:00:00.000Z');
    expect(undated.title).toBe('WP title');
  });

  it('ignores a matching site profile whose body is empty and uses the generic path', () => {
    const broken = extractArticle(
      page(
        `<div class="o-article-newsy"><h1>Headline</h1><div class="c-article-content"></div><div class="text"><p>${PROSE}</p><p>${PROSE}Two.</p></div></div><p>[analyse_source url=&#8221;https://www.euronews.com/x&#8221;]</p>`,
      ),
      CONTEXT,
    );
    expect(broken.profile).toBe('generic');
    expect(broken.blocks.length).toBe(2);
  });

  it('does not invent a summary, section or image the page does not have', () => {
    expect(article.summary).toBeNull();
    expect(article.section).toEqual([]);
    expect(article.image).toBeNull();
  });
});

describe('structured data', () => {
  const body = Array.from({ length: 8 }, (_, i) => `Paragraph number ${i + 1} of the article says something substantial about the topic.`);
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Structured headline',
    datePublished: '2023-06-01T12:00:00+02:00',
    dateModified: '2023-06-02T08:00:00Z',
    author: [{ '@type': 'Person', name: 'Grace Hopper' }],
    keywords: 'Navy, Compilers',
    articleBody: body.join('\n'),
  });

  it('takes dates, authors and topics from JSON-LD', () => {
    const article = extractArticle(
      page(
        `<script type="application/ld+json">${jsonLd}</script><h1>Structured headline</h1>${body.map((p) => `<p>${p}</p>`).join('')}<p>[analyse_source url=&#8221;https://n.example/s&#8221;]</p>`,
      ),
      CONTEXT,
    );
    expect(article.published_at).toBe('2023-06-01T10:00:00.000Z');
    expect(article.modified_at).toBe('2023-06-02T08:00:00.000Z');
    expect(article.authors).toEqual(['Grace Hopper']);
    expect(article.topics).toEqual(['Navy', 'Compilers']);
    expect(article.blocks.map((block) => block.text)).toEqual(body);
  });

  it('repairs a body choice that missed the article, from the JSON-LD articleBody', () => {
    const decoy = `<div class="gallery"><p>${'A long gallery caption that is not the article, repeated. '.repeat(3)}</p></div>`;
    const article = extractArticle(
      page(`<script type="application/ld+json">${jsonLd}</script>${decoy}<p>[analyse_source url=&#8221;https://n.example/s&#8221;]</p>`),
      CONTEXT,
    );
    expect(article.blocks.map((block) => block.text)).toEqual(body);
    expect(article.removed.some((entry) => entry.reason === 'articlebody-mismatch')).toBe(true);
  });
});
