import { hashUnit } from './createRng.js';

/** One fault of the `faults` option. */
export type FaultSpec =
  | { type: 'status'; status: number; times: number }
  | { type: 'reset' | 'truncate' | 'html200' | 'object'; p: number }
  | { type: 'slow'; ms: number; p: number }
  | { type: 'grow'; after: number }
  | HostileSpec;

/**
 * Hostile answers to `/wp/v2/posts` (see hostileResponse.ts): a body trickled at `bps` bytes/s (the first `times`
 * tries of each page), bodies compressed whatever the client asked (`encoding`: gzip, deflate, br, or any other
 * name, sent as is), one post of `page` nested `depth` deep, `X-WP-TotalPages: pages` on `page`, and `page`
 * padded to `mb` megabytes.
 */
export type HostileSpec =
  | { type: 'trickle'; bps: number; times: number }
  | { type: 'encode'; encoding: string }
  | { type: 'deep'; page: number; depth: number }
  | { type: 'liar'; page: number; pages: number }
  | { type: 'huge'; page: number; mb: number };

/** What to do to one response. */
export type FaultAction = { kind: 'status'; status: number } | { kind: 'reset' | 'truncate' | 'html200' | 'object' } | { kind: 'slow'; ms: number };

/** Posts hidden until the `grow` fault releases them (at most this many). */
export const GROW_HIDDEN_POSTS = 100;
const PROBABILISTIC = new Set(['reset', 'truncate', 'html200', 'object', 'slow']);

function option(parts: string[], name: string, fallback: number): number {
  const found = parts.find((p) => p.startsWith(`${name}=`));
  const value = found ? Number(found.slice(name.length + 1)) : fallback;
  if (!Number.isFinite(value)) throw new Error(`fault option ${name} is not a number`);
  return value;
}

/** Parses `500x2,429x1,reset:p=0.05,slow:ms=5000:p=0.02,grow:after=5`. Throws on an unknown fault. */
export function parseFaults(text: string | undefined): FaultSpec[] {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item): FaultSpec => {
      const status = /^(\d{3})x(\d+)$/.exec(item);
      if (status) return { type: 'status', status: Number(status[1]), times: Number(status[2]) };
      const [name = '', ...parts] = item.split(':');
      if (name === 'grow') return { type: 'grow', after: option(parts, 'after', 5) };
      if (name === 'trickle') return { type: 'trickle', bps: option(parts, 'bps', 1), times: option(parts, 'times', Number.MAX_SAFE_INTEGER) };
      if (name === 'gzip' || name === 'deflate' || name === 'br') return { type: 'encode', encoding: name };
      if (name === 'encode') return { type: 'encode', encoding: parts.find((p) => p.startsWith('as='))?.slice(3) || 'gzip' };
      if (name === 'deep') return { type: 'deep', page: option(parts, 'page', 2), depth: option(parts, 'depth', 100_000) };
      if (name === 'liar') return { type: 'liar', page: option(parts, 'page', 2), pages: option(parts, 'pages', 3_000_000_000) };
      if (name === 'huge') return { type: 'huge', page: option(parts, 'page', 1), mb: option(parts, 'mb', 61) };
      if (name === 'slow') return { type: 'slow', ms: option(parts, 'ms', 5000), p: option(parts, 'p', 1) };
      if (PROBABILISTIC.has(name)) return { type: name as 'reset', p: option(parts, 'p', 1) };
      throw new Error(`unknown fault "${item}"`);
    });
}

/** Deterministic fault decisions keyed on (request key, attempt number). */
export interface FaultInjector {
  /** counts an attempt at `key` and returns the fault to inject, if any */
  decide(key: string): FaultAction | null;
  /** posts visible now: the newest are hidden until `grow:after=N` requests were served */
  visibleCount(count: number, requestsSoFar: number): number;
  /** injected faults by kind */
  readonly injected: Record<string, number>;
  /** the hostile modes in force */
  readonly hostile: readonly HostileSpec[];
  /** counts a hostile fault of `kind` as injected */
  count(kind: string): void;
  /** tries of `key` so far (decide counts them) */
  attempts(key: string): number;
}

const HOSTILE = new Set(['trickle', 'encode', 'deep', 'liar', 'huge']);

/** Creates an injector for `faults`; decisions depend only on seed, key and attempt. */
export function createFaultInjector(faults: readonly FaultSpec[], seed: string | number): FaultInjector {
  const attempts = new Map<string, number>();
  const injected: Record<string, number> = {};
  const record = (action: FaultAction): FaultAction => {
    const name = action.kind === 'status' ? String(action.status) : action.kind;
    injected[name] = (injected[name] ?? 0) + 1;
    return action;
  };
  const grow = faults.find((f) => f.type === 'grow');
  return {
    decide(key) {
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      let offset = 0;
      for (const f of faults) {
        if (f.type !== 'status') continue;
        if (attempt <= offset + f.times) return record({ kind: 'status', status: f.status });
        offset += f.times;
      }
      for (const f of faults) {
        if (!('p' in f)) continue;
        if (hashUnit(`${seed}|${f.type}|${key}|${attempt}`) >= f.p) continue;
        return record(f.type === 'slow' ? { kind: 'slow', ms: f.ms } : { kind: f.type as 'reset' });
      }
      return null;
    },
    visibleCount(count, requestsSoFar) {
      if (!grow || grow.type !== 'grow' || requestsSoFar > grow.after) return count;
      return count - Math.min(GROW_HIDDEN_POSTS, Math.floor(count / 2));
    },
    injected,
    hostile: faults.filter((f): f is HostileSpec => HOSTILE.has(f.type)),
    count: (kind) => void (injected[kind] = (injected[kind] ?? 0) + 1),
    attempts: (key) => attempts.get(key) ?? 0,
  };
}
