/** When a site profile's body is believed (checked in `body/extractBody` against the generic measures). */

/** A profile body shorter than this (characters of text) is implausible: the template changed. */
export const MIN_PROFILE_BODY_CHARS = 150;
/** A profile body must hold at least this share of the page's prose, or the generic scorer knows better... */
export const MIN_PROFILE_PROSE_SHARE = 0.3;
/**
 * ...unless the generic scorer finds nothing much bigger: a short story on a page full of teaser titles holds
 * little of the page's prose, yet the profile is right. The generic body must be this many times larger to win.
 */
export const GENERIC_OVERRIDES_PROFILE_RATIO = 1.5;
