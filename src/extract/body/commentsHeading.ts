import { MAX_COMMENTS_HEADING_CHARS } from './rules.js';

/**
 * Headings that open a page's reader comments or the form to write one ("Kommentare", "3 Comments", "Leave a Reply"; not "Responses" or "Discussion", which articles use as section titles).
 * Blogs and small CMSs often mark the comment area with nothing but such a heading, no class or id.
 */
const COMMENTS_HEADING =
  /^(?:\d+\s+)?(?:kommentare?|comments?|leserkommentare|reader comments)(?:\s*\(\d+\))?\s*:?$|^(?:leave a (?:comment|reply)|write a comment|post a comment|kommentar (?:schreiben|verfassen|hinterlassen)|kommentare schreiben|hinterlasse (?:einen kommentar|eine antwort)|schreibe einen kommentar)\b.{0,40}$/i;

/** Whether a block's text is a heading that opens the reader comments. */
export function isCommentsHeading(text: string): boolean {
  return text.length <= MAX_COMMENTS_HEADING_CHARS && COMMENTS_HEADING.test(text);
}
