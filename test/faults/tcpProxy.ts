import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * How the proxy treats traffic:
 * - `open`: forwards both ways;
 * - `cut`: resets every connection and resets new ones at once (a server gone, a firewall rejecting);
 * - `pause`: holds the bytes (stops reading both sides) until `resume`, then forwards them;
 * - `drop`: keeps the sockets open and lets nothing through, ever, on the connections it caught (a NAT or
 *   firewall that forgot them); connections made after `resume` work again.
 */
export type ProxyMode = 'open' | 'cut' | 'pause' | 'drop';

/** A TCP proxy on 127.0.0.1 in front of `target`, whose mode a test switches mid-run. */
export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  readonly mode: ProxyMode;
  cut(): void;
  pause(): void;
  drop(): void;
  resume(): void;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  dropped: boolean;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'open';
  let accepted = 0;
  const pairs = new Set<Pair>();
  // Every client socket, paired or not: close() must end them all, or the server waits for them forever (a socket
  // accepted during a drop, half-closed by its client, is never ended from this side).
  const clients = new Set<Socket>();
  const server: Server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    accepted++;
    clients.add(client);
    client.once('close', () => clients.delete(client));
    client.on('error', () => undefined);
    if (mode === 'cut') return void client.resetAndDestroy();
    if (mode === 'drop') {
      // A connection made during a drop reaches nothing: no upstream socket, so no server backend waits on it
      // (each would hold one of the shared Postgres server's connection slots).
      client.on('data', () => undefined);
      client.resume();
      return;
    }
    const upstream = createConnection({ host: target.host, port: target.port, allowHalfOpen: true });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    const pair: Pair = { client, upstream, dropped: false };
    pairs.add(pair);
    const forget = () => pairs.delete(pair);
    client.once('close', () => {
      forget();
      upstream.destroy();
    });
    upstream.once('close', () => {
      forget();
      if (!pair.dropped) client.destroy();
    });
    // Data is forwarded by hand (not pipe) so a dropped pair can swallow it and a paused one hold it.
    client.on('data', (chunk) => void (pair.dropped || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (pair.dropped || client.write(chunk)));
    client.on('end', () => void (pair.dropped || upstream.end()));
    upstream.on('end', () => void (pair.dropped || client.end()));
    if (mode !== 'pause') client.resume();
    else upstream.pause();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const each = (action: (pair: Pair) => void) => {
    for (const pair of [...pairs]) action(pair);
  };
  return {
    port,
    via(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
    },
    get mode() {
      return mode;
    },
    get connections() {
      return accepted;
    },
    cut() {
      mode = 'cut';
      each((pair) => {
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      });
    },
    pause() {
      mode = 'pause';
      each((pair) => {
        pair.client.pause();
        pair.upstream.pause();
      });
    },
    drop() {
      mode = 'drop';
      each((pair) => {
        pair.dropped = true;
      });
    },
    resume() {
      mode = 'open';
      each((pair) => {
        if (!pair.dropped) {
          pair.client.resume();
          pair.upstream.resume();
        }
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        each((pair) => {
          pair.client.destroy();
          pair.upstream.destroy();
        });
        for (const client of clients) client.destroy();
        server.close(() => resolve());
      }),
  };
}
