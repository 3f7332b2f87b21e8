import type { Command } from 'commander';
import { output } from '../output.js';
import { parseSiteUrl } from '../parseArgs.js';
import { withContext } from '../withContext.js';
import { registerSite } from '../../../workers/registerSite.js';
import { syncSite } from '../../../workers/syncSite.js';

export function syncCommand(program: Command): void {
  program
    .command('sync')
    .description('one incremental pass: fetch posts modified since the last sync and update their articles')
    .argument('<site-url>', 'the WordPress site', parseSiteUrl)
    .action(async (siteUrl: string) => {
      await withContext(async (ctx) => {
        const { siteId } = await registerSite(ctx, siteUrl);
        const result = await syncSite(ctx, siteId);
        output.note(`sync run ${result.runId}: ${result.postsSeen} posts seen in ${result.pages} pages, ${result.postsChanged} changed, ${result.articlesWritten} articles written; cursor ${result.cursor ?? 'none'} (${result.mode})`);
        output.json(result);
      });
    });
}
