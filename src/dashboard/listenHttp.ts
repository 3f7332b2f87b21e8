import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How long `close()` lets in-flight requests finish before cutting their connections. */
export const CLOSE_GRACE_MS = 5_000;

/** A listening HTTP server. */
export interface HttpListener {
  /** The address it really listens on, e.g. `http://127.0.0.1:43117/`. */
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to CLOSE_GRACE_MS), then resolves. */
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0 picks a free one) and resolves once it is listening. */
export async function listenHttp(handler: RequestListener, host: string, port: number): Promise<HttpListener> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.close((error) => {
        clearTimeout(force);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url: `http://${hostPart}:${address.port}/`, close };
}
