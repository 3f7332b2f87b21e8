import { ConfigError } from '../errors.js';
import { isLoopbackHost } from './isLoopbackHost.js';

/** Refuses to serve the dashboard beyond this machine unless DASHBOARD_TOKEN protects it. */
export function assertSafeBind(host: string, token: string | undefined): void {
  if (token || isLoopbackHost(host)) return;
  throw new ConfigError(
    `refusing to serve the dashboard on ${host} without a token: set DASHBOARD_TOKEN (at least 16 characters) ` +
      'or listen on a loopback address such as 127.0.0.1',
  );
}
