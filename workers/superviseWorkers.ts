import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Logger } from '../src/log.js';

/** Restart delay after a worker process dies: doubles while it keeps dying young, up to the cap. */
const RESTART_DELAY_MS = 500;
const RESTART_DELAY_MAX_MS = 30_000;
/** A worker that lived this long before dying counts as healthy: its next restart is immediate again. */
const HEALTHY_UPTIME_MS = 60_000;
/** How long a worker may take to start (load modules, connect) before it is killed and started again. */
const START_TIMEOUT_MS = 60_000;
/** How long a draining worker may take after SIGTERM (its own grace is SHUTDOWN_GRACE_MS) before it is killed. */
const STOP_TIMEOUT_MS = 30_000;

export interface SuperviseOptions {
  /** Worker processes to keep running. */
  workers: number;
  /** Arguments of each worker (after the CLI script), e.g. `run --roles fetch,process --workers 1`; `--worker <k>` is appended. */
  args: (index: number) => string[];
  /** `--max-old-space-size` of each worker, MB. */
  heapMb: number;
  log: Logger;
}

export interface WorkerInfo {
  index: number;
  pid: number;
}

export interface Supervisor {
  /** The live workers. */
  current(): WorkerInfo[];
  /** Resolves once every worker said it is ready. */
  ready: Promise<void>;
  /** SIGTERM to every worker, waits for them to drain; true when all exited 0. */
  stop(): Promise<boolean>;
}

/**
 * Keeps `workers` child processes of this CLI running, each with a heap limit: the fetch and process work of
 * `wpingest run` spread over the cores. A worker that dies is started again (with backoff if it keeps dying);
 * the jobs it held are recovered by BullMQ's stalled-job check in the other workers once their locks expire.
 * Workers also drain and exit when this process goes away (their IPC channel closes), so none outlives it.
 */
export function superviseWorkers(options: SuperviseOptions): Supervisor {
  const slots = Array.from({ length: options.workers }, (_, k) => {
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    return { index: k + 1, child: undefined as ChildProcess | undefined, childReady: false, startedAt: 0, delayMs: RESTART_DELAY_MS, ready, markReady };
  });
  let stopping = false;

  const start = (slot: (typeof slots)[number]): void => {
    const execArgv = [...process.execArgv.filter((arg) => !arg.startsWith('--max-old-space-size')), `--max-old-space-size=${options.heapMb}`];
    const child = fork(process.argv[1]!, [...options.args(slot.index), '--worker', String(slot.index)], { execArgv, stdio: 'inherit' });
    slot.child = child;
    slot.childReady = false;
    slot.startedAt = Date.now();
    options.log.info({ worker: slot.index, workerPid: child.pid }, 'worker process started');
    const timer = setTimeout(() => {
      options.log.error({ worker: slot.index, workerPid: child.pid }, 'worker process did not start in time; killing it');
      child.kill('SIGKILL');
    }, START_TIMEOUT_MS);
    child.on('message', (message) => {
      if ((message as { type?: string })?.type !== 'ready') return;
      clearTimeout(timer);
      if (slot.child === child) slot.childReady = true;
      slot.markReady();
    });
    child.once('exit', () => clearTimeout(timer));
    child.once('exit', (code, signal) => {
      if (slot.child === child) slot.child = undefined;
      if (stopping) return;
      const uptime = Date.now() - slot.startedAt;
      if (uptime >= HEALTHY_UPTIME_MS) slot.delayMs = RESTART_DELAY_MS;
      options.log.error(
        { worker: slot.index, workerPid: child.pid, code, signal, uptimeMs: uptime, restartInMs: slot.delayMs },
        'worker process died; starting it again (its jobs are recovered as stalled)',
      );
      const delay = slot.delayMs;
      slot.delayMs = Math.min(slot.delayMs * 2, RESTART_DELAY_MAX_MS);
      setTimeout(() => void (stopping || start(slot)), delay).unref();
    });
  };

  for (const slot of slots) start(slot);
  return {
    current: () => slots.filter((slot) => slot.child?.pid !== undefined).map((slot) => ({ index: slot.index, pid: slot.child!.pid! })),
    ready: Promise.all(slots.map((slot) => slot.ready)).then(() => undefined),
    stop: async () => {
      stopping = true;
      const codes = await Promise.all(slots.map(async (slot) => (slot.child ? stopChild(slot.child, () => slot.childReady) : 0)));
      return codes.every((code) => code === 0);
    },
  };
}

/**
 * SIGTERM to a worker, then its exit code once it is gone. One stopped before it said it was ready (restarted a
 * moment before the stop, still loading) had taken no job: however it ends, it has nothing to drain, so it counts
 * as clean (0).
 */
async function stopChild(child: ChildProcess, wasReady: () => boolean): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return wasReady() ? child.exitCode : 0;
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const [code] = await exited;
  clearTimeout(timer);
  return wasReady() ? code : 0;
}
