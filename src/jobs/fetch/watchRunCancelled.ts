import { queryAll } from '../../db/query.js';
import { runStatuses } from '../../scheduler/runQueries.js';
import type { AppContext } from '../context.js';

/** How often the open requests' runs are checked for a cancel (`backfill --cancel`). */
export const CANCEL_POLL_MS = 1_000;

type Watcher = { controller: AbortController; cancelled: boolean };

/** Open requests by run, and the one poll per process that checks their runs while there are any. */
const watching = new Map<number, Set<Watcher>>();
let poll: NodeJS.Timeout | undefined;

function startPolling(ctx: Pick<AppContext, 'pool'>): void {
  if (poll) return;
  poll = setInterval(() => {
    if (watching.size === 0) {
      clearInterval(poll);
      poll = undefined;
      return;
    }
    queryAll<{ id: number; status: string }>(ctx.pool, runStatuses([...watching.keys()])).then(
      (rows) => {
        for (const row of rows) {
          if (row.status === 'running') continue;
          for (const watcher of watching.get(row.id) ?? []) {
            watcher.cancelled = true;
            watcher.controller.abort(new Error(`run ${row.id} is ${row.status}`));
          }
        }
      },
      () => undefined,
    );
  }, CANCEL_POLL_MS);
  poll.unref();
}

/**
 * A signal that aborts when `outer` does or when the run stops running (cancelled, failed): a cancelled run's
 * requests end within a second instead of holding their worker slots and host places until they finish or time
 * out. One query per second per process checks every run with an open request.
 */
export function watchRunCancelled(
  ctx: Pick<AppContext, 'pool'>,
  runId: number,
  outer?: AbortSignal,
): { signal: AbortSignal; cancelled(): boolean; stop(): void } {
  const watcher: Watcher = { controller: new AbortController(), cancelled: false };
  const onOuter = () => watcher.controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  if (outer?.aborted) watcher.controller.abort(outer.reason);
  const set = watching.get(runId) ?? new Set<Watcher>();
  set.add(watcher);
  watching.set(runId, set);
  startPolling(ctx);
  return {
    signal: watcher.controller.signal,
    cancelled: () => watcher.cancelled,
    stop() {
      set.delete(watcher);
      if (set.size === 0 && watching.get(runId) === set) watching.delete(runId);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}
