import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WpPost } from '../../src/wpPost.js';
import { htmlText } from './runReadability.js';
import { decodePage, wrapPageAsPost } from './wrapPageAsPost.js';

/** Where the shared development sets live (read in place, never copied into the project). */
export const CORPUS_DIR = process.env.WPINGEST_CORPUS ?? '/work/shared/corpus';

export interface SnippetCase {
  name: string;
  post: WpPost;
  with: string[];
  without: string[];
  /** The page's headline as the set records it, when it does. */
  title: string | null;
}

export interface ShingleCase {
  name: string;
  post: WpPost;
  /** The full true body text. */
  expectedText: string;
  /** The true title, when the set records one. */
  expectedTitle: string | null;
}

/** A set scored by shingles; `siteBatch` sets are one site's pages, extracted together as the pipeline does. */
export interface ShingleSet {
  name: string;
  cases: ShingleCase[];
  siteBatch: boolean;
}

export function loadTrafilaturaSet(limit: number): SnippetCase[] {
  const dir = join(CORPUS_DIR, 'news-pages-trafilatura', 'html');
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .slice(0, limit);
  return names.map((name, i) => {
    const meta = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { url: string; with?: string[]; without?: string[]; comments?: string[]; title?: string };
    const html = decodePage(readFileSync(join(dir, name.replace(/\.json$/, '.html'))));
    return {
      name,
      post: wrapPageAsPost(html, meta.url, i + 1),
      with: meta.with ?? [],
      without: [...(meta.without ?? []), ...(meta.comments ?? [])],
      title: meta.title ?? null,
    };
  });
}

export function loadReadabilitySet(limit: number): ShingleSet {
  const dir = join(CORPUS_DIR, 'news-pages-readability');
  return { name: 'news-pages-readability', cases: existsSync(dir) ? readabilityCases(dir, limit) : [], siteBatch: false };
}

function readabilityCases(dir: string, limit: number): ShingleCase[] {
  const names = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'source.html')))
    .sort()
    .slice(0, limit);
  return names.map((name, i) => {
    const html = decodePage(readFileSync(join(dir, name, 'source.html')));
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { title?: string };
    const url = `http://fakehost/${name}/`;
    const expectedText = htmlText(readFileSync(join(dir, name, 'expected.html'), 'utf8'));
    return { name, post: wrapPageAsPost(html, url, i + 1), expectedText, expectedTitle: meta.title ?? '' };
  });
}

/**
 * The wp-theme-pages sets: one folder per site, `posts.json` (the site's pages wrapped as aggregator posts) and
 * `truth.json` (`{"<post id>": {"articleBody": text}}`). Case names are the post ids.
 */
export function loadThemePageSets(limit: number): ShingleSet[] {
  const root = join(CORPUS_DIR, 'wp-theme-pages');
  if (!existsSync(root)) return [];
  const sites = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'posts.json')))
    .sort();
  return sites.map((site) => {
    const posts = (JSON.parse(readFileSync(join(root, site, 'posts.json'), 'utf8')) as WpPost[]).slice(0, limit);
    const truth = JSON.parse(readFileSync(join(root, site, 'truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const cases = posts.map((post) => ({ name: String(post.id), post, expectedText: truth[String(post.id)]?.articleBody ?? '', expectedTitle: null }));
    return { name: `wp-theme-pages/${site}`, cases, siteBatch: true };
  });
}
