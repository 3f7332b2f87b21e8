/** Limits of reading the WP post object itself (shortcodes, the WP clock), in one place. */

/** Characters of a shortcode's attributes read (`[analyse_source url="..."]`, `[caption id=...]`): hostile posts stay cheap. */
export const MAX_SHORTCODE_ATTRIBUTE_CHARS = 2000;
/** Characters of a `[caption]...[/caption]`'s inner markup read. */
export const MAX_CAPTION_MARKUP_CHARS = 20_000;

/** Time-zone offsets are whole quarter hours (ms); a WP/page date difference that is not is no clock error. */
export const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Largest real time-zone offset (UTC+14) plus a margin (ms). */
export const MAX_ZONE_OFFSET_MS = 15 * 60 * 60 * 1000;
