import type { Command } from 'commander';
import { searchArticles, DEFAULT_SEARCH_LIMIT } from '../../feed/searchArticles.js';
import { ConfigError } from '../../errors.js';
import { output } from '../output.js';
import { parsePositiveInt } from '../parseArgs.js';
import { resolveSiteId, withDatabase } from '../withDatabase.js';

/** Most hits one search may ask for. */
const MAX_SEARCH_LIMIT = 1000;

export function searchCommand(program: Command): void {
  program
    .command('search')
    .description('ranked full-text search over live articles: id, title, site, date and a snippet per hit')
    .argument('<query>', 'words, "a phrase", -excluded, or (web search syntax)')
    .option('--site <url>', 'only articles from this site')
    .option('--limit <n>', `hits at most (default ${DEFAULT_SEARCH_LIMIT})`, parsePositiveInt('--limit', 1, MAX_SEARCH_LIMIT))
    .option('--json', 'print JSON')
    .action(async (query: string, flags: { site?: string; limit?: number; json?: boolean }) => {
      if (!query.trim()) throw new ConfigError('search query is empty');
      await withDatabase(async (pool) => {
        const siteId = await resolveSiteId(pool, flags.site);
        const bold = process.stdout.isTTY && !flags.json;
        const hits = await searchArticles(pool, { q: query, siteId, limit: flags.limit, highlight: bold ? ['\u001b[1m', '\u001b[22m'] : ['**', '**'] });
        if (flags.json) return output.json(hits, true);
        if (hits.length === 0) output.note(`no articles match ${JSON.stringify(query)}`);
        for (const hit of hits) {
          output.line(`${hit.id}  ${hit.title}`);
          output.line(`    ${hit.site}  ${hit.published_at ? hit.published_at.slice(0, 10) : 'no date'}  ${hit.source_url}`);
          output.line(`    ${hit.snippet.replace(/\s+/g, ' ')}`);
        }
      });
    });
}
