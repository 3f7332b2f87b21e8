import type { Command } from 'commander';
import { loadConfig, redactConfig } from '../../config.js';
import { ConfigError } from '../../errors.js';
import { createLogger } from '../../log.js';
import { createContext } from '../../../workers/createContext.js';
import { ROLES, startWorkers, type Role } from '../../../workers/startWorkers.js';
import { startDashboard } from '../../../workers/startDashboard.js';
import { assertSafeBind } from '../../dashboard/assertSafeBind.js';
import { parsePositiveInt } from '../parseArgs.js';

export function parseRoles(value: string): Role[] {
  const roles = value.split(',').map((role) => role.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0 || roles.length === 0) throw new ConfigError(`--roles takes a comma list of ${ROLES.join(', ')}; got "${value}"`);
  return roles as Role[];
}

export function runCommand(program: Command): void {
  program
    .command('run')
    .description('the long-running service: workers for the given roles; SIGTERM drains and exits cleanly')
    .option('--roles <list>', `comma list of ${ROLES.join(', ')}`, parseRoles, ['scheduler', 'fetch', 'process'] as Role[])
    .option('--fetch-concurrency <n>', 'concurrent page fetches in this process', parsePositiveInt('--fetch-concurrency', 1, 100))
    .option('--process-concurrency <n>', 'concurrent process jobs in this process', parsePositiveInt('--process-concurrency', 1, 100))
    .option('--dashboard-write', "allow Bull Board's mutating actions (retry, clean, remove)")
    .option('--dashboard-host <host>', 'address the dashboard listens on', '127.0.0.1')
    .action(async (options: { roles: Role[]; fetchConcurrency?: number; processConcurrency?: number; dashboardWrite?: boolean; dashboardHost: string }) => {
      const config = loadConfig();
      // A refused bind stops the program before anything starts (exit 2), not after the workers are running.
      if (options.roles.includes('dashboard')) assertSafeBind(options.dashboardHost, config.dashboardToken);
      const log = createLogger(config.logLevel, { roles: options.roles.join(',') });
      const ctx = await createContext(config, log);
      // The dashboard listens first: a port it cannot get ends the process (exit 1) before any worker takes a job.
      const dashboard = options.roles.includes('dashboard')
        ? await startDashboard(ctx, { host: options.dashboardHost, port: config.dashboardPort, write: Boolean(options.dashboardWrite) })
          .catch(async (error: unknown) => { await ctx.close(); throw error; })
        : undefined;
      const workers = await startWorkers(ctx, options.roles, options);
      log.info({ config: redactConfig(config), dashboard: dashboard?.url }, 'wpingest running');
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log.info({ signal }, 'draining: no new jobs, finishing active ones');
          resolve();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      // Each step below is bounded; this is the last resort if one still hangs (a connection that went silent).
      const watchdog = setTimeout(() => {
        log.error({ graceMs: config.shutdownGraceMs }, 'shutdown did not finish in time; exiting anyway');
        log.flush(() => process.exit(1));
      }, 4 * config.shutdownGraceMs + 5_000);
      watchdog.unref();
      await dashboard?.close();
      await workers.close();
      await ctx.close();
      clearTimeout(watchdog);
      log.info('stopped cleanly');
      // Sockets left open by a hung pool must not keep the process alive once shutdown gave up on them.
      log.flush(() => process.exit(0));
    });
}
