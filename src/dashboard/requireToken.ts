import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { isLoopbackHostHeader } from './isLoopbackHost.js';

/** Sent with every 401 so browsers offer a login box (any user name, the token as password). */
export const AUTH_CHALLENGE = 'Basic realm="wpingest", charset="UTF-8"';
/** Paths served without the token: the liveness probe only. */
export const PUBLIC_PATHS = new Set(['/healthz']);

/** Constant-time comparison: both sides are hashed first so neither length nor content leaks through timing. */
export function tokenMatches(candidate: string, token: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(candidate), digest(token));
}

/** The token a request offers: a Bearer token, or the password of Basic credentials. */
export function offeredToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!scheme || !value) return undefined;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** Express middleware: every path except the public ones needs the token; otherwise 401 with a Basic challenge. */
export function requireToken(token: string): RequestHandler {
  return (request, response, next) => {
    if (PUBLIC_PATHS.has(request.path)) return next();
    const offered = offeredToken(request.headers.authorization);
    if (offered !== undefined && tokenMatches(offered, token)) return next();
    response.set('WWW-Authenticate', AUTH_CHALLENGE).status(401).type('text/plain').send('authentication required\n');
  };
}

/** Methods that only read: anything else changes state (Bull Board's retry, clean, remove, pause). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Express middleware against requests a browser makes on another site's behalf:
 * - without a token (a loopback-only dashboard), the `Host` must be localhost, 127.0.0.1 or [::1] with this
 *   port, so a DNS-rebound name cannot read the dashboard or act on it;
 * - every non-GET must come from the dashboard's own pages: a browser's `Sec-Fetch-Site` (when sent) must be
 *   `same-origin` or `none`, and its `Origin` (when sent) must be this origin. A cross-site form or `text/plain`
 *   POST always carries them; command-line clients send neither and are judged by the token alone.
 */
export function refuseForeignRequests(token: string | undefined): RequestHandler {
  return (request, response, next) => {
    const host = request.headers.host;
    if (!token && !isLoopbackHostHeader(host, request.socket.localPort)) {
      response.status(421).type('text/plain').send('unexpected Host: use http://127.0.0.1:<port>/ or http://localhost:<port>/\n');
      return;
    }
    if (SAFE_METHODS.has(request.method)) return next();
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const sameSite =
      (site === undefined || site === 'same-origin' || site === 'none') &&
      (origin === undefined || (host !== undefined && origin.toLowerCase() === `${request.protocol}://${host}`.toLowerCase()));
    if (sameSite) return next();
    response.status(403).type('text/plain').send('cross-site request refused\n');
  };
}
