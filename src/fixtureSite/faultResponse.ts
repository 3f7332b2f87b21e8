import type { FaultAction } from './createFaultInjector.js';
import { bodyBytes, restHeaders } from './restResponse.js';
import type { RestResponse } from './restResponse.js';

const RETRY_AFTER_SECONDS = '1';

/** A minimal theme page carrying the REST discovery `<link>`. */
export function htmlPage(title: string, root: string): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8" />
<title>${title}</title>
<link rel="https://api.w.org/" href="${root}" />
</head>
<body class="home blog wp-embed-responsive">
<h1 class="wp-block-site-title">${title}</h1>
</body>
</html>
`;
}

const WP_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="UTF-8" /><title>WordPress &rsaquo; Error</title></head>
<body id="error-page"><div class="wp-die-message"><p>There has been a critical error on this website.</p></div></body>
</html>
`;

/** The response of a status, `html200` or `object` fault (`normal` builds the real response). */
export function faultResponse(action: FaultAction, normal: () => RestResponse, root: string): RestResponse {
  const html = { ...restHeaders(root), 'Content-Type': 'text/html; charset=UTF-8' };
  if (action.kind === 'status' && action.status === 429) {
    return {
      status: 429,
      headers: { ...restHeaders(root), 'Retry-After': RETRY_AFTER_SECONDS },
      body: JSON.stringify({ code: 'rest_too_many_requests', message: 'Too many requests.', data: { status: 429 } }),
    };
  }
  if (action.kind === 'status' && action.status === 503) {
    return {
      status: 503,
      headers: { ...html, 'Retry-After': RETRY_AFTER_SECONDS },
      body: '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>\n',
    };
  }
  if (action.kind === 'status') {
    return {
      status: action.status,
      headers: restHeaders(root),
      body: JSON.stringify({
        code: 'internal_server_error',
        message: '<p>There has been a critical error on this website.</p>',
        data: { status: action.status },
        additional_errors: [],
      }),
    };
  }
  if (action.kind === 'html200') return { status: 200, headers: html, body: WP_ERROR_PAGE };
  const real = normal();
  const parsed: unknown = JSON.parse(bodyBytes(real.body).toString());
  const asObject = Array.isArray(parsed) ? Object.fromEntries(parsed.map((item, k) => [String(k + 1), item])) : parsed;
  return { ...real, body: JSON.stringify(asObject) };
}
