import type { Command } from 'commander';
import { formatCount } from '../../dashboard/formatValues.js';
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
    .option('--json', 'print the result as JSON')
    .action(async (siteUrl: string, options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const { siteId } = await registerSite(ctx, siteUrl);
        const result = await syncSite(ctx, siteId);
        if (options.json) return output.json(result);
        const changed = result.postsChanged === 0 ? 'nothing changed' : `${formatCount(result.postsChanged)} changed, ${formatCount(result.articlesWritten)} articles written`;
        output.line(`Synced ${siteUrl} (run ${result.runId}): ${formatCount(result.postsSeen)} posts seen in ${formatCount(result.pages)} pages, ${changed}; next sync starts from ${result.cursor ?? 'the beginning'}.`);
      });
    });
}
