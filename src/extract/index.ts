/** Public API of the extract stage: pure functions from WP posts to articles. */
export { extractArticle, type ExtractContext } from './extractArticle.js';
export { sanitizeHtml } from './body/sanitizeHtml.js';
export { parseShortcodes, type AggregatorShortcodes } from './post/parseShortcodes.js';
export { SITE_PROFILES, type SiteProfile } from './profiles/siteProfiles.js';
export { TEASER_SLOT_HINTS } from './teasers/teaserSlot.js';
export { DROP_REASONS, type DropReason } from './dropReasons.js';
export { emptyBodyReason, type EmptyBodyReason } from './post/emptyBodyReason.js';
