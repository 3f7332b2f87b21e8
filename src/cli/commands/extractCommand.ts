import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { toContractArticle } from '../../article.js';
import { dedupeArticles } from '../../dedupe/index.js';
import { ConfigError } from '../../errors.js';
import { emptyBodyReason, extractArticle } from '../../extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../wpPost.js';
import { output } from '../output.js';

async function readInput(file: string | undefined): Promise<string> {
  if (file && file !== '-') return readFile(file, 'utf8');
  if (process.stdin.isTTY) throw new ConfigError('give a FILE or pipe a WP post (or an array of them) on stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The posts in a post object, an array of posts, or a saved listing page. */
export function postsOf(input: unknown): WpPost[] {
  const list = Array.isArray(input) ? input : [input];
  const posts = list.filter((item): item is WpPost => Boolean(item) && typeof item === 'object' && typeof (item as WpPost).id === 'number');
  if (posts.length === 0) throw new ConfigError('the input holds no WordPress post object (an object with a numeric "id")');
  return posts;
}

/** The site a post came from, from its link or its self link. */
function siteOf(post: WpPost): string {
  const self = (post._links as { self?: Array<{ href?: string }> } | undefined)?.self?.[0]?.href;
  for (const candidate of [post.link, self]) {
    try {
      if (candidate) return new URL(candidate).origin;
    } catch {
      // try the next one
    }
  }
  return 'unknown:';
}

export function extractCommand(program: Command): void {
  program
    .command('extract')
    .description('extract articles from a WP post object, an array of them or a listing page; needs no services')
    .argument('[FILE]', 'a JSON file, or - for stdin')
    .option('--pretty', 'indent the JSON')
    .action(async (file: string | undefined, options: { pretty?: boolean }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readInput(file));
      } catch (error) {
        if (error instanceof ConfigError || (error as { code?: string }).code === 'ENOENT')
          throw error instanceof ConfigError ? error : new ConfigError(`cannot read ${file}`);
        throw new ConfigError(`input is not valid JSON: ${(error as Error).message}`);
      }
      const posts = postsOf(parsed);
      const extracted = posts.map((post) => extractArticle(post, { site: siteOf(post), terms: EMPTY_TERM_NAMES }));
      const { articles, merged } = extracted.length > 1 ? dedupeArticles(extracted) : { articles: extracted, merged: [] };
      if (merged.length > 0) output.note(`${merged.length} posts merged into the articles they duplicate`);
      const postOf = new Map(posts.map((post) => [post.id, post]));
      for (const article of articles) {
        const post = postOf.get(article.wp.id);
        const reason = post ? emptyBodyReason(post, article) : null;
        if (reason) output.note(`post ${article.wp.id}: no body text (${reason})`);
        output.json(toContractArticle(article), options.pretty, { verbatim: true });
      }
    });
}
