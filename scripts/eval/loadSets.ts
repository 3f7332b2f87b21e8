import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WpPost } from '../../src/wpPost.js';
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
  expectedHtml: string;
  expectedTitle: string;
}

export function loadTrafilaturaSet(limit: number): SnippetCase[] {
  const dir = join(CORPUS_DIR, 'news-pages-trafilatura', 'html');
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort().slice(0, limit);
  return names.map((name, i) => {
    const meta = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { url: string; with?: string[]; without?: string[]; comments?: string[]; title?: string };
    const html = decodePage(readFileSync(join(dir, name.replace(/\.json$/, '.html'))));
    return { name, post: wrapPageAsPost(html, meta.url, i + 1), with: meta.with ?? [], without: [...(meta.without ?? []), ...(meta.comments ?? [])], title: meta.title ?? null };
  });
}

export function loadReadabilitySet(limit: number): ShingleCase[] {
  const dir = join(CORPUS_DIR, 'news-pages-readability');
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'source.html'))).sort().slice(0, limit);
  return names.map((name, i) => {
    const html = decodePage(readFileSync(join(dir, name, 'source.html')));
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { title?: string };
    const url = `http://fakehost/${name}/`;
    return { name, post: wrapPageAsPost(html, url, i + 1), expectedHtml: readFileSync(join(dir, name, 'expected.html'), 'utf8'), expectedTitle: meta.title ?? '' };
  });
}
