import { isIPv4, isIPv6 } from 'node:net';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (isIPv6(name)) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(name);
    if (mapped?.[1]) return mapped[1].startsWith('127.');
    return name === '::1' || name === '0:0:0:0:0:0:0:1';
  }
  return false;
}

/** The only names a browser on this machine uses for a loopback-bound dashboard (a rebound DNS name is none of them). */
const LOOPBACK_HOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True when a request's `Host` header names this machine on the port the request came in on: DNS rebinding
 * (a page at attacker.example whose name then resolves to 127.0.0.1) sends its own name and is refused.
 */
export function isLoopbackHostHeader(host: string | undefined, localPort: number | undefined): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!match || !LOOPBACK_HOST_NAMES.has(match[1]!)) return false;
  return Number(match[2] ?? 80) === localPort;
}
