import type { FeedFilter } from '../feed/feedQueries.js';
import { decodeApiCursor } from './apiCursor.js';

/** Articles per page when `limit` is not given, and at most (bodies with their HTML are large). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A parsed `/api/articles` query: the feed filter, the page size and the site URL to resolve. */
export interface ArticlesRequest {
  filter: FeedFilter;
  limit: number;
  site: string | undefined;
}

/** Reads and validates `/api/articles` query parameters; returns every problem at once as one message. */
export function readApiQuery(query: Record<string, unknown>): ArticlesRequest | { error: string } {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') {
      problems.push(`${name} must be given once, not empty`);
      return undefined;
    }
    return value;
  };
  const time = (name: string): string | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) problems.push(`${name} must be an ISO 8601 date or time`);
    return value;
  };
  const since = time('since');
  const until = time('until');
  const updatedSince = time('updated_since');
  const q = text('q');
  const site = text('site');
  const limitText = text('limit');
  const limit = limitText === undefined ? DEFAULT_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) problems.push(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  const cursorText = text('cursor');
  const after = cursorText === undefined ? undefined : decodeApiCursor(cursorText);
  if (after === null) problems.push('cursor is not one this API issued');
  const deletedText = text('include_deleted');
  if (deletedText !== undefined && deletedText !== 'true' && deletedText !== 'false') problems.push('include_deleted must be true or false');
  if (problems.length > 0) return { error: problems.join('; ') };
  return {
    filter: { since, until, updatedSince, q, after: after ?? undefined, includeDeleted: deletedText === 'true', settled: true },
    limit,
    site,
  };
}
