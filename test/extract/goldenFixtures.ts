import { existsSync, readFileSync } from 'node:fs';
import type { WpPost } from '../../src/wpPost.js';

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
