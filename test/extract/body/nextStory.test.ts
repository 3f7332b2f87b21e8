import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * Issue 14, the next story loaded below the post (infinite scroll), longer than the post, on a page-builder theme
 * that sets the post's title in a text module (a div, not a heading): the title box marks the post's place, so the
 * next story's `<h1>` below is another story's and the post's content module is the body.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

const para = (story: string, i: number, what: string) =>
  `<p>Paragraph ${i} of the ${story} says that ${what}, and the people of the town have been waiting for it for a long time now.</p>`;
const own = Array.from({ length: 3 }, (_, i) => para('bridge story', i + 1, 'the new bridge will open in May')).join('');
const next = Array.from({ length: 9 }, (_, i) => para('harbour story', i + 1, 'the harbour will be dredged in June')).join('');

const textModule = (n: number, inner: string) => `<div class="et_pb_module et_pb_text et_pb_text_${n}"><div class="et_pb_text_inner">${inner}</div></div>`;
const row = (n: number, modules: string) => `<div class="et_pb_row et_pb_row_${n}"><div class="et_pb_column et_pb_column_4_4">${modules}</div></div>`;

describe('the next story below a post whose title is set in a builder text module', () => {
  it('the title box marks the post’s place: its content module is the body, not the longer story below', () => {
    const menu = `<div class="et_pb_row"><nav class="et-menu-nav"><ul class="et-menu nav"><li><a href="/">Home</a></li><li><a href="/city/">City</a></li></ul></nav></div>`;
    const header = row(
      1,
      `${textModule(2, '<a href="/news/">News</a> <a href="/news/city/">City</a>')}${textModule(3, 'The new bridge opens in May')}${textModule(4, '01/08/2013')}`,
    );
    const content = row(2, `<div class="et_pb_module et_pb_post_content et_pb_post_content_0">${own}</div>`);
    const page = `<div id="page-container"><div id="et-main-area"><div class="et_builder_inner_content">
<div class="et_pb_section et_pb_section--with-menu">${menu}<div class="et_pb_section">${header}${content}</div></div>
<div class="et_pb_section">${row(4, textModule(6, '<p>Notes from the town, written by its neighbours since 2009.</p>'))}</div></div></div></div>
<article class="story"><h1>The harbour will be dredged in June, the port says</h1>${next}</article>`;
    const post = {
      id: 9,
      link: 'https://agg.example/?p=9',
      title: { rendered: 'The new bridge opens in May towndaily news' },
      content: { rendered: `${page}<p>[analyse_source url=&#8221;https://news.example/bridge/&#8221;]</p>` },
    };
    const article = extractArticle(post, CONTEXT);
    expect(article.body_text).toContain('Paragraph 1 of the bridge story');
    expect(article.body_text).toContain('Paragraph 3 of the bridge story');
    expect(article.body_text).not.toContain('harbour story');
  });
});
