import { answerPagesAndTypes, checkSiteLogin } from './pagesAndTypes.js';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SITE_NAME } from './buildApiIndex.js';
import { createFaultInjector, parseFaults } from './createFaultInjector.js';
import type { FaultAction, FaultInjector } from './createFaultInjector.js';
import { createRestApi } from './createRestApi.js';
import type { RestApi } from './createRestApi.js';
import { generateSite } from './generateSite.js';
import type { FixtureSite } from './generateSite.js';
import { bodyBytes, bodyLength, restHeaders } from './restResponse.js';
import type { RestResponse } from './restResponse.js';
import { restUrls } from './restUrls.js';
import { routeRequest } from './routeRequest.js';
import type { Route } from './routeRequest.js';
import type { QueryParams } from './parseCollectionQuery.js';
import { faultResponse, htmlPage } from './faultResponse.js';
import { hostileListing, requestedPage, sendHostile } from './hostileResponse.js';

/** Options of `startFixtureSite`. */
export interface StartFixtureSiteOptions {
  /** TCP port; 0 (default) picks a free one */
  port?: number;
  /** only loopback is served */
  host?: '127.0.0.1';
  posts: number;
  seed: string | number;
  permalinks: 'pretty' | 'plain';
  /** fault list, e.g. `500x2,reset:p=0.05,grow:after=5` */
  faults?: string;
  /** end of the date window; default 2026-05-05T12:00:00Z */
  now?: Date;
  /** site timezone in hours east of UTC (real WP test site: 3); default 0 */
  utcOffsetHours?: number;
  /** imported posts' `date_gmt` is `utcOffsetHours` early, as on the seed's aggregator; default false */
  dateQuirk?: boolean;
  /** answer like `php -S`: `Connection: close`, no Content-Length, no chunking (the body ends when the socket closes); default false */
  connectionClose?: boolean;
  /** answer as WordPress before 5.7, which ignores `modified_after`; default false */
  ignoreModifiedAfter?: boolean;
  /** WordPress pages served at /wp/v2/pages besides the posts; default 0 */
  pages?: number;
  /** when set, every REST request needs these Basic credentials (an application password), as on a private site */
  auth?: { user: string; password: string };
}

/** A running fixture site. */
export interface FixtureSiteHandle {
  /** `http://127.0.0.1:PORT` (no trailing slash) */
  url: string;
  close(): Promise<void>;
  site: FixtureSite;
  editPosts(ids: number[]): void;
  deletePosts(ids: number[]): void;
  /** requests received so far */
  readonly requests: number;
  /**
   * Calls `hook` before each REST request is answered (null removes it), so a test can change the site at an
   * exact point of a client's paging, e.g. edit a post while a sync is between two pages, or hold the answer
   * until a promise the hook returns settles.
   */
  onRestRequest(hook: RestRequestHook | null): void;
}

/**
 * Sees a REST request before it is answered; it may edit or delete posts, and the answer reflects that. A
 * returned promise holds the answer until it resolves (a rejection drops the connection); a returned
 * `{ status }` answers with that status instead (e.g. 410 for a page the site has lost for good).
 */
export type RestRequestHook = (request: { route: string; params: QueryParams }) => void | Promise<void> | { status: number };

interface ServerState {
  site: FixtureSite;
  api: RestApi;
  faults: FaultInjector;
  root: string;
  connectionClose: boolean;
  hook: RestRequestHook | null;
  baseUrl: string;
  pageCount: number;
  auth: { user: string; password: string } | undefined;
  /** hostile listings built once (a padded page is large) */
  hostileCache: Map<string, RestResponse>;
  stats: { requests: number; rest: number; byStatus: Record<string, number> };
}

function send(res: ServerResponse, r: RestResponse, head: boolean, state: ServerState): void {
  state.stats.byStatus[r.status] = (state.stats.byStatus[r.status] ?? 0) + 1;
  if (state.connectionClose) {
    // Without this Node would chunk the body; php -S ends it by closing the connection instead.
    res.removeHeader('Transfer-Encoding');
    res.writeHead(r.status, { ...r.headers, Connection: 'close' });
  } else res.writeHead(r.status, { ...r.headers, 'Content-Length': String(bodyLength(r.body)) });
  if (head || !Array.isArray(r.body)) {
    res.end(head ? undefined : r.body);
    return;
  }
  res.cork();
  for (const chunk of r.body) res.write(chunk);
  res.uncork();
  res.end();
}

function fixtureAction(route: Extract<Route, { kind: 'fixture' }>, method: string, state: ServerState): RestResponse {
  const json = (status: number, body: unknown): RestResponse => ({ status, headers: restHeaders(state.root), body: JSON.stringify(body) });
  if (route.action === 'stats') return json(200, { ...state.stats, faults: state.faults.injected, posts: state.site.count });
  const ids = (route.params.find(([k]) => k === 'ids')?.[1] ?? '').split(',').filter(Boolean).map(Number);
  if (method !== 'POST') return json(405, { error: 'use POST' });
  if (route.action === 'edit') state.site.editPosts(ids);
  else if (route.action === 'delete') state.site.deletePosts(ids);
  else return json(404, { error: `unknown fixture action ${route.action}` });
  return json(200, { [route.action === 'edit' ? 'edited' : 'deleted']: ids });
}

function applyFault(res: ServerResponse, action: FaultAction, r: () => RestResponse, head: boolean, state: ServerState): void {
  if (action.kind === 'reset') {
    res.socket?.destroy();
    return;
  }
  if (action.kind === 'slow') {
    setTimeout(() => send(res, r(), head, state), action.ms).unref();
    return;
  }
  if (action.kind === 'truncate') {
    const full = r();
    res.writeHead(full.status, { ...full.headers, Connection: 'close' });
    const bytes = bodyBytes(full.body);
    res.end(bytes.subarray(0, Math.floor(bytes.length / 2)));
    return;
  }
  send(res, faultResponse(action, r, state.root), head, state);
}

function handle(req: IncomingMessage, res: ServerResponse, state: ServerState): void {
  state.stats.requests++;
  const method = req.method ?? 'GET';
  const head = method === 'HEAD';
  const route = routeRequest(req.url ?? '/', state.site.permalinks);
  const discovery = `<${state.root}>; rel="https://api.w.org/"`;
  if (route.kind === 'fixture') return send(res, fixtureAction(route, method, state), false, state);
  if (route.kind === 'redirect') {
    return send(
      res,
      { status: 301, headers: { Location: route.location, Link: discovery, 'Content-Type': 'text/html; charset=UTF-8' }, body: '' },
      head,
      state,
    );
  }
  if (route.kind !== 'rest') {
    const status = route.kind === 'not-found' ? 404 : 200;
    const title = route.kind === 'post-page' ? `Post ${route.id}` : route.kind === 'not-found' ? 'Page not found' : SITE_NAME;
    return send(res, { status, headers: { 'Content-Type': 'text/html; charset=UTF-8', Link: discovery }, body: htmlPage(title, state.root) }, head, state);
  }
  state.stats.rest++;
  const refused = checkSiteLogin(state.root, state.auth, req.headers.authorization);
  if (refused) return send(res, refused, head, state);
  const held = state.hook?.({ route: route.route, params: route.params });
  if (!held) return answerRest(res, route, method, state);
  if ('status' in held)
    return send(
      res,
      faultResponse({ kind: 'status', status: held.status }, () => state.api.handle({ ...route, visibleCount: 0 }), state.root),
      method === 'HEAD',
      state,
    );
  // A hook that returns a promise holds the answer until it settles, e.g. to keep a client mid-request.
  held.then(
    () => answerRest(res, route, method, state),
    () => res.socket?.destroy(),
  );
}

function answerRest(res: ServerResponse, route: Extract<Route, { kind: 'rest' }>, method: string, state: ServerState): void {
  const head = method === 'HEAD';
  const restRequest = () =>
    answerPagesAndTypes(state.baseUrl, state.root, state.pageCount, route.route, route.params) ??
    state.api.handle({ ...route, visibleCount: state.faults.visibleCount(state.site.count, state.stats.rest) });
  if (method !== 'GET' && !head) return send(res, state.api.handle({ ...route, route: '\u0000', visibleCount: 0 }), false, state);
  const faultKey = `${route.route}?${route.params
    .map(([k, v]) => `${k}=${v ?? ''}`)
    .sort()
    .join('&')}`;
  const action = route.route.startsWith('/wp/v2/') ? state.faults.decide(faultKey) : null;
  if (action) return applyFault(res, action, restRequest, head, state);
  if (route.route !== '/wp/v2/posts' || state.faults.hostile.length === 0) return send(res, restRequest(), head, state);
  const answer = hostileListing(restRequest(), requestedPage(route.params), state.faults, state.hostileCache, faultKey);
  const probe = route.params.some(([k]) => k === '_fields');
  if (head || !sendHostile(res, answer, faultKey, state.faults, { trickle: !probe })) return send(res, answer, head, state);
  state.stats.byStatus[answer.status] = (state.stats.byStatus[answer.status] ?? 0) + 1;
}

/** Starts the fixture WordPress site on 127.0.0.1 and resolves once it is listening. */
export async function startFixtureSite(options: StartFixtureSiteOptions): Promise<FixtureSiteHandle> {
  const faults = createFaultInjector(parseFaults(options.faults), options.seed);
  let state: ServerState | null = null;
  const server: Server = createServer((req, res) => {
    if (!state) {
      res.writeHead(503, { 'Retry-After': '1' }).end();
      return;
    }
    handle(req, res, state);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site = generateSite({
    posts: options.posts,
    seed: options.seed,
    now: options.now,
    baseUrl: url,
    permalinks: options.permalinks,
    utcOffsetHours: options.utcOffsetHours,
    dateQuirk: options.dateQuirk,
  });
  const live: ServerState = {
    baseUrl: url,
    pageCount: options.pages ?? 0,
    auth: options.auth,
    site,
    api: createRestApi(site, { ignoreModifiedAfter: options.ignoreModifiedAfter }),
    faults,
    root: restUrls(url, options.permalinks).root,
    connectionClose: options.connectionClose ?? false,
    hook: null,
    hostileCache: new Map(),
    stats: { requests: 0, rest: 0, byStatus: {} },
  };
  state = live;
  return {
    url,
    site,
    editPosts: (ids) => site.editPosts(ids),
    deletePosts: (ids) => site.deletePosts(ids),
    onRestRequest: (hook) => void (live.hook = hook),
    get requests() {
      return live.stats.requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
