import type { Command } from 'commander';
import { output } from '../output.js';
import { parsePositiveInt } from '../parseArgs.js';
import { withContext } from '../withContext.js';

export function explainCommand(program: Command): void {
  program
    .command('explain')
    .description('print what was removed from an article and why, its posts and its teasers')
    .argument('<article-id>', 'article id', parsePositiveInt('article-id'))
    .option('--json', 'print JSON')
    .action(async (articleId: number, options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const article = (await ctx.pool.query(`SELECT id, source_url, source_domain, title, profile, removed, cluster_id, word_count FROM articles WHERE id = $1`, [articleId])).rows[0];
        if (!article) throw new Error(`no article ${articleId}`);
        const posts = (await ctx.pool.query(`SELECT p.wp_id, s.url AS site, p.fetched_at FROM article_posts p JOIN sites s ON s.id = p.site_id WHERE p.article_id = $1 ORDER BY p.wp_id`, [articleId])).rows;
        const teasers = (await ctx.pool.query(`SELECT at.slot, at.position, t.key, t.title, t.times_seen FROM article_teasers at JOIN teasers t ON t.id = at.teaser_id WHERE at.article_id = $1 ORDER BY at.position`, [articleId])).rows;
        if (options.json) return output.json({ article, posts, teasers }, true);
        output.line(`article ${article.id}: ${article.title}`);
        output.line(`source ${article.source_url} (profile ${article.profile}, ${article.word_count} words${article.cluster_id ? `, near-duplicate cluster ${article.cluster_id}` : ''})`);
        output.line(`from posts: ${posts.map((p) => `${p.site} #${p.wp_id}`).join(', ')}`);
        output.line(`removed ${article.removed.length} blocks:`);
        for (const block of article.removed as Array<{ reason: string; bytes: number; text: string }>) output.line(`  [${block.reason}] ${block.bytes} B  ${block.text.slice(0, 90).replace(/\s+/g, ' ')}`);
        output.line(`teasers stored separately (${teasers.length}):`);
        for (const t of teasers) output.line(`  ${t.slot} #${t.position}  ${t.key}  "${t.title}" (seen in ${t.times_seen} posts)`);
      });
    });
}
