import type { Teaser } from './buildTeaserPool.js';
import { encodeAttribute, encodeText } from './encodeText.js';

const video = (t: Teaser): string => (t.hasVideo ? ' the-media-object--has-video' : '');
const attrs = (t: Teaser): string => `data-nid="${t.nid}" data-cid="${t.cid}" data-part-label="Partner content"`;

function figure(t: Teaser, id: string, size: string): string {
  return `<figure id="${id}" class="the-media-object__figure"><img decoding="async" class="the-media-object__image" src="${t.imageUrl(size)}" loading="lazy" alt="${encodeAttribute(t.alt)}" height="9" width="16"></figure>\n`;
}

/** A "latest stories" teaser at position `pos` (1-based), main column or `-sidebar` copy. */
export function renderLatestTeaser(t: Teaser, pos: number, sidebar: boolean): string {
  const suffix = `pos${pos}-c-latest-stories${sidebar ? '-sidebar' : ''}`;
  const mode = sidebar ? 2 : 1;
  return `<article id="abe-${t.nid}-${suffix}" class="the-media-object m-modeMobile-${mode} m-modeDesktop-${mode} m-modeXL-${mode}${video(t)}" ${attrs(t)}>
${figure(t, `abe-${t.nid}-label-${suffix}`, '189x106')}<div class="the-media-object__content">
                    ${encodeText(t.label, 'entity')}</p>
<div class="the-media-object__title  ">
<p>    ${encodeText(t.title, 'entity')}
  </p></div>
</div>
</article>
`;
}

/** A "top stories" teaser at position `pos` (2..6 as on the seed page). */
export function renderTopStoryTeaser(t: Teaser, pos: number): string {
  const suffix = `pos${pos}-top-stories`;
  return `<article id="abe-${t.nid}-${suffix}" class="the-media-object m-modeMobile-2 m-modeDesktop-2 m-modeXL-2${video(t)} the-media-object--no-label" ${attrs(t)}>
${figure(t, `abe-${t.nid}-label-${suffix}`, '320x180')}<div class="the-media-object__content">
<h3 class="the-media-object__title  ">
<p>    ${encodeText(t.title, 'entity')}<br />
  </h3>
</div>
</article>
`;
}

/** A "most read" teaser at position `pos` (1..5), without its numbered wrapper. */
export function renderMostReadTeaser(t: Teaser, pos: number): string {
  return `<article id="abe-${t.nid}-pos${pos}-mostViewed" class="the-media-object m-modeMobile-3 m-modeDesktop-3 m-modeXL-3${video(t)} the-media-object--no-label" ${attrs(t)}>
<div class="the-media-object__content">
<h3 class="the-media-object__title  ">
<p>    ${encodeText(t.title, 'entity')}<br />
  </h3>
</div>
</article>
`;
}

/** The aside's top stories box. */
export function renderTopStoriesBox(top: readonly Teaser[]): string {
  const items = top.map((t, k) => `<div class="c-top-stories__item">\n${renderTopStoryTeaser(t, k + 2)}</div>\n`).join('');
  return `<div id="adb-article-top-stories" class="perf-cv-auto c-top-stories">
<h2 class="c-top-stories__title">Top stories</h2>
${items}</div>
`;
}

/** The aside's most read box. */
export function renderMostReadBox(mostRead: readonly Teaser[]): string {
  const items = mostRead
    .map((t, k) => `<div class="c-most-viewed__item"><span class="c-most-viewed__item__number">${k + 1}</span></p>\n${renderMostReadTeaser(t, k + 1)}</div>\n`)
    .join('');
  return `<div class="perf-cv-auto c-most-viewed">
<h2 class="c-most-viewed__title qa-section-title">Most read</h2>
<div class="c-most-viewed__list">
${items}</div>
</div>
`;
}

/** The "Related" widget inside the article body. */
export function renderRelatedWidget(related: readonly Teaser[]): string {
  const items = related.map((t) => `<li class="c-widget-related__item">${encodeText(t.title, 'literal')}</li>\n`).join('');
  return `<div class="c-widget-related" data-stories-id data-event="widget_related">
<div class="c-widget-related__title"><b class="c-widget-related__title__text" lang="en">Related</b></div>
<ul class="c-widget-related__list">
${items}</ul>
</div>
`;
}

/** The "Read more" box after the article body. */
export function renderReadMoreBox(readMore: readonly Teaser[]): string {
  const items = readMore
    .map((t) => `<div class="c-article-you-might-also-like__item">\n<h3>\n<p>                  ${encodeText(t.title, 'entity')}</p>\n</h3>\n</div>\n`)
    .join('');
  return `<div id="adb-article-you-might-also-like" class="perf-cv-auto c-article-you-might-also-like">
<h2 class="c-article-you-might-also-like__title">
        Read more<br />
      </h2>
${items}</div>
`;
}
