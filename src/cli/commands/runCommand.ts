import type { Command } from 'commander';
import { loadConfig, redactConfig } from '../../config.js';
import { ConfigError } from '../../errors.js';
import { createLogger } from '../../log.js';
import { createContext } from '../../../workers/createContext.js';
import { ROLES, startWorkers, type Role } from '../../../workers/startWorkers.js';
import { startDashboard } from '../../../workers/startDashboard.js';
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
      const log = createLogger(config.logLevel, { roles: options.roles.join(',') });
      const ctx = await createContext(config, log);
      const workers = await startWorkers(ctx, options.roles, options);
      const dashboard = options.roles.includes('dashboard')
        ? await startDashboard(ctx, { host: options.dashboardHost, port: config.dashboardPort, write: Boolean(options.dashboardWrite) })
        : undefined;
      log.info({ config: redactConfig(config), dashboard: dashboard?.url }, 'wpingest running');
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log.info({ signal }, 'draining: no new jobs, finishing active ones');
          resolve();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      await dashboard?.close();
      await workers.close();
      await ctx.close();
      log.info('stopped cleanly');
      log.flush();
    });
}
