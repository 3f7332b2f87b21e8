import { parseWebUrl } from './parseWebUrl.js';

/**
 * Query parameters that only say how a reader arrived (campaign, click id, referrer), never which article.
 * Matched case-insensitively. Dropping them makes a shared link and the canonical link the same article.
 */
// prettier-ignore
const TRACKING_PARAM_NAMES: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'vero_id', 'oly_anon_id', 'oly_enc_id',
  'ref', 'ref_src', 'ref_url', 'referrer', 'ocid', 'cmpid', 'cmp', 'cid_source', 'smid', 'smtyp',
  '_ga', '_gl', 'xtor', 'xtref', 'igshid', 'igsh', 'spm', 'scm', 'wt.mc_id', 'wt_mc', 's_cid', 'ito',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', '__twitter_impression', 'rb_clickid',
]);

/** Prefixes of whole tracking families: Google (`utm_`), AT Internet (`at_`), BBC/comScore (`ns_`), Matomo (`pk_`, `mtm_`), HubSpot ads (`hsa_`). */
const TRACKING_PARAM_PREFIXES: readonly string[] = ['utm_', 'at_', 'ns_', 'pk_', 'mtm_', 'hsa_'];

/** Ports that are the default of http or https: after http→https both mean "no port". */
const DEFAULT_PORTS: ReadonlySet<string> = new Set(['', '80', '443']);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAM_NAMES.has(lower) || TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function normaliseQuery(search: string): string {
  const kept = [...new URLSearchParams(search)].filter(([name]) => name !== '' && !isTrackingParam(name));
  kept.sort(([nameA, valueA], [nameB, valueB]) => (nameA < nameB ? -1 : nameA > nameB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0));
  return kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
}

function normalisePath(pathname: string): string {
  // Percent-escapes are case-insensitive (RFC 3986 §6.2.2.1): %c3%a9 and %C3%A9 are the same path.
  const path = pathname.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
}

/**
 * Canonical form of an article URL, so that the same article gives the same string: https, lower-case host
 * without `www.` or a trailing dot, no default port, credentials, fragment, trailing slash (except the root)
 * or tracking parameters, remaining parameters sorted. Path case is kept (paths are case-sensitive).
 * Returns null for an unparseable or non-http(s) URL.
 */
export function normaliseSourceUrl(url: string): string | null {
  const web = parseWebUrl(url);
  if (!web) return null;
  const { parsed, host } = web;
  const port = DEFAULT_PORTS.has(parsed.port) ? '' : `:${parsed.port}`;
  return `https://${host}${port}${normalisePath(parsed.pathname)}${normaliseQuery(parsed.search)}`;
}
