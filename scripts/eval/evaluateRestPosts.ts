import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { countWords } from '../../src/article.js';
import { emptyBodyReason, extractArticle } from '../../src/extract/index.js';
import { parseHtml, textOf } from '../../src/html/index.js';
import { EMPTY_TERM_NAMES, renderedField, type WpPost } from '../../src/wpPost.js';
import { CORPUS_DIR } from './loadSets.js';

/** A post keeping less than this share of its content's words is listed: an ordinary post is all post. */
const MIN_KEPT_SHARE = 0.8;

export interface RestPostsScore {
  posts: number;
  /** Posts whose body came out empty although their content has text. */
  emptied: string[];
  /** Posts that kept less than MIN_KEPT_SHARE of their content's words, with the share. */
  cut: Array<{ name: string; kept: number }>;
}

/** Every JSON file under a folder (the schemas folder aside). */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'wp-json-schemas' ? [] : jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function postsIn(file: string): WpPost[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  return (Array.isArray(data) ? data : [data]).filter(
    (item): item is WpPost => Boolean(item) && typeof item === 'object' && typeof (item as WpPost).id === 'number' && 'content' in (item as object),
  );
}

/**
 * The real post objects of the wp-rest set (ordinary posts of several sites, REST fixtures of WordPress clients),
 * each through the extractor: no truth but their own content, of which an ordinary post must keep every word.
 */
export function evaluateRestPosts(): RestPostsScore | null {
  const dir = join(CORPUS_DIR, 'wp-rest');
  if (!existsSync(dir)) return null;
  const score: RestPostsScore = { posts: 0, emptied: [], cut: [] };
  for (const file of jsonFiles(dir))
    for (const post of postsIn(file)) {
      score.posts++;
      const name = `${relative(dir, file)}#${post.id}`;
      const article = extractArticle(post, { site: 'https://wp-rest.example', terms: EMPTY_TERM_NAMES });
      const words = countWords(textOf(parseHtml(renderedField(post.content)).root));
      if (emptyBodyReason(post, article) === 'text-not-extracted') score.emptied.push(name);
      else if (words > 0 && article.word_count / words < MIN_KEPT_SHARE) score.cut.push({ name, kept: article.word_count / words });
    }
  return score;
}
