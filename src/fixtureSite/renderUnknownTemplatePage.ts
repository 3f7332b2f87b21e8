import { encodeAttribute, encodeText } from './encodeText.js';
import type { ScrapedArticle, StyledText } from './generateScrapedArticle.js';

/** Domain of the unknown-template news site. */
export const UNKNOWN_SITE_DOMAIN = 'www.example-news.test';
const SITE = `https://${UNKNOWN_SITE_DOMAIN}`;
const MENU = ['Home', 'World', 'Europe', 'Business', 'Science', 'Opinion', 'Podcasts'];
const MOST_POPULAR = [
  'Inside the night train revival sweeping the continent',
  'Ten charts that explain the housing squeeze',
  'The quiet town that became a battery capital',
  'Why rivers are running dry earlier every year',
  'How a small port rewrote the rules of shipping',
];
const NEWSLETTER_TITLE = 'Get the Morning Briefing';
const NEWSLETTER_TEXT = 'Sign up for our free newsletter and get the day\u2019s top stories in your inbox every morning.';
const FOOTER_LINKS = ['About us', 'Contact', 'Privacy policy', 'Terms of use', 'Advertise'];
const FOOTER_TEXT = '\u00a9 2026 The Example Herald. All rights reserved.';
/**
 * Boilerplate paragraphs the template puts inside the story body itself, as plain `<p>` with no class: no
 * markup hint tells them from the story, so only the generic template detector (block counts) can remove them.
 */
const IN_BODY_PROMO = 'Listen to The Example Herald\u2019s daily podcast for the stories behind the headlines, wherever you get your podcasts.';
const IN_BODY_FUNDING = 'This story was reported with support from the Example Herald Foundation, which has no say over our journalism.';

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Decoded text of each repeated block (menu, most popular, newsletter, footer), whitespace-normalised. */
export const UNKNOWN_TEMPLATE_BLOCKS: readonly string[] = [
  MENU.join(' '),
  ['Most popular', ...MOST_POPULAR].join(' '),
  [NEWSLETTER_TITLE, NEWSLETTER_TEXT, 'Sign up'].join(' '),
  [...FOOTER_LINKS, FOOTER_TEXT].join(' '),
  IN_BODY_PROMO,
  IN_BODY_FUNDING,
];

const MENU_HTML = `<header class="eh-masthead">
<a class="eh-masthead__logo" href="${SITE}/">The Example Herald</a>
<nav class="eh-menu">
<ul>
${MENU.map((m) => `<li class="eh-menu__item"><a href="${SITE}/${m === 'Home' ? '' : `${slug(m)}/`}">${m}</a></li>`).join('\n')}
</ul>
</nav>
</header>
`;
const POPULAR_HTML = `<section class="eh-popular">
<h4 class="eh-popular__title">Most popular</h4>
<ol class="eh-popular__list">
${MOST_POPULAR.map((t) => `<li><a href="${SITE}/features/${slug(t)}">${t}</a></li>`).join('\n')}
</ol>
</section>
`;
const NEWSLETTER_HTML = `<section class="eh-newsletter">
<h4 class="eh-newsletter__title">${NEWSLETTER_TITLE}</h4>
<p class="eh-newsletter__text">${encodeText(NEWSLETTER_TEXT, 'entity')}</p>
<a class="eh-button" href="${SITE}/newsletters/">Sign up</a>
</section>
`;
const FOOTER_HTML = `<footer class="eh-footer">
<ul class="eh-footer__links">
${FOOTER_LINKS.map((l) => `<li><a href="${SITE}/${slug(l)}/">${l}</a></li>`).join('\n')}
</ul>
<small class="eh-footer__copy">${encodeText(FOOTER_TEXT, 'literal')}</small>
</footer>
`;

/** Canonical URL of an article on the unknown-template site. */
export function unknownSourceUrl(a: ScrapedArticle): string {
  const d = new Date(a.publishedMs).toISOString().slice(0, 10).replace(/-/g, '/');
  return `${SITE}/${slug(a.breadcrumbs[1] ?? 'news')}/${d}/${a.slug}`;
}

/** Renders a page copied from a different news site (no euronews classes), with the crawler's shortcodes. */
export function renderUnknownTemplatePage(a: ScrapedArticle, paragraphs: readonly StyledText[], sourceUrl: string): string {
  let body = '';
  paragraphs.forEach((p, k) => {
    for (const sub of a.subheads) if (sub.before === k) body += `<h3 class="eh-story__subhead">${encodeText(sub.text, 'entity')}</h3>\n`;
    body += `<p>${encodeText(p.text, p.style)}</p>\n`;
    if (k === 1) body += `<p>${encodeText(IN_BODY_PROMO, 'entity')}</p>\n`;
  });
  body += `<p>${encodeText(IN_BODY_FUNDING, 'literal')}</p>\n`;
  const date = new Date(a.publishedMs);
  const topics = a.pageTags.map((t) => `<li><a href="${SITE}/topic/${slug(t)}/">${encodeText(t, 'entity')}</a></li>`).join('\n');
  return `<p>[analyse_image type=&#8221;featured&#8221; src=&#8221;${a.image.featuredUrl}&#8221;]</p>
<div class="eh-page">
${MENU_HTML}<main class="eh-main">
<div class="eh-story">
<span class="eh-story__kicker">${encodeText(a.breadcrumbs[1] ?? '', 'entity')}</span>
<h1 class="eh-story__headline">${encodeText(a.headline, 'entity')}</h1>
<p class="eh-story__standfirst">${encodeText(a.summary.text, a.summary.style)}</p>
<div class="eh-story__meta"><span class="eh-story__byline">By ${encodeText(a.author, 'literal')}</span> <time class="eh-story__time" datetime="${date.toISOString().slice(0, 19)}Z">${date.toUTCString().slice(5, 16)}</time></div>
<figure class="eh-story__figure"><img src="${a.image.heroUrl}" alt="${encodeAttribute(a.image.caption)}" width="1536" height="864"><figcaption>${encodeText(a.image.caption, 'literal')} <span class="eh-story__credit">Photo: ${encodeText(a.image.credit, 'literal')}</span></figcaption></figure>
<div class="eh-story__body">
${body}</div>
<ul class="eh-story__topics">
${topics}
</ul>
</div>
<aside class="eh-rail">
${POPULAR_HTML}${NEWSLETTER_HTML}</aside>
</main>
${FOOTER_HTML}</div>
<p>[analyse_source url=&#8221;${sourceUrl}&#8221;]</p>
`;
}
