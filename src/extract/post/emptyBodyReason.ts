import type { WpPost } from '../../wpPost.js';
import { renderedField } from '../../wpPost.js';

/**
 * Why an article came out with no body text:
 * - `password-protected`: WordPress served the post without its content (`content.protected`, empty `rendered`),
 *   or the scraped page shows WordPress's password form where the post would be;
 * - `no-text-in-post`: the post holds no readable text (an image, a gallery, an embed; alt text aside);
 * - `text-not-extracted`: the post holds text and extraction kept none of it (the case to look at: `wpingest explain`).
 */
export type EmptyBodyReason = 'password-protected' | 'no-text-in-post' | 'text-not-extracted';

/** Why `article` has no body text, or null when it has some. Cheap unless the body is empty. */
export function emptyBodyReason(post: WpPost, article: { word_count: number }): EmptyBodyReason | null {
  if (article.word_count > 0) return null;
  const content = renderedField(post.content);
  if (isProtected(post) && content.trim() === '') return 'password-protected';
  // A page scraped while its post was protected: the theme showed WordPress's password form instead of the post.
  if (PASSWORD_FORM.test(content)) return 'password-protected';
  return hasReadableText(content) ? 'text-not-extracted' : 'no-text-in-post';
}

/** WordPress's password form (`get_the_password_form`): posts to `wp-login.php?action=postpass`. */
const PASSWORD_FORM = /action=postpass|post-password-form/;

function isProtected(post: WpPost): boolean {
  const content = post.content as { protected?: unknown } | string | undefined;
  return typeof content === 'object' && content !== null && content.protected === true;
}

/** Elements whose text is no reading text of the post: code, styles, media fallbacks (a caption is the author's text). */
const NON_TEXT_ELEMENTS = /<(script|style|noscript|template|iframe|video|audio|object|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const TAGS = /<[^>]*>/g;
/** `[shortcode attr="..."]`, `[/shortcode]`: an aggregator's `[analyse_source url=...]` is no text of the post. */
const SHORTCODES = /\[\/?[a-z][\w-]*(?:\s[^\]]{0,2000})?\]/gi;
const ENTITIES = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether markup holds a letter or digit of visible text outside tags, shortcodes and non-text elements. */
function hasReadableText(html: string): boolean {
  const text = html.replace(COMMENTS, ' ').replace(NON_TEXT_ELEMENTS, ' ').replace(TAGS, ' ').replace(SHORTCODES, ' ').replace(ENTITIES, ' ');
  return LETTER_OR_DIGIT.test(text);
}
