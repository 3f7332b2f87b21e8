/**
 * Adds a golden extraction case: copies a WP post to `test/fixtures/extract/<case>/post.json` and writes what the
 * extractor makes of it now to `expected.json`, for review (read the diff: the file becomes the truth).
 * Usage: npm run golden:add -- <post.json> <case> [--site URL] [--index N] [--force]
 * Only posts we own may become cases (fixture-site posts, hand-written HTML): never pages of the shared corpus.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { WpPost } from '../src/wpPost.js';
import { FIXTURE_DIR, extractCase, goldenRecord } from '../test/extract/goldenFixtures.js';

const CASE_NAME = /^[a-z0-9][a-z0-9-]*$/;

function fail(message: string): never {
  process.stderr.write(`golden:add: ${message}\n`);
  process.exit(1);
}

/** The site a post came from, as `wpingest extract` takes it: its link's origin. */
function siteOf(post: WpPost): string {
  try {
    return new URL(post.link ?? '').origin;
  } catch {
    return 'unknown:';
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { site: { type: 'string' }, index: { type: 'string', default: '0' }, force: { type: 'boolean', default: false } },
});
const [file, name] = positionals;
if (!file || !name) fail('usage: npm run golden:add -- <post.json> <case> [--site URL] [--index N] [--force]');
if (!CASE_NAME.test(name)) fail(`case name ${JSON.stringify(name)}: use lower-case letters, digits and dashes`);
if (resolve(file).includes('/corpus/')) fail('pages of the shared corpus are not ours to copy into the project (licence)');
const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
const post = (Array.isArray(parsed) ? parsed[Number(values.index)] : parsed) as WpPost | undefined;
if (!post || typeof post !== 'object' || typeof post.id !== 'number') fail(`${file} holds no WordPress post object (an object with a numeric "id")`);
const dir = new URL(`${name}/`, FIXTURE_DIR);
if (existsSync(dir) && !values.force) fail(`case ${name} exists; --force replaces it`);
const site = values.site ?? siteOf(post);
const record = goldenRecord(extractCase(post, site));
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('post.json', dir), `${JSON.stringify(post, null, 2)}\n`);
writeFileSync(new URL('expected.json', dir), `${JSON.stringify(record, null, 2)}\n`);
process.stdout.write(`wrote test/fixtures/extract/${name}/{post.json,expected.json} (site ${site}); review expected.json before committing\n`);
