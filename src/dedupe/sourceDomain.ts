import { parseWebUrl } from './parseWebUrl.js';

/**
 * The source a URL belongs to, for per-source statistics (template blocks, teasers): the lower-case host
 * without `www.`, port or trailing dot. Other subdomains are kept on purpose: `news.example.com` and
 * `blog.example.com`, or two blogs on one hosting domain, have different templates and different teaser ids,
 * and cutting to the registrable domain would need the public suffix list to avoid merging them.
 * Returns null for an unparseable or non-http(s) URL.
 */
export function sourceDomain(url: string): string | null {
  return parseWebUrl(url)?.host ?? null;
}
