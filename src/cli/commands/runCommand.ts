import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { loadConfig, redactConfig } from '../../config.js';
import { ConfigError } from '../../errors.js';
import { createLogger } from '../../log.js';
import { createContext } from '../../jobs/createContext.js';
import { ROLES, startWorkers, type Role } from '../../../workers/startWorkers.js';
import { startDashboard } from '../../../workers/startDashboard.js';
import { superviseWorkers, type Supervisor } from '../../../workers/superviseWorkers.js';
import { assertSafeBind } from '../../dashboard/assertSafeBind.js';
import { parsePositiveInt } from '../parseArgs.js';

/** The roles whose work spreads over worker processes; the others (scheduler, dashboard) stay in the `run` process. */
const SPREAD_ROLES: readonly Role[] = ['fetch', 'process'];
/**
 * V8 old-space limit of each worker process: without one, V8 sizes its heap from the machine's memory and lets
 * garbage pile up to 500+ MB per worker (see README, Memory).
 */
export const DEFAULT_WORKER_HEAP_MB = 160;

interface RunOptions {
  roles: Role[];
  workers: number;
  workerHeapMb: number;
  worker?: number;
  fetchConcurrency?: number;
  processConcurrency?: number;
  dashboardWrite?: boolean;
  dashboardHost: string;
}

export function parseRoles(value: string): Role[] {
  const roles = value
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0 || roles.length === 0) throw new ConfigError(`--roles takes a comma list of ${ROLES.join(', ')}; got "${value}"`);
  return roles as Role[];
}

export function runCommand(program: Command): void {
  program
    .command('run')
    .description('the long-running service: workers for the given roles, on every core; SIGTERM drains and exits cleanly')
    .option('--roles <list>', `comma list of ${ROLES.join(', ')}`, parseRoles, ['scheduler', 'fetch', 'process'] as Role[])
    .option(
      '--workers <n>',
      'worker processes for the fetch and process roles (1: all in this process)',
      parsePositiveInt('--workers', 1, 64),
      Math.max(1, availableParallelism()),
    )
    .option(
      '--worker-heap-mb <n>',
      'heap limit (--max-old-space-size) of each worker process, MB',
      parsePositiveInt('--worker-heap-mb', 64, 16_384),
      DEFAULT_WORKER_HEAP_MB,
    )
    .option('--fetch-concurrency <n>', 'concurrent page fetches per worker process', parsePositiveInt('--fetch-concurrency', 1, 100))
    .option('--process-concurrency <n>', 'concurrent process jobs per worker process', parsePositiveInt('--process-concurrency', 1, 100))
    .option('--dashboard-write', "allow Bull Board's mutating actions (retry, clean, remove)")
    .option('--dashboard-host <host>', 'address the dashboard listens on', '127.0.0.1')
    // Set by the supervising `run` on the worker processes it starts: names the worker in its logs.
    .addOption(new Option('--worker <k>', 'index of this worker process').argParser(parsePositiveInt('--worker', 1, 64)).hideHelp())
    .action(async (options: RunOptions) => {
      const config = loadConfig();
      // A refused bind stops the program before anything starts (exit 2), not after the workers are running.
      if (options.roles.includes('dashboard')) assertSafeBind(options.dashboardHost, config.dashboardToken);
      const spread = options.workers > 1 && options.worker === undefined ? options.roles.filter((role) => SPREAD_ROLES.includes(role)) : [];
      const ownRoles = options.roles.filter((role) => !spread.includes(role));
      const log = createLogger(config.logLevel, { roles: options.roles.join(','), ...(options.worker !== undefined ? { worker: options.worker } : {}) });
      // Listened for before anything starts: a SIGTERM while starting (a deploy, or a supervisor stopping a worker
      // it has just restarted) is then a clean stop once started, not the default death with status 143.
      const stopRequested = stopSignal(options.worker !== undefined, log);
      const ctx = await createContext(config, log);
      // The dashboard listens first: a port it cannot get ends the process (exit 1) before any worker takes a job.
      const dashboard = ownRoles.includes('dashboard')
        ? await startDashboard(ctx, { host: options.dashboardHost, port: config.dashboardPort, write: Boolean(options.dashboardWrite) }).catch(
            async (error: unknown) => {
              await ctx.close();
              throw error;
            },
          )
        : undefined;
      const workers = await startWorkers(ctx, ownRoles, options);
      const supervisor = spread.length > 0 ? startSupervisor(options, spread, log) : undefined;
      await supervisor?.ready;
      log.info({ config: redactConfig(config), dashboard: dashboard?.url, workers: supervisor?.current() }, 'wpingest running');
      process.send?.({ type: 'ready' });
      await stopRequested;
      // Each step below is bounded; this is the last resort if one still hangs (a connection that went silent).
      const watchdog = setTimeout(
        () => {
          log.error({ graceMs: config.shutdownGraceMs }, 'shutdown did not finish in time; exiting anyway');
          log.flush(() => process.exit(1));
        },
        4 * config.shutdownGraceMs + 5_000,
      );
      watchdog.unref();
      const drained = (await supervisor?.stop()) ?? true;
      await dashboard?.close();
      await workers.close();
      await ctx.close();
      clearTimeout(watchdog);
      if (drained) log.info('stopped cleanly');
      else log.error('stopped; a worker process did not drain cleanly');
      // The IPC channel to the supervisor would keep a worker process alive.
      if (process.connected) process.disconnect();
      // Sockets left open by a hung pool must not keep the process alive once shutdown gave up on them.
      log.flush(() => process.exit(drained ? 0 : 1));
    });
}

/** Resolves on SIGTERM (or SIGINT, or a worker process's supervisor going away), logging that the drain starts. */
function stopSignal(isWorker: boolean, log: ReturnType<typeof createLogger>): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'draining: no new jobs, finishing active ones');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    if (!isWorker) {
      process.once('SIGINT', () => stop('SIGINT'));
    } else {
      // Ctrl-C reaches the whole process group: the supervisor stops its workers itself, with SIGTERM.
      process.on('SIGINT', () => undefined);
      // A worker process whose supervisor is gone (killed, crashed) must not run on alone.
      process.once('disconnect', () => stop('supervisor gone'));
    }
  });
}

function startSupervisor(options: RunOptions, roles: readonly Role[], log: ReturnType<typeof createLogger>): Supervisor {
  const args = (): string[] => {
    const list = ['run', '--roles', roles.join(','), '--workers', '1'];
    if (options.fetchConcurrency) list.push('--fetch-concurrency', String(options.fetchConcurrency));
    if (options.processConcurrency) list.push('--process-concurrency', String(options.processConcurrency));
    return list;
  };
  return superviseWorkers({ workers: options.workers, args, heapMb: options.workerHeapMb, log });
}
