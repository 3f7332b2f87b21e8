import type { Command } from 'commander';
import { queryAll, queryOne } from '../../db/query.js';
import { explainedArticle, explainedPosts, explainedTeasers, explainedVersionPayload } from '../cliQueries.js';
import { output } from '../output.js';
import { parsePositiveInt } from '../parseArgs.js';
import { withContext } from '../withContext.js';
import { emptyBodyReason, type DropReason } from '../../extract/index.js';
import type { WpPost } from '../../wpPost.js';

/** The article columns `explain` prints. */
interface ExplainedArticle {
  id: number;
  source_url: string;
  source_domain: string;
  title: string;
  profile: string;
  removed: Array<{ reason: DropReason; bytes: number; text: string }>;
  cluster_id: number | null;
  word_count: number;
}

/** A teaser as `explain` prints it. */
interface ExplainedTeaser {
  slot: string;
  position: number;
  key: string;
  title: string;
  times_seen: number;
}

export function explainCommand(program: Command): void {
  program
    .command('explain')
    .description('print what was removed from an article and why, its posts and its teasers')
    .argument('<article-id>', 'article id', parsePositiveInt('article-id'))
    .option('--json', 'print JSON')
    .action(async (articleId: number, options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const article = await queryOne<ExplainedArticle>(ctx.pool, explainedArticle(articleId));
        if (!article) throw new Error(`no article ${articleId}`);
        const posts = await queryAll<{ wp_id: number; site: string; fetched_at: Date }>(ctx.pool, explainedPosts(articleId));
        const teasers = await queryAll<ExplainedTeaser>(ctx.pool, explainedTeasers(articleId));
        const version = article.word_count === 0 ? await queryOne<{ payload: WpPost }>(ctx.pool, explainedVersionPayload(articleId)) : null;
        const emptyBody = version ? emptyBodyReason(version.payload, article) : null;
        if (options.json) return output.json({ article: { ...article, empty_body_reason: emptyBody }, posts, teasers }, true);
        output.line(`article ${article.id}: ${article.title}`);
        output.line(
          `source ${article.source_url} (profile ${article.profile}, ${article.word_count} words${article.cluster_id ? `, near-duplicate cluster ${article.cluster_id}` : ''})`,
        );
        output.line(`from posts: ${posts.map((p) => `${p.site} #${p.wp_id}`).join(', ')}`);
        if (emptyBody) output.line(`no body text: ${emptyBody}`);
        output.line(`removed ${article.removed.length} blocks:`);
        for (const block of article.removed) output.line(`  [${block.reason}] ${block.bytes} B  ${block.text.slice(0, 90).replace(/\s+/g, ' ')}`);
        output.line(`teasers stored separately (${teasers.length}):`);
        for (const t of teasers) output.line(`  ${t.slot} #${t.position}  ${t.key}  "${t.title}" (seen in ${t.times_seen} posts)`);
      });
    });
}
