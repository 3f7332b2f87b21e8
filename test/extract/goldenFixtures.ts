import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { toContractArticle, type ExtractedArticle } from '../../src/article.js';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

/** Golden extraction cases: `test/fixtures/extract/<case>/{post.json,expected.json}`. */
export const FIXTURE_DIR = new URL('../fixtures/extract/', import.meta.url);

export function readCase(name: string): { post: WpPost; expected: Record<string, unknown> } {
  const dir = new URL(`${name}/`, FIXTURE_DIR);
  return {
    post: JSON.parse(readFileSync(new URL('post.json', dir), 'utf8')) as WpPost,
    expected: JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, unknown>,
  };
}

export function hasCase(name: string): boolean {
  return existsSync(new URL(`${name}/post.json`, FIXTURE_DIR));
}

/** Every case folder holding a post and its expected output. */
export function caseNames(): string[] {
  return readdirSync(FIXTURE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/expected.json`, FIXTURE_DIR)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * What a golden file records: the contract fields `wpingest extract` prints, plus the fields that show how the
 * extractor decided (profile, language, modified time) and the reason of every removed block, in order.
 */
export function goldenRecord(article: ExtractedArticle): Record<string, unknown> {
  return {
    ...toContractArticle(article),
    modified_at: article.modified_at,
    language: article.language,
    profile: article.profile,
    removed: article.removed.map((block) => block.reason),
  };
}

/** Extracts a golden case's post as `wpingest extract` does, with the site its golden file names. */
export function extractCase(post: WpPost, site: string): ExtractedArticle {
  return extractArticle(post, { site, terms: EMPTY_TERM_NAMES });
}
