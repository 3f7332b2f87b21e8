/**
 * A zone at the very end of an ISO time: `Z`, `z`, or a `±hh:mm` / `±hhmm` offset. Anchored, so a `z` elsewhere in
 * a malformed value is not taken for a zone.
 */
const ZONE_SUFFIX = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/**
 * `value` with `Z` appended when it carries no zone: in wpingest a zone-less time is UTC (WordPress's `*_gmt`
 * fields have no suffix; WordPress itself would read a zone-less query bound as site-local time).
 */
export function withUtcZone(value: string): string {
  return ZONE_SUFFIX.test(value) ? value : `${value}Z`;
}
