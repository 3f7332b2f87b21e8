import { existsSync, readFileSync } from 'node:fs';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

/** The seed golden case kept with the tests. */
export const SEED_FIXTURE_DIR = new URL('../../test/fixtures/extract/seed/', import.meta.url);

/** Compares every field of expected.json with the extracted article; returns the names of differing fields. */
export function evaluateSeed(): { fields: number; wrong: string[] } | null {
  const postFile = new URL('post.json', SEED_FIXTURE_DIR);
  const expectedFile = new URL('expected.json', SEED_FIXTURE_DIR);
  if (!existsSync(postFile) || !existsSync(expectedFile)) return null;
  const post = JSON.parse(readFileSync(postFile, 'utf8')) as WpPost;
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
  const article = extractArticle(post, { site: 'https://analyse.optim.biz', terms: EMPTY_TERM_NAMES }) as unknown as Record<string, unknown>;
  const wrong = Object.keys(expected).filter((field) => JSON.stringify(article[field]) !== JSON.stringify(expected[field]));
  return { fields: Object.keys(expected).length, wrong };
}
