/**
 * An http(s) URL parsed, with its host as sources are compared: lower case, without `www.` or a trailing dot.
 * Null for an unparseable or non-http(s) URL, or one without a host.
 */
export function parseWebUrl(url: string): { parsed: URL; host: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/\.$/, '').replace(/^www\./, '');
  return host === '' ? null : { parsed, host };
}
