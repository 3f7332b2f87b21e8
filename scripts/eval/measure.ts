import { extractArticle } from '../../src/extract/index.js';
import type { ExtractedArticle } from '../../src/article.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

/** Extracts every post, timing CPU (user+system) so posts/s per core is not skewed by other load. */
export function extractTimed(posts: readonly WpPost[]): { articles: ExtractedArticle[]; postsPerCpuSecond: number; postsPerWallSecond: number } {
  const startCpu = process.cpuUsage();
  const startWall = performance.now();
  const articles = posts.map((post) => extractArticle(post, { site: 'https://aggregator.example', terms: EMPTY_TERM_NAMES }));
  const cpu = process.cpuUsage(startCpu);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const wallSeconds = (performance.now() - startWall) / 1000;
  return { articles, postsPerCpuSecond: posts.length / Math.max(cpuSeconds, 1e-6), postsPerWallSecond: posts.length / Math.max(wallSeconds, 1e-6) };
}
