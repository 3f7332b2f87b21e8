/** Fixed pieces of the euronews page markup, copied from the seed page (same classes, quirks and whitespace). */

const STATIC = 'https://static.euronews.com/website/images';
const AD_LOGO = `${STATIC}/logos/logo-euronews-stacked-outlined-72x72-grey-9.svg`;
const SOCIAL = ['facebook', 'twitter', 'flipboard', 'send', 'reddit', 'linkedin', 'messenger', 'telegram', 'vk', 'bluesky', 'threads', 'whatsapp'];
const SOCIAL_LABEL: Record<string, string> = { vk: 'VK' };

/** The inline ad pair placed after the first body paragraph. */
export const INLINE_AD_HTML = `<div>
<div class="c-ad u-show-for-mobile-only">
<div class="c-ad__placeholder"><img decoding="async" class="c-ad__placeholder__logo" src="${AD_LOGO}" width="72" height="72" alt loading="lazy"><span>ADVERTISEMENT</span></div>
</div>
<div class="c-ad u-show-for-desktop">
<div class="c-ad__placeholder"><img decoding="async" class="c-ad__placeholder__logo" src="${AD_LOGO}" width="72" height="72" alt loading="lazy"><span>ADVERTISEMENT</span></div>
</div>
</div>
`;

/** A half-page ad wrapper of the aside, numbered 1..3. */
export function asideAdHtml(n: number): string {
  const perf = n === 1 ? '' : 'perf-cv-auto ';
  return `<div class="${perf}c-ad-wrapper o-article-newsy__aside__content-${n}" data-ad-name="adzone-halfpage">
<div class="c-ad c-ad-halfpage u-show-for-desktop">
<div class="c-ad__placeholder"><img loading="lazy" decoding="async" class="c-ad__placeholder__logo" src="${AD_LOGO}" width="72" height="72" alt><span>ADVERTISEMENT</span></div>
</div>
<div class="c-ad u-show-for-mobile-only">
<div class="c-ad__placeholder"><img loading="lazy" decoding="async" class="c-ad__placeholder__logo" src="${AD_LOGO}" width="72" height="72" alt><span>ADVERTISEMENT</span></div>
</div>
</div>
`;
}

/** The Share/Comments bar. */
export const SHARE_BAR_HTML =
  '<div class="c-article-partage-commentaire u-align-items-center u-display-flex"><span class="c-article-partage-commentaire__links u-align-items-center u-display-flex u-justify-content-center js-c-article-partage-commentaire-share"><span>Share</span></span><span>Comments</span></div>\n';

function socialIcons(): string {
  return SOCIAL.map((name) => {
    const icon = `${STATIC}/vector/social-icons/article-redesign-${name}.svg`;
    const label = SOCIAL_LABEL[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
    return `<span class="u-display-flex u-gap-1 u-show-for-mobile-only"><img decoding="async" src="${icon}" width="24" height="24" alt="${name}" loading="lazy"><span>${label}</span></span><img decoding="async" src="${icon}" width="48" height="48" alt="${name}" class="u-show-for-desktop" loading="lazy">`;
  }).join('');
}

/** The share bar plus its popup, as it follows the publication date. */
export const SHARE_POPUP_HTML = `${SHARE_BAR_HTML}<div class="c-article-partage-commentaire-popup-overlay js-c-article-partage-commentaire-popup-overlay u-display-none">
<div id="js-c-article-partage-commentaire-popup" class="c-article-partage-commentaire-popup js-c-article-partage-commentaire-popup">
<div class="c-article-partage-commentaire-popup__header u-display-flex"><span>Share</span><img decoding="async" src="${STATIC}/vector/icon-close.svg" width="24" height="24" alt="Close Button" class="u-cursor-pointer js-c-article-partage-commentaire-close" loading="lazy"></div>
<div class="c-article-partage-commentaire-popup__content u-display-flex">
<div id="partage-commentaire-popup-content-container" class="c-article-partage-commentaire-popup__content__container u-display-flex">${socialIcons()}</div>
</div>
</div>
</div>
`;
