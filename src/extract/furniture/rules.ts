/**
 * Thresholds of marking page furniture, in one place. "Prose" is the node stats' measure: non-space characters in
 * well-formed paragraphs (see `body/nodeStats`). A headline card's size is the teasers' card size (`teasers/rules`).
 */

// --- Wrappers are not furniture (furnitureReason) -----------------------------------------------------------

/**
 * An element whose class says "sidebar" or "comments" but which holds more than this share of the page's
 * prose is a layout wrapper around the article (`<div class="main has-sidebar">`), not furniture...
 */
export const WRAPPER_PROSE_SHARE = 0.5;
/** ...when it holds at least this much prose (non-space characters), so tiny pages are not all "wrappers"... */
export const WRAPPER_MIN_PROSE_CHARS = 400;
/** ...or this much text outside links (non-space characters) when its prose is not in <p>s (old blogs write with <br>s). */
export const WRAPPER_MIN_PLAIN_CHARS = 2000;
/** Longest text (non-space characters) an element dropped for a short-only reason (caption, byline, tags) may hold. */
export const MAX_SHORT_FURNITURE_CHARS = 400;
/** Prose paragraphs beside an element that make it a box inside the article text rather than a wrapper of it... */
export const MIN_SIBLING_PARAGRAPHS = 3;
/** ...holding at least this much prose (non-space characters). */
export const MIN_SIBLING_PARAGRAPH_CHARS = 400;
/** Ids with this many words are heading slugs (`sharing-with-a-single-developer`), not component names. */
export const MIN_SLUG_ID_WORDS = 4;

// --- Page-builder components named like navigation (articleComponentClasses) --------------------------------

/** The elements of a component family must hold more than this share of the page's prose... */
export const MIN_COMPONENT_PROSE_SHARE = 0.5;
/** ...and at least this much prose (non-space characters), so a near-empty page is no evidence... */
export const MIN_COMPONENT_PROSE_CHARS = 400;
/** ...spread over at least this many separate components (one per paragraph or block of the article)... */
export const MIN_COMPONENT_PARTS = 3;
/** ...none of which holds more than this share of the family's prose (one big gallery box is no article). */
export const MAX_COMPONENT_PART_SHARE = 0.5;

// --- Lists of other stories (headlineListReason) ------------------------------------------------------------

/** A list needs this many headline cards to be a stream of other stories... */
export const MIN_HEADLINE_CARDS = 3;
/** ...and they must be this share of its items. */
export const MIN_HEADLINE_CARD_SHARE = 0.6;
/** A card's heading is a headline link when links hold this share of its text. */
export const MIN_HEADLINE_LINK_SHARE = 0.8;

// --- Plain-text articleBody copies (markFurniture) ----------------------------------------------------------

/** A plain-text `articleBody` copy must be at least this long (characters) to be recognised as a copy of the body. */
export const MIN_ARTICLEBODY_COPY_CHARS = 200;

/** A list is a comment thread when at least this many of its items each hold a link only comments carry. */
export const MIN_COMMENT_LIST_ITEMS = 2;
/** Comment links read per page (a real thread has a few hundred at most). */
export const MAX_COMMENT_LINKS = 2000;
