/** A site's page count as planned, and why the reported one was not believed when it was not. */
export interface PlannedPages {
  pages: number;
  /** Set when the site's `X-WP-TotalPages` was more than any site can hold: what it said and the cap applied. */
  lie?: string;
}

/**
 * Caps the page count a site reports (`X-WP-TotalPages`) at what a site can plausibly hold: `maxSitePosts`
 * (WPINGEST_MAX_SITE_POSTS) posts at `perPage` a page. A broken or hostile site answering 3,000,000,000 would
 * otherwise have that many pages planned (and the integer overflows Postgres on the way).
 */
export function plausiblePages(reported: number, perPage: number, maxSitePosts: number): PlannedPages {
  const cap = Math.max(1, Math.ceil(maxSitePosts / Math.max(1, perPage)));
  if (reported <= cap) return { pages: reported };
  return {
    pages: cap,
    lie: `X-WP-TotalPages ${reported} is more than a site can hold; capped at ${cap} pages (WPINGEST_MAX_SITE_POSTS ${maxSitePosts} / ${perPage} per page)`,
  };
}
