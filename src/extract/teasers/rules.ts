/** Thresholds of finding teaser cards and boxes, in one place. Card size is also what `furniture/` calls a headline card. */

/**
 * A card holds a headline and a line or two of summary: at most this much text (non-space characters; outside
 * links for a headline-list item). More is a section of the article.
 */
export const MAX_CARD_TEXT_CHARS = 400;
/** ...and no paragraph of article prose (non-space characters in `<p>`s). */
export const MAX_CARD_PROSE_CHARS = 0;
/** A card in a box named for teasers may carry a summary paragraph: at most this much text in all. */
export const MAX_SUMMARY_CARD_TEXT_CHARS = 800;
/** Such a box is a list of summary cards when it holds at least this many... */
export const MIN_SUMMARY_CARDS = 3;
/** ...and they hold at least this share of its prose. */
export const MIN_SUMMARY_CARD_PROSE_SHARE = 0.9;
/** Levels above a linked heading searched for the card that holds its second link. */
export const MAX_CARD_LEVELS = 4;
/** A teaser box never holds more than this share of the page's prose; a bigger match is the article. */
export const MAX_TEASER_BOX_PROSE_SHARE = 0.3;
/** Box headings ("Most read", "Lesen Sie auch") are short (characters). */
export const MAX_BOX_HEADING_CHARS = 60;
/** A link in a box without item elements or headings is a teaser when its text is at least this long (characters). */
export const MIN_BOX_LINK_CHARS = 15;
/** Teaser titles longer than this (characters) are prose, not headlines. */
export const MAX_TEASER_TITLE_CHARS = 300;
/** Upper bound on teasers per post so hostile pages stay cheap. */
export const MAX_TEASERS = 300;
/** How far up from a card (levels) its slot may be named. */
export const SLOT_LOOKUP_LEVELS = 6;
