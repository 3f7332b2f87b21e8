import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

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
