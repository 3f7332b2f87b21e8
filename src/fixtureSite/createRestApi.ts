import { applyFields } from './applyFields.js';
import { createLruCache } from './createLruCache.js';
import type { FixtureSite } from './generateSite.js';
import { paginationLink } from './paginationLink.js';
import type { RequestForm } from './paginationLink.js';
import { parseCollectionQuery } from './parseCollectionQuery.js';
import type { CollectionQuery, QueryParams } from './parseCollectionQuery.js';
import { FORBIDDEN_CONTEXT, INVALID_PAGE_NUMBER, INVALID_POST_ID, INVALID_TERM_ID, INVALID_USER_ID, NO_ROUTE } from './restErrors.js';
import { errorResponse, restHeaders } from './restResponse.js';
import type { RestResponse } from './restResponse.js';
import { restUrls } from './restUrls.js';
import { createPostSelector } from './selectPosts.js';
import { embedPost, serializeRestObject, toRestPost, toRestTerm, toRestUser } from './toRestPost.js';
import type { JsonObject } from './toRestPost.js';
import { buildApiIndex } from './buildApiIndex.js';

/** Serialized pages kept (a 100-post page is about 4 MB). */
export const PAGE_CACHE_SIZE = 6;

/** One REST request after routing. */
export interface RestRequest {
  route: string;
  params: QueryParams;
  form: RequestForm;
  /** number of posts currently visible (the `grow` fault hides the newest) */
  visibleCount: number;
}

/** The REST API of a fixture site. */
export interface RestApi {
  handle(request: RestRequest): RestResponse;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');
/** A JSON array from serialized items, as byte chunks (post contents are shared, not copied). */
const serialize = (items: ReadonlyArray<Buffer[]>): Buffer[] => [OPEN, ...items.flatMap((chunks, k) => (k === 0 ? chunks : [COMMA, ...chunks])), CLOSE];

/** Options of `createRestApi`. */
export interface RestApiOptions {
  /** answer as WordPress before 5.7, which ignores `modified_after` and `modified_before`; default false */
  ignoreModifiedAfter?: boolean;
}

/** Creates the REST API (WordPress 6.1 behaviour, or older with `ignoreModifiedAfter`) over `site`. */
export function createRestApi(site: FixtureSite, options: RestApiOptions = {}): RestApi {
  const urls = restUrls(site.baseUrl, site.permalinks);
  const selector = createPostSelector(site);
  const pages = createLruCache<string, { body: Buffer[]; total: number; totalPages: number }>(PAGE_CACHE_SIZE);
  const error = (e: Parameters<typeof errorResponse>[1]): RestResponse => errorResponse(urls.root, e);

  const postJson = (i: number, q: Pick<CollectionQuery, 'fields' | 'embed'>): Buffer[] => {
    const post = site.post(i);
    let obj = toRestPost(site, post, urls);
    if (q.embed) obj = embedPost(site, post, obj, q.embed, urls);
    return serializeRestObject(applyFields(obj, q.fields), post);
  };
  const json = (obj: JsonObject): Buffer[] => serializeRestObject(obj, null);
  const single = (chunks: Buffer[]): Buffer => Buffer.concat(chunks);

  const collection = (req: RestRequest, total: number, page: number, perPage: number, body: Buffer[]): RestResponse => {
    const totalPages = Math.ceil(total / perPage);
    const link = paginationLink({ baseUrl: site.baseUrl, permalinks: site.permalinks, route: req.route, params: req.params, form: req.form, page, totalPages });
    const extra: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages) };
    if (link) extra.Link = link;
    return { status: 200, headers: restHeaders(urls.root, extra), body };
  };

  const posts = (req: RestRequest): RestResponse => {
    const parsed = parseCollectionQuery(req.params, false, site.utcOffsetMs);
    if ('status' in parsed) return error(parsed);
    if (parsed.context === 'edit') return error(FORBIDDEN_CONTEXT);
    const q = options.ignoreModifiedAfter ? { ...parsed, modifiedAfter: undefined, modifiedBefore: undefined } : parsed;
    const key = JSON.stringify([site.generation, req.visibleCount, q]);
    let cached = pages.get(key);
    if (!cached) {
      const { total, indexes } = selector.select(q, req.visibleCount);
      const totalPages = Math.ceil(total / q.perPage);
      if (q.page > totalPages && total > 0) return error(INVALID_PAGE_NUMBER);
      const slice = Array.from(indexes.subarray((q.page - 1) * q.perPage, q.page * q.perPage));
      cached = { body: serialize(slice.map((i) => postJson(i, q))), total, totalPages };
      pages.set(key, cached);
    }
    return collection(req, cached.total, q.page, q.perPage, cached.body);
  };

  const singlePost = (req: RestRequest, id: number): RestResponse => {
    const q = parseCollectionQuery(req.params.filter(([k]) => k === '_fields' || k === '_embed' || k === 'context'));
    if ('status' in q) return error(q);
    const i = site.indexOfId(id);
    if (i < 0 || i >= req.visibleCount || site.isDeleted(i)) return error(INVALID_POST_ID);
    const alternate = `<${site.link(i)}>; rel="alternate"; type=text/html`;
    return { status: 200, headers: restHeaders(urls.root, { Link: alternate }), body: single(postJson(i, q)) };
  };

  const terms = (req: RestRequest, which: 'categories' | 'tags', id: number | null): RestResponse => {
    const q = parseCollectionQuery(req.params, true);
    if ('status' in q) return error(q);
    let list = which === 'categories' ? site.categories() : site.tags();
    if (id !== null) {
      const term = list.find((t) => t.id === id);
      return term
        ? { status: 200, headers: restHeaders(urls.root), body: single(json(applyFields(toRestTerm(site, term, urls), q.fields))) }
        : error(INVALID_TERM_ID);
    }
    if (q.include) list = list.filter((t) => q.include!.includes(t.id));
    const by = q.orderby === 'id' || q.orderby === 'count' ? q.orderby : q.orderby === 'slug' ? 'slug' : 'name';
    list = list.slice().sort((a, b) => (by === 'id' || by === 'count' ? a[by] - b[by] : a[by].localeCompare(b[by])));
    if (q.order === 'desc') list.reverse();
    const page = list.slice((q.page - 1) * q.perPage, q.page * q.perPage);
    return collection(req, list.length, q.page, q.perPage, serialize(page.map((t) => json(applyFields(toRestTerm(site, t, urls), q.fields)))));
  };

  const users = (req: RestRequest, id: number | null): RestResponse => {
    const q = parseCollectionQuery(req.params, true);
    if ('status' in q) return error(q);
    const user = applyFields(toRestUser(site, urls), q.fields);
    if (id !== null) return id === 1 ? { status: 200, headers: restHeaders(urls.root), body: single(json(user)) } : error(INVALID_USER_ID);
    return collection(req, 1, q.page, q.perPage, serialize(q.page === 1 ? [json(user)] : []));
  };

  return {
    handle(req) {
      const m = /^\/wp\/v2\/(posts|categories|tags|users)(?:\/(\d+))?$/.exec(req.route);
      if (req.route === '/' || req.route === '') {
        return { status: 200, headers: restHeaders(urls.root), body: single(json(buildApiIndex(site, urls))) };
      }
      if (!m) return error(NO_ROUTE);
      const id = m[2] === undefined ? null : Number(m[2]);
      if (m[1] === 'posts') return id === null ? posts(req) : singlePost(req, id);
      if (m[1] === 'users') return users(req, id);
      return terms(req, m[1] as 'categories' | 'tags', id);
    },
  };
}
