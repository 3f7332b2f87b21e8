import type { AppContext } from './context.js';

/** How often an open request checks whether its run was cancelled (`backfill --cancel`). */
export const CANCEL_POLL_MS = 1_000;

/**
 * A signal that aborts when `outer` does or when the run stops running (cancelled, failed): a cancelled run's
 * requests end at once instead of holding their worker slots and host places until they finish or time out.
 */
export function watchRunCancelled(ctx: Pick<AppContext, 'pool'>, runId: number, outer?: AbortSignal): { signal: AbortSignal; cancelled(): boolean; stop(): void } {
  const controller = new AbortController();
  let cancelled = false;
  const onOuter = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  if (outer?.aborted) controller.abort(outer.reason);
  const timer = setInterval(() => {
    ctx.pool.query<{ status: string }>('SELECT status FROM runs WHERE id = $1', [runId]).then((result) => {
      const status = result.rows[0]?.status;
      if (status === undefined || status === 'running' || controller.signal.aborted) return;
      cancelled = true;
      controller.abort(new Error(`run ${runId} is ${status}`));
    }, () => undefined);
  }, CANCEL_POLL_MS);
  timer.unref();
  return {
    signal: controller.signal,
    cancelled: () => cancelled,
    stop() {
      clearInterval(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}
