import type { RestError } from './restErrors.js';

/** An HTTP response the fixture produces, before fault injection. */
export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  /** a string, bytes, or byte chunks (large pages are sent as chunks without being joined) */
  body: string | Buffer | Buffer[];
}

/** The body as one Buffer. */
export function bodyBytes(body: RestResponse['body']): Buffer {
  if (Array.isArray(body)) return Buffer.concat(body);
  return Buffer.isBuffer(body) ? body : Buffer.from(body);
}

/** Size of the body in bytes. */
export function bodyLength(body: RestResponse['body']): number {
  if (Array.isArray(body)) return body.reduce((n, chunk) => n + chunk.length, 0);
  return Buffer.byteLength(body);
}

/** Headers WordPress 6.1 sends on every REST response. */
export function restHeaders(root: string, extra: Record<string, string> = {}): Record<string, string> {
  const link = [extra.Link, `<${root}>; rel="https://api.w.org/"`].filter(Boolean).join(', ');
  return {
    'Content-Type': 'application/json; charset=UTF-8',
    'X-Robots-Tag': 'noindex',
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
    'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
    ...extra,
    Link: link,
    Allow: 'GET',
    Vary: 'Origin',
  };
}

/** A JSON error response (no paging headers, only the discovery Link). */
export function errorResponse(root: string, error: RestError): RestResponse {
  return { status: error.status, headers: restHeaders(root), body: JSON.stringify(error.body) };
}
