import type { Command } from 'commander';
import { queryAll } from '../../db/query.js';
import { sitesToReprocess, storedPostIds } from '../cliQueries.js';
import { output } from '../output.js';
import { parseSiteUrl } from '../parseArgs.js';
import { withContext } from '../withContext.js';
import { findSite } from '../../jobs/site/registerSite.js';
import { processPosts } from '../../jobs/process/processPosts.js';

/** Posts re-extracted per batch. */
const REPROCESS_BATCH = 200;

export function reprocessCommand(program: Command): void {
  program
    .command('reprocess')
    .description('re-extract and re-load articles from stored raw posts, without refetching')
    .option('--site <url>', 'only this site', parseSiteUrl)
    .action(async (options: { site?: string }) => {
      await withContext(async (ctx) => {
        const only = options.site ? await findSite(ctx.pool, options.site) : undefined;
        if (options.site && !only) throw new Error(`no site ${options.site} is registered`);
        const sites = await queryAll<{ id: number; url: string }>(ctx.pool, sitesToReprocess(only?.id ?? null));
        let total = 0;
        for (const site of sites) {
          const ids = (await queryAll<{ wp_id: number }>(ctx.pool, storedPostIds(site.id))).map((r) => r.wp_id);
          for (let i = 0; i < ids.length; i += REPROCESS_BATCH) {
            await processPosts(ctx, site.id, ids.slice(i, i + REPROCESS_BATCH), { force: true });
            total += Math.min(REPROCESS_BATCH, ids.length - i);
            output.note(`${site.url}: ${Math.min(i + REPROCESS_BATCH, ids.length)}/${ids.length} posts re-processed`);
          }
        }
        output.line(`re-processed ${total} posts`);
      });
    });
}
