import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { migrate } from '../../db/migrate.js';
import { execute } from '../../db/query.js';
import { startFixtureSite } from '../../fixtureSite/index.js';
import { createCliLogger } from '../../log.js';
import { disableSourceById } from '../../scheduler/sourceQueries.js';
import { createContext } from '../../jobs/createContext.js';
import { startBackfill } from '../../jobs/backfill/startBackfill.js';
import { startDashboard } from '../../../workers/startDashboard.js';
import { startWorkers } from '../../../workers/startWorkers.js';
import { output } from '../output.js';
import { parsePositiveInt } from '../parseArgs.js';
import { printRunSummary } from '../printRunSummary.js';
import { waitForRun } from '../waitForRun.js';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('fixture site + migrate + workers + backfill of it, with progress, then a summary')
    .option('--posts <N>', 'posts on the fixture site', parsePositiveInt('--posts', 1, 1_000_000), 2000)
    .option('--port <P>', 'fixture site port (0 = any free port)', parsePositiveInt('--port', 0, 65535), 0)
    .option('--serve', 'keep the fixture site and dashboard running after the summary, until Ctrl-C')
    .action(async (options: { posts: number; port: number; serve?: boolean }) => {
      const config = loadConfig();
      const log = createCliLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
      const migration = await migrate(config.databaseUrl);
      output.note(`database ready${migration.applied.length ? ` (applied ${migration.applied.join(', ')})` : ''}`);
      const site = await startFixtureSite({ port: options.port, posts: options.posts, seed: 'wpingest', permalinks: 'pretty' });
      output.note(`fixture WordPress site with ${options.posts} posts at ${site.url}`);
      const ctx = await createContext(config, log);
      const workers = await startWorkers(ctx, ['scheduler', 'fetch', 'process']);
      let siteId: number | undefined;
      try {
        const start = await startBackfill(ctx, site.url);
        siteId = start.siteId;
        output.note(`run ${start.runId}: ${start.totalPosts} posts in ${start.totalPages} pages`);
        const row = await waitForRun(ctx.pool, start.runId, { progress: true });
        await printRunSummary(ctx.pool, row, start.siteId);
        if (row.status !== 'done') process.exitCode = 1;
        if (options.serve) {
          const dashboard = await startDashboard(ctx, { host: '127.0.0.1', port: config.dashboardPort, write: false });
          output.line(`dashboard: ${dashboard.url}  (Ctrl-C stops)`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          await dashboard.close();
        } else {
          output.line(
            `dashboard: run \`npx wpingest run --roles dashboard\` (or \`npx wpingest demo --serve\`) and open http://127.0.0.1:${config.dashboardPort}/`,
          );
        }
      } finally {
        await workers.close();
        // The fixture site's port dies with this process: its articles stay to look at, but it is no source to sync.
        if (siteId !== undefined) await execute(ctx.pool, disableSourceById(siteId));
        await ctx.close();
        await site.close();
      }
    });
}
