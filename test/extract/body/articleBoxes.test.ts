import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * Issue 14, news pages whose article is spread over boxes of the page layout (shapes seen on real pages, written
 * here with text of their own): the first paragraphs each in a box of their own beside the box of the rest; a lead
 * written as a div of inline text beside a gallery box; an article a few wrappers deep in the left column of a
 * layout box whose right column is job ads and headline lists; the site's copyright line in a box beside the
 * article.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

function scrapedPost(page: string) {
  const content = `${page}<p>[analyse_source url=&#8221;https://news.example/2013/12/chilli-contest.html&#8221;]</p>`;
  return { id: 9, link: 'https://agg.example/?p=9', title: { rendered: 'Chilli contest ends in hospital | News' }, content: { rendered: content } };
}

const sentence = (i: number): string => `Sentence ${i} of the report says what happened at the contest, and what the organisers answered on the next morning.`;
const paragraph = (i: number): string => `<p>${sentence(2 * i)} ${sentence(2 * i + 1)}</p>`;

describe('an article spread over boxes of the layout', () => {
  it('the first paragraphs, each in a box of its own, open the article: the related links between them and the body box stay out', () => {
    const firstParts = ['firstPar', 'secondPar', 'thirdPar'].map((name, i) => `<div class="${name}">${paragraph(i + 1)}</div>`).join('');
    const related = `<div class="related_links_inline"><h2>Related Articles</h2><ul>${[1, 2, 3, 4]
      .map((i) => `<li><a href="/news/${i}.html">Another story number ${i} about a restaurant</a></li>`)
      .join('')}</ul></div>`;
    const rest = `<div class="body">${[4, 5, 6, 7, 8].map(paragraph).join('')}</div>`;
    const page = `<div id="header"><a href="/">News</a></div><div id="mainBodyArea">${firstParts}${related}${rest}</div><div id="footer"><a href="/terms/">Terms</a></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toContain(sentence(2));
    expect(article.body_text).toContain(sentence(7));
    expect(article.body_text).toContain(sentence(17));
    expect(article.body_text.indexOf(sentence(2))).toBeLessThan(article.body_text.indexOf(sentence(17)));
    expect(article.body_text).not.toContain('Another story number');
  });

  it('a lead written as a div of inline text, beside a gallery box named like the article, opens the article with the text after it', () => {
    const page = `<div id="left-column"><div class="art-area"><h2 class="art-title">Chilli contest ends in hospital</h2>
<div class="art-date"><a href="/2013/12/10/">2013-12-10</a></div>
<div id="article-gal-container"><div id="article-gal-container-inside"><img src="/p.jpg" alt="">The contest hall, on the evening of the event, seen from the street (photo: the agency)</div></div>
<div class="art-lead">${sentence(1)}</div>
<div class="art-content">${sentence(2)} ${sentence(3)}<br><br>${sentence(4)} ${sentence(5)}<br><br>${sentence(6)}<br><br>The Daily Paper</div></div></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toContain(sentence(1));
    expect(article.body_text).toContain(sentence(4));
    expect(article.body_text).toContain(sentence(6));
  });

  it('an article a few wrappers deep in the left column: the right column of job ads and headline lists stays out, the closing box of prose stays in', () => {
    const job = (i: number) =>
      `<div class="item"><div class="title"><h3><a href="https://jobs.example/${i}">Carpenter wanted by firm ${i}</a></h3></div><div class="desc">A joiner is wanted by the firm number ${i}, place of work the capital, for the summer, full time and with a good wage</div></div>`;
    const headlines = (name: string) =>
      `<div class="box ${name}"><h2 class="header"><a href="/${name}/">More news</a></h2><ul>${[1, 2, 3, 4, 5, 6]
        .map((i) => `<li><a href="/${name}/${i}.html"><h3 class="article-title">Headline ${i} of the ${name} list, a story of the region</h3></a></li>`)
        .join('')}</ul></div>`;
    const right = `<div id="right">${headlines('recommended')}<div class="box jobs">${[1, 2, 3, 4, 5, 6, 7, 8].map(job).join('')}</div>${headlines('neighbours')}</div>`;
    const story = `<div class="col2 fleft"><div class="cikk"><div class="cikk_info"><h1>Chilli contest ends in hospital</h1><span class="date">2013-12-10</span>
<div class="cikk_body">${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}</div></div></div></div>`;
    const closing = `<div class="conclusion-component"><div class="conclusion"><div class="conclusion__content"><h3>In short</h3><p>${sentence(90)} ${sentence(91)}</p></div></div></div>`;
    const page = `<div id="wrapper"><div id="header"><a href="/">News</a></div><div id="content" class="clr">${story}${closing}${right}</div></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toContain(sentence(2));
    expect(article.body_text).toContain(sentence(13));
    expect(article.body_text).toContain(sentence(91));
    expect(article.body_text).not.toContain('A joiner is wanted');
    expect(article.body_text).not.toContain('Headline 1 of');
  });

  it('an article written between line breaks straight into the box the climb reaches, beside a table of signatories, is read whole', () => {
    const names = Array.from({ length: 120 }, (_, i) => `Signatory ${i}, University ${i}`).join(' ');
    const text = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `${sentence(2 * i)} ${sentence(2 * i + 1)}`).join('<br><br>');
    const page = `<div class="page-container"><div class="content page"><article class="post"><h1>Chilli contest ends in hospital</h1>
<div class="wysiwyg-content">${text}<br><br><table><tbody><tr><td>${names}</td></tr></tbody></table><br>${sentence(40)}</div></article></div></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toContain(sentence(2));
    expect(article.body_text).toContain(sentence(17));
    expect(article.body_text).toContain(sentence(40));
  });

  it("the site's copyright line in a box beside the article is dropped as such; in an ordinary post it is the author's", () => {
    const notice = '© 2017 The Daily Paper All rights reserved. Do not reproduce this page without the written permission of the publisher.';
    const page = `<div id="content"><h1>Chilli contest ends in hospital</h1><div class="story">${[1, 2, 3, 4, 5].map(paragraph).join('')}</div><div class="sourcecopy"><p>${notice}</p></div></div>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toContain(sentence(11));
    expect(article.body_text).not.toContain('All rights reserved');
    expect(article.removed.some((block) => block.reason === 'copyright' && block.text.includes('All rights reserved'))).toBe(true);

    const post = { id: 10, link: 'https://agg.example/?p=10', title: { rendered: 'My poem' }, content: { rendered: `${paragraph(1)}<p>${notice}</p>` } };
    expect(extractArticle(post, CONTEXT).body_text).toContain('All rights reserved');
  });
});
