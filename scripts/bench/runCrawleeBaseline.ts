import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheerioCrawler, Configuration, LogLevel, log as crawleeLog, type CheerioCrawlingContext } from '@crawlee/cheerio';
import { load } from 'cheerio';
import { ownCpuMs } from './readProcStats.js';
import { sampleWhile, type MemorySample } from './sampleMemory.js';

/** Posts per listing request, as wpingest asks for. */
const PER_PAGE = 100;
/** Concurrency bounds: the same 4 concurrent fetches and 8 connections wpingest uses per fetch process. */
const MIN_CONCURRENCY = 4;
const MAX_CONCURRENCY = 8;

/** What the baseline crawl did. */
export interface BaselineResult {
  posts: number;
  pages: number;
  wallSeconds: number;
  postsPerSecond: number;
  /** Posts whose `.c-article-content` was found (the rest fell back to the whole content). */
  withArticleContent: number;
  failedRequests: number;
  /** Requests retried (e.g. after the server closed an idle keep-alive socket). */
  retries: number;
  memory: MemorySample;
  /** CPU of the crawling process during the crawl (startup excluded), ms. */
  cpuMs: number;
}

interface CrawledPost {
  id: number;
  title: string;
  text: string;
}

/**
 * The tool a Node developer would reach for: a Crawlee `CheerioCrawler` paging the same REST listing, reading
 * the total pages from the first response, and extracting each post's `.c-article-content` text with
 * cheerio into memory. Storage stays in memory (`persistStorage: false`) under a temporary directory.
 */
export async function runCrawleeBaseline(siteUrl: string): Promise<BaselineResult> {
  const storageDir = mkdtempSync(join(tmpdir(), 'wpingest-bench-crawlee-'));
  crawleeLog.setLevel(LogLevel.WARNING);
  const config = new Configuration({
    persistStorage: false,
    storageClientOptions: { localDataDirectory: storageDir, persistStorage: false, writeMetadata: false },
  });
  const posts: CrawledPost[] = [];
  let pages = 0;
  let withArticleContent = 0;
  const listing = (page: number) => `${siteUrl}/wp-json/wp/v2/posts?per_page=${PER_PAGE}&page=${page}&orderby=id&order=asc`;
  const crawler = new CheerioCrawler(
    {
      additionalMimeTypes: ['application/json'],
      minConcurrency: MIN_CONCURRENCY,
      maxConcurrency: MAX_CONCURRENCY,
      maxRequestRetries: 3,
      requestHandler: async ({ request, response, body, crawler: self }: CheerioCrawlingContext) => {
        const items = JSON.parse(body.toString()) as Array<{ id: number; title: { rendered: string }; content: { rendered: string } }>;
        pages += 1;
        for (const item of items) {
          const $ = load(item.content.rendered);
          const article = $('.c-article-content');
          if (article.length > 0) withArticleContent += 1;
          const text = article.length > 0 ? article.text() : $.root().text();
          posts.push({ id: item.id, title: load(item.title.rendered).text(), text: text.trim() });
        }
        if (request.userData.first) {
          const totalPages = Number(response.headers['x-wp-totalpages'] ?? 1);
          await self.addRequests(Array.from({ length: Math.max(0, totalPages - 1) }, (_, i) => listing(i + 2)));
        }
      },
    },
    config,
  );
  const started = performance.now();
  const cpuBefore = ownCpuMs();
  try {
    const { result: stats, memory } = await sampleWhile(() => crawler.run([{ url: listing(1), userData: { first: true } }]));
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuMs = ownCpuMs() - cpuBefore;
    return {
      posts: posts.length,
      pages,
      wallSeconds,
      postsPerSecond: posts.length / wallSeconds,
      withArticleContent,
      cpuMs,
      failedRequests: stats.requestsFailed,
      retries: stats.retryHistogram.reduce((sum, count, retries) => sum + (count ?? 0) * retries, 0),
      memory,
    };
  } finally {
    rmSync(storageDir, { recursive: true, force: true });
  }
}
