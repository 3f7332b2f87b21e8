import type { Command } from 'commander';
import { countOf } from '../../dashboard/formatValues.js';
import { output } from '../output.js';
import { parseSiteUrl } from '../parseArgs.js';
import { withContext } from '../withContext.js';
import { registerSite } from '../../jobs/site/registerSite.js';
import { syncSite } from '../../jobs/sync/syncSite.js';

export function syncCommand(program: Command): void {
  program
    .command('sync')
    .description('one incremental pass: fetch posts modified since the last sync and update their articles')
    .argument('<site-url>', 'the WordPress site', parseSiteUrl)
    .option('--json', 'print the result as JSON')
    .action(async (siteUrl: string, options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const { siteId } = await registerSite(ctx, siteUrl);
        const result = await syncSite(ctx, siteId);
        if (options.json) return output.json(result);
        const changed =
          result.postsChanged === 0
            ? 'nothing changed'
            : `${countOf(result.postsChanged, 'post')} changed, ${countOf(result.articlesWritten, 'article')} written`;
        output.line(
          `Synced ${siteUrl} (run ${result.runId}): ${countOf(result.postsSeen, 'post')} seen in ${countOf(result.pages, 'page')}, ${changed}; the next sync starts from ${result.cursor ?? 'the beginning'}.`,
        );
      });
    });
}
