/** Public API of the extract stage: pure functions from WP posts to articles. */
export { extractArticle, type ExtractContext } from './extractArticle.js';
export { sanitizeHtml } from './sanitizeHtml.js';
export { parseShortcodes, type AggregatorShortcodes } from './parseShortcodes.js';
export { SITE_PROFILES, type SiteProfile } from './siteProfiles.js';
export { TEASER_SLOT_HINTS } from './teaserSlot.js';
