import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { createApiRouter } from '../api/createApiRouter.js';
import { checkReadiness } from './checkReadiness.js';
import type { DashboardDeps } from './dashboardDeps.js';
import type { Metrics } from './metrics.js';
import { mountBullBoard } from './mountBullBoard.js';
import { readOverview } from './readOverview.js';
import { mountPages, sendPage } from './pageRoutes.js';
import { MAIN_PART, renderOverviewMain, renderOverviewPage } from './renderOverviewPage.js';
import { refuseForeignRequests, requireToken } from './requireToken.js';

/** Options of the dashboard app. */
export interface DashboardAppOptions {
  /** Instruments served at `/metrics`. */
  metrics: Metrics;
  /** Allow Bull Board's mutating actions. @defaultValue false */
  write: boolean;
  /** When set, every route except `/healthz` needs it (Bearer, or Basic password). */
  token: string | undefined;
}

/** The Express app: overview, article, source and search pages, JSON, metrics, health probes and Bull Board. */
export function createDashboardApp(deps: DashboardDeps, options: DashboardAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_request, response, next) => {
    response.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });
  app.use(refuseForeignRequests(options.token));
  app.get('/healthz', (_request, response) => void response.type('text/plain').send('ok'));
  if (options.token) app.use(requireToken(options.token));
  app.get('/readyz', readyz(deps));
  app.get('/metrics', metricsRoute(options.metrics));
  app.get(
    '/api/overview',
    asyncRoute(async (_request, response) => {
      response.set('Cache-Control', 'no-store').json(await readOverview(deps));
    }),
  );
  app.use('/api', createApiRouter(deps));
  app.get(
    '/',
    asyncRoute(async (request, response) => {
      const overview = await readOverview(deps);
      sendPage(response, (nonce) => (request.query.part === MAIN_PART ? renderOverviewMain(overview).value : renderOverviewPage(overview, nonce)));
    }),
  );
  mountPages(app, deps, asyncRoute);
  mountBullBoard(app, deps.queues, options.write);
  app.use(errorHandler(deps));
  return app;
}

function readyz(deps: DashboardDeps): RequestHandler {
  return asyncRoute(async (_request, response) => {
    const readiness = await checkReadiness(deps.redis, deps.pool);
    response
      .status(readiness.ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(readiness.checks);
  });
}

function metricsRoute(metrics: Metrics): RequestHandler {
  return asyncRoute(async (_request, response) => {
    const text = await metrics.registry.metrics();
    response.set({ 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).send(text);
  });
}

/** Express 5 forwards rejected promises itself; this only keeps handler types simple. */
function asyncRoute(handler: (...args: Parameters<RequestHandler>) => Promise<void>): RequestHandler {
  return (request, response, next) => handler(request, response, next).catch(next);
}

function errorHandler(deps: DashboardDeps): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    deps.log.warn({ err: error, path: request.path }, 'dashboard request failed');
    if (!response.headersSent) response.status(500).type('text/plain').send('internal error\n');
  };
}
