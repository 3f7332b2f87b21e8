/** Schemes a link may keep; anything else (javascript:, data:, vbscript:, file:) is dropped. */
const SAFE_LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
/** Images must be fetchable web resources. */
const SAFE_IMAGE_SCHEMES = new Set(['http:', 'https:']);

/** Resolves `href` against `base` and returns it only when its scheme is safe; null otherwise. */
export function absoluteUrl(href: string, base: string | null, kind: 'link' | 'image' = 'link'): string | null {
  // The WHATWG parser strips tabs/newlines inside schemes (`java\tscript:`), so the scheme check below sees
  // what a browser would run.
  const cleaned = href.trim();
  if (!cleaned || cleaned.startsWith('#')) return null;
  let url: URL;
  try {
    url = base ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    return null;
  }
  const allowed = kind === 'image' ? SAFE_IMAGE_SCHEMES : SAFE_LINK_SCHEMES;
  return allowed.has(url.protocol) ? url.href : null;
}

/**
 * `absoluteUrl`, or the value itself when it is a relative reference that cannot be resolved (no base): never
 * a value with an unsafe scheme such as `javascript:`.
 */
export function safeUrl(href: string, base: string | null, kind: 'link' | 'image' = 'link'): string | null {
  const resolved = absoluteUrl(href, base, kind);
  if (resolved) return resolved;
  const cleaned = href.trim();
  return cleaned && !/^[a-z][a-z0-9+.-]*:/i.test(cleaned.replace(/[\t\n\r]/g, '')) && !cleaned.startsWith('#') ? cleaned : null;
}
