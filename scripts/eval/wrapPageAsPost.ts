import type { WpPost } from '../../src/wpPost.js';

/** Charset declared in the first bytes of a page (`<meta charset>` or http-equiv), default UTF-8. */
export function sniffCharset(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

/**
 * Decodes page bytes: valid UTF-8 is taken as UTF-8 (saved copies often keep a stale `<meta charset>`), otherwise
 * the sniffed charset is used, falling back to UTF-8 for unknown labels.
 */
export function decodePage(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: use the declared charset
  }
  const charset = sniffCharset(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeTitle(html: string): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return match?.[1]?.trim() ?? '';
}

/**
 * The `<body>` markup with scripts, styles and the head removed, as the aggregator stores pages. An end tag may
 * carry junk before its `>` (`</script\n <!-- … -->`): browsers end the element there, and so does this.
 */
export function bodyMarkup(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? /<body[^>]*>([\s\S]*)$/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<head[\s>][\s\S]*?<\/head>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script\b[^>]*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\b[^>]*>/gi, '');
}

/** Wraps a page as an aggregator post (README: body markup + analyse_source shortcode; WP title = page title). */
export function wrapPageAsPost(html: string, url: string, id: number): WpPost {
  const content = `${bodyMarkup(html)}\n<p>[analyse_source url=&#8221;${url}&#8221;]</p>\n`;
  return {
    id,
    date: '2024-01-01T00:00:00',
    date_gmt: '2024-01-01T00:00:00',
    modified_gmt: '2024-01-01T00:00:00',
    slug: `page-${id}`,
    link: `https://aggregator.example/?p=${id}`,
    title: { rendered: decodeTitle(html) },
    content: { rendered: content },
    excerpt: { rendered: '' },
  };
}
