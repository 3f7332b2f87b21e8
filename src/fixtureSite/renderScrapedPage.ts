import { encodeAttribute, encodeText } from './encodeText.js';
import { asciiBytes, asciiViews, phpJsonFragment } from './phpJson.js';
import { INLINE_AD_HTML, SHARE_BAR_HTML, SHARE_POPUP_HTML, asideAdHtml } from './euronewsMarkup.js';
import type { ScrapedArticle } from './generateScrapedArticle.js';
import type { TeaserSlots } from './pickTeasers.js';
import {
  renderLatestTeaser,
  renderMostReadBox,
  renderMostReadTeaser,
  renderReadMoreBox,
  renderRelatedWidget,
  renderTopStoriesBox,
  renderTopStoryTeaser,
} from './renderEuronewsTeasers.js';
import { parisTime } from './wpDates.js';
import { excerptWords } from './makeExcerpt.js';

/** The crawler's shortcode quotes come out of wptexturize as `&#8221;`. */
const shortcode = (name: string, attrs: Array<[string, string]>): string => `<p>[${name} ${attrs.map(([k, v]) => `${k}=&#8221;${v}&#8221;`).join(' ')}]</p>\n`;

function renderHeader(a: ScrapedArticle): string {
  const crumbs = a.breadcrumbs.map((c) => `<p>                          ${encodeText(c, 'entity')}</p>`).join('\n');
  const caption = encodeText(a.image.caption, 'literal');
  const credit = encodeText(a.image.credit, 'literal');
  return `<header class="h-grid o-article-newsy__main__header">
<nav aria-label="Breadcrumbs" class="c-article-breadcrumbs">
<div id="adb-article-breadcrumb" class="c-article-breadcrumbs__list">
${crumbs}</div>
</nav>
<h1 class="c-article-redesign-title">
                            ${encodeText(a.headline, 'entity')}</h1>
<div class="c-article-image-video u-position-relative ">
<div class="js-superdiv u-aspect-ratio-16x9 u-position-relative " data-sponsored="Partner content"><img fetchpriority="high" decoding="async" class="js-poster-img c-article-media__img" src="${a.image.heroUrl}" width="1536" height="864" loading="eager" alt="${encodeAttribute(a.image.caption)}"></div>
<div class="c-article-caption u-position-absolute"><i id="article-caption-content" class="c-article-caption__content"><span class="c-article-caption__text"><br />
              ${caption}<br />
                    <span class="u-color-white">&#8211; </span><span class="c-article-caption__copyright">Copyright </span><span class="c-article-caption__credit">${credit}</span></span></i></div>
<div class="c-article-image-copyright c-article-image-copyright--novideo">
      Copyright ${credit}
  </div>
</div>
</header>
`;
}

function renderMeta(a: ScrapedArticle): string {
  const time = parisTime(a.publishedMs);
  return `<div class="o-article-newsy__contributors-publication-date">
<div class="c-article-contributors">
  By&amp;nbsp${encodeText(a.author, 'literal')}
</div>
<div class="c-article-publication-date" data-timestamp="${Math.floor(a.publishedMs / 1000)}">
         Published on<br />
            <time datetime="${time.datetime}">${time.label}</time></div>
</div>
`;
}

function renderSummary(a: ScrapedArticle): string {
  return `<h2 class="c-article-summary">
        ${encodeText(a.summary.text, a.summary.style)}<br />
    </h2>
`;
}

const j = phpJsonFragment;
const BODY_OPEN_JSON = j('<div class="c-article-content js-article-content">\n');
const BODY_CLOSE_JSON = j('</div>\n');
const P_CLOSE_JSON = j('</p>\n');
const H2_OPEN_JSON = j('<h2><strong>');
const H2_CLOSE_JSON = j('</strong></h2>\n');
const AD_JSON = j(INLINE_AD_HTML);
const CLOSE_ARTICLE_JSON = j('</aside>\n</div>\n</article>\n');
const ARTICLE_BODY_OPEN_JSON = j('<div class="articleBody" data-key="articleBody">');

/**
 * Body paragraphs and subheads in page order, plus the same texts for the articleBody copy, both already as
 * PHP-escaped JSON fragments: each text is escaped once and used twice.
 */
function renderBodyJson(a: ScrapedArticle, slots: TeaserSlots): { html: string; plain: string } {
  let html = BODY_OPEN_JSON;
  let plain = '';
  a.paragraphs.forEach((p, k) => {
    for (const sub of a.subheads) {
      if (sub.before !== k) continue;
      const text = j(encodeText(sub.text, 'entity'));
      html += H2_OPEN_JSON + text + H2_CLOSE_JSON;
      plain += text;
    }
    const text = j(encodeText(p.text, p.style));
    html += `<p>${text}${P_CLOSE_JSON}`;
    plain += text;
    if (a.adsAfter.includes(k)) html += AD_JSON;
    if (a.relatedAfter === k) html += j(renderRelatedWidget(slots.related));
  });
  return { html: html + BODY_CLOSE_JSON, plain };
}

function renderTags(a: ScrapedArticle): string {
  const items = a.pageTags
    .map(
      (t) =>
        `<li class="c-tags-list__item">\n<section class="tc-cta" data-twig-component="Cta-default">\n  ${encodeText(t, 'entity')}<br />\n</section>\n</li>\n`,
    )
    .join('');
  return `<div class="perf-cv-auto">\n<ul id="adb-article-tags" class="c-tags-list">\n${items}</ul>\n</div>\n`;
}

/** A rendered block, raw and as a PHP-escaped JSON string fragment. */
export interface Block {
  raw: string;
  /** PHP-escaped JSON string fragment, as byte chunks (kept off the JS heap and shared between posts) */
  json: Buffer[];
  /** text words of the block, for the automatic excerpt (computed once per block) */
  words?: string[];
}

/** Returns the cached block for `key`, building it once; neighbouring pages share their teaser blocks. */
export type BlockMemo = (key: string, build: () => string) => Block;

const SHARE_POPUP_JSON = asciiBytes(phpJsonFragment(SHARE_POPUP_HTML));
const QUOTE = asciiBytes('"');
const fragment = (html: string): Buffer => asciiBytes(phpJsonFragment(html));

const keyOf = (teasers: TeaserSlots['latest']): string => teasers.map((t) => t.nid).join(',');

/** The page's opening: featured-image shortcode plus latest stories and their sidebar copies (excerpt source). */
export function renderScrapedOpening(a: ScrapedArticle, slots: TeaserSlots, memo: BlockMemo): Block {
  const latest = memo(
    `latest:${keyOf(slots.latest)}`,
    () => slots.latest.map((t, k) => renderLatestTeaser(t, k + 1, false)).join('') + slots.latest.map((t, k) => renderLatestTeaser(t, k + 1, true)).join(''),
  );
  const image = shortcode('analyse_image', [
    ['type', 'featured'],
    ['src', a.image.featuredUrl],
  ]);
  latest.words ??= excerptWords(latest.raw);
  return { raw: image + latest.raw, json: [QUOTE, fragment(image), ...latest.json], words: [...excerptWords(image), ...latest.words] };
}

/** Renders the `content.rendered` of a scraped euronews page, shaped exactly like the seed, as a JSON string literal. */
export function renderScrapedPage(a: ScrapedArticle, slots: TeaserSlots, memo: BlockMemo, opening: Block): Buffer[] {
  const body = renderBodyJson(a, slots);
  const top = keyOf(slots.top);
  const read = keyOf(slots.mostRead);
  const aside = memo(
    `aside:${top}:${read}`,
    () => asideAdHtml(1) + renderTopStoriesBox(slots.top) + asideAdHtml(2) + renderMostReadBox(slots.mostRead) + asideAdHtml(3),
  );
  const copies = memo(
    `copies:${top}:${read}`,
    () => slots.top.map((t, k) => renderTopStoryTeaser(t, k + 2)).join('') + slots.mostRead.map((t, k) => renderMostReadTeaser(t, k + 1)).join(''),
  );
  const main =
    '<article class="helper-site-row o-article-newsy">\n<div class="helper-site-container o-article-newsy__container">\n<div class="o-article-newsy__main">\n' +
    renderHeader(a) +
    '<div class="h-grid o-article-newsy__main__body u-article-content">\n' +
    renderMeta(a);
  const rest =
    j(renderSummary(a)) +
    body.html +
    j(
      '<p>                                  Go to accessibility shortcuts</p>\n' +
        SHARE_BAR_HTML +
        renderReadMoreBox(slots.readMore) +
        renderTags(a) +
        '</div>\n</div>\n<aside class="o-article-newsy__aside">\n',
    );
  const tail = `${ARTICLE_BODY_OPEN_JSON}${body.plain}${j(`</div>\n${shortcode('analyse_source', [['url', a.sourceUrl]])}`)}"`;
  const [mainJson, restJson, closeJson, tailJson] = asciiViews([j(main), rest, CLOSE_ARTICLE_JSON, tail]) as [Buffer, Buffer, Buffer, Buffer];
  return [...opening.json, mainJson, SHARE_POPUP_JSON, restJson, ...aside.json, closeJson, ...copies.json, tailJson];
}
