import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

/** The article header above the body: headline, standfirst, picture. Inline pages of the shapes seen on news sites. */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const STANDFIRST = 'Heat pumps are booming, partly because heating with gas and oil has become expensive this winter.';
const PROSE = Array.from(
  { length: 5 },
  (_, i) => `<p>Paragraph ${i + 1} of the report, long enough to be prose, with a comma, and a second clause that goes on.</p>`,
).join('');

function scrapedPost(page: string, title = 'Heat pump market grows by 42 percent'): WpPost {
  return {
    id: 8,
    link: 'https://agg.example/?p=8',
    title: { rendered: title },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://n.example/heat-pumps&#8221;]</p>` },
  };
}

describe('article header', () => {
  it('keeps the headline and standfirst of a header that holds share buttons (class has-sharing)', () => {
    const share =
      '<div class="header__sharing"><ul><li><a href="https://social.example/share">Share</a></li><li><a href="mailto:?body=x">E-mail</a></li></ul></div>';
    const header = `<header class="contentHeader has-sharing">${share}<h1 class="contentHeader__title">Heat pump market grows by 42 percent</h1><div class="contentHeader__abstract">${STANDFIRST}</div></header>`;
    const article = extractArticle(scrapedPost(`<article>${header}<section class="contentMain">${PROSE}</section></article>`), CONTEXT);
    expect(article.title).toBe('Heat pump market grows by 42 percent');
    expect(article.body_text).toMatch(new RegExp(`^${STANDFIRST}`));
    expect(article.body_text).not.toContain('Share');
  });
});

describe('protected e-mail addresses', () => {
  it('puts back an address a CDN hid behind "[email protected]", in the body text and html', () => {
    // "hey@show.example" XOR-ed with 0x2a, hex-encoded after the key, as Cloudflare writes it.
    const hex = '2a' + Buffer.from([...'hey@show.example'].map((c) => c.charCodeAt(0) ^ 0x2a)).toString('hex');
    const line = `<p>Send your questions to us at <span class="__cf_email__" data-cfemail="${hex}">[email&#160;protected]</span> before the next episode.</p>`;
    const article = extractArticle(scrapedPost(`<article><div class="body">${PROSE}${line}</div></article>`), CONTEXT);
    expect(article.body_text).toContain('Send your questions to us at hey@show.example before the next episode.');
    expect(article.body_html).toContain('hey@show.example');
    expect(article.body_text).not.toContain('protected');
  });
});

describe('meta line under the headline', () => {
  it('drops a meta-info line (views, date, time) but keeps a kicker beside it in its wrapper', () => {
    const meta = '<div class="td-module-meta-info"><span class="views">1537</span> | Saturday, August 29, 2020 | 10:46 am</div>';
    const header = `<header><h1 class="entry-title">Heat pump market grows by 42 percent</h1>${meta}</header>`;
    const article = extractArticle(scrapedPost(`<article>${header}<div class="body">${PROSE}</div></article>`), CONTEXT);
    expect(article.body_text).not.toContain('August 29');
    expect(article.body_text).toContain('Paragraph 5 of the report');
    const kicker =
      '<div class="meta-info-wrapper"><div class="meta-info">01. Dez. 2022 | 14:08 Uhr | von Jona</div><h2 class="subline">Installers cannot keep up with demand</h2></div>';
    const withKicker = extractArticle(
      scrapedPost(
        `<article><div class="article-header">${kicker}<h1>Heat pump market grows by 42 percent</h1></div><div class="body">${PROSE}</div></article>`,
      ),
      CONTEXT,
    );
    expect(withKicker.body_text).toContain('Installers cannot keep up with demand');
    expect(withKicker.body_text).not.toContain('14:08');
  });
});

describe('Unicode forms', () => {
  it('stores text in NFC whichever form the page used, so it matches text typed elsewhere', () => {
    // A Bengali "য়" written precomposed (U+09DF), which NFC writes as U+09AF U+09BC, and a decomposed German "ä".
    const bengali = 'কুষ্টি\u09DFা-১ আসনের সংসদ সদস্য';
    const german = 'Die Wa\u0308rmepumpe la\u0308uft auch im Winter, sagen die Fachleute.';
    const page = `<article><div class="body"><p>${bengali}, অ্যাডভোকেট, এ ঘটনা ঘটে।</p><p>${german}</p>${PROSE}</div></article>`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.body_text).toContain('কুষ্টি\u09AF\u09BCা-১ আসনের সংসদ সদস্য');
    expect(article.body_text).not.toContain('\u09DF');
    expect(article.body_text).toContain('Die Wärmepumpe läuft auch im Winter');
  });
});

describe('BEM modifier classes', () => {
  it('reads the standfirst in a header section whose modifier says it holds ads (o-section--has-ads)', () => {
    const subtitle = 'Installers cannot keep up with the demand, and the waiting lists grow longer every month.';
    const head = `<section class="o-section o-section--has-ads"><header><h1>Heat pump market grows by 42 percent</h1><h2 class="c-article-head__subtitle">${subtitle}</h2></header></section>`;
    const body = `<section class="o-section o-section--has-ads"><div class="c-article-body"><div class="c-article-copy">${PROSE}</div></div></section>`;
    const article = extractArticle(scrapedPost(`<main>${head}${body}</main>`), CONTEXT);
    expect(article.body_text).toMatch(new RegExp(`^${subtitle}`));
    expect(article.body_text).toContain('Paragraph 5 of the report');
  });
});
