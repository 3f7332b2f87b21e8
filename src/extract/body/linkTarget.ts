import type { Element } from 'domhandler';
import { attr } from '../../html/index.js';

/** Where the page is: what tells a link to its own sections, or to another site, from a link to another page of the site. */
export interface LinkScope {
  /** The page's address without its fragment, or null when unknown. */
  page: string | null;
  /**
   * Host names of the page's site (its address's and the addresses it declares), without a leading `www.`; their
   * subdomains and parent domains are the site too. Empty: unknown.
   */
  hosts: ReadonlySet<string>;
}

/** A scope that knows nothing of the page: every link counts as one to another page of the site. */
export const UNKNOWN_SCOPE: LinkScope = { page: null, hosts: new Set() };

/**
 * Where a link leads: `section` to a place on the page itself (`#methods`, the page's own address), `site` to
 * another page of the same site (or a page action: a control, a share link carrying the page's address),
 * `elsewhere` to another site or an e-mail address.
 */
export type LinkTarget = 'section' | 'site' | 'elsewhere';

function hostKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/**
 * The page scope from the page's address and the addresses the page declares for itself (canonical link,
 * `og:url`, JSON-LD `url`); any may be missing. The first that parses is the page's own address.
 */
export function linkScope(page: string | null, declared: ReadonlyArray<string | null>): LinkScope {
  const hosts = new Set<string>();
  let pageUrl: string | null = null;
  for (const address of [page, ...declared]) {
    if (!address) continue;
    try {
      const url = new URL(address);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      hosts.add(hostKey(url.host));
      url.hash = '';
      pageUrl ??= url.href;
    } catch {
      // An address that does not parse tells nothing of the site.
    }
  }
  return { page: pageUrl, hosts };
}

/** Where `link` (an `<a href>`) leads, seen from the page in `scope`. */
export function linkTarget(link: Element, scope: LinkScope): LinkTarget {
  const href = attr(link, 'href').trim();
  if (href.length > 1 && href.startsWith('#')) return 'section';
  if (scope.hosts.size === 0 || !href || href === '#') return 'site';
  let url: URL;
  try {
    url = new URL(href, scope.page ?? undefined);
  } catch {
    return 'site';
  }
  if (url.protocol === 'mailto:') return 'elsewhere';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'site';
  const host = hostKey(url.host);
  if (scope.hosts.has(host)) {
    url.hash = '';
    return url.href === scope.page ? 'section' : 'site';
  }
  for (const own of scope.hosts) if (sameSite(host, own)) return 'site';
  return carriesOwnAddress(url.search, scope.hosts) ? 'site' : 'elsewhere';
}

/**
 * One host within the other (`projects.news.example` and `news.example`): one site. Two siblings
 * (`bugs.example.org` from `blog.example.org`) are two sites of one organisation, and a link between them a reference.
 */
function sameSite(host: string, own: string): boolean {
  return host.endsWith(`.${own}`) || own.endsWith(`.${host}`);
}

/** A share or translate link carries the page's own address in its query: an action on this page, not a reference. */
function carriesOwnAddress(search: string, hosts: ReadonlySet<string>): boolean {
  if (!search) return false;
  let query = search.toLowerCase();
  try {
    query = decodeURIComponent(query);
  } catch {
    // A malformed escape: the raw query is still searched.
  }
  for (const host of hosts) if (query.includes(host)) return true;
  return false;
}
