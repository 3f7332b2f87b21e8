import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/wpingest.js`;
const SEED = `${ROOT}test/fixtures/extract/seed/post.json`;

function wpingest(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('wpingest command line', () => {
  beforeAll(() => {
    if (!existsSync(`${ROOT}dist/src/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('rejects an unknown flag with a one-line error and exit 2', () => {
    const result = wpingest(['backfill', 'http://127.0.0.1:1', '--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('rejects bad values with a one-line error naming the option and exit 2', () => {
    for (const args of [
      ['backfill', 'http://x', '--pages', 'abc'],
      ['backfill', 'ftp://x'],
      ['fixture-site', '--posts', '-3'],
      ['backfill', 'http://x', '--since', 'yesterday'],
      ['run', '--roles', 'cook'],
      ['run', '--workers', '0'],
      ['run', '--worker-heap-mb', '10'],
    ]) {
      const result = wpingest(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('stops on a bad environment variable, naming it, before touching any service', () => {
    const result = wpingest(['status'], { REDIS_URL: 'http://nope', DASHBOARD_PORT: '99999' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/REDIS_URL/);
    expect(result.stderr).toMatch(/DASHBOARD_PORT/);
  });

  it('stops with one line and exit 2 on a malformed Redis URL, a missing Redis database or a port that is not a number', () => {
    for (const env of [{ REDIS_URL: 'redis:/127.0.0.1:6379' }, { REDIS_URL: 'redis://127.0.0.1:6379/99' }, { DASHBOARD_PORT: 'abc' }] as Record<
      string,
      string
    >[]) {
      const result = wpingest(['status'], env);
      const name = Object.keys(env)[0]!;
      expect(result.status, name).toBe(2);
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(result.stderr, name).toContain(name);
    }
  });

  it('suggests http:// for a site URL typed without a scheme', () => {
    for (const url of ['example.com', '127.0.0.1:8080', 'news.example.com/blog/']) {
      const result = wpingest(['backfill', url]);
      expect(result.status, url).toBe(2);
      expect(result.stderr.trim(), url).toBe(`wpingest: site URL needs http:// or https://, got "${url}": did you mean http://${url}?`);
    }
  });

  it('says clearly when Postgres is unreachable', () => {
    const result = wpingest(['status'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/wpingest' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Postgres at 127\.0\.0\.1:1/);
  });

  it('extracts the seed post offline, with no services', () => {
    const result = wpingest(['extract', SEED], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.status).toBe(0);
    const article = JSON.parse(result.stdout.trim());
    expect(article.title).toBe('EU’s Kallas visits Baku to advance ‘strategic partnership’ with Azerbaijan');
    expect(article.source_url).toBe('http://www.euronews.com/2026/05/05/eus-kallas-visits-baku-to-advance-strategic-partnership-with-azerbaijan');
    expect(Object.keys(article)).toEqual([
      'wp',
      'source_url',
      'title',
      'summary',
      'authors',
      'published_at',
      'section',
      'topics',
      'image',
      'body_text',
      'body_html',
      'related',
      'teasers',
      'word_count',
    ]);
  });

  it('reads an array on stdin and collapses the same story posted twice', () => {
    const post = JSON.parse(readFileSync(SEED, 'utf8'));
    const recrawl = { ...post, id: post.id + 1, date_gmt: '2026-05-05T14:00:00' };
    const result = wpingest(['extract', '-'], {}, JSON.stringify([post, recrawl]));
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).wp.id).toBe(post.id + 1);
    expect(result.stderr).toMatch(/1 posts merged/);
  });

  it('says on stderr which posts came out without body text, and why', () => {
    const post = JSON.parse(readFileSync(SEED, 'utf8'));
    const locked = { ...post, id: 41, link: 'https://analyse.optim.biz/?p=41', content: { rendered: '', protected: true } };
    const result = wpingest(['extract', '-'], {}, JSON.stringify([post, locked]));
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/post 41: no body text \(password-protected\)/);
    expect(result.stderr).not.toMatch(new RegExp(`post ${post.id}:`));
  });

  it('rejects input that is not JSON with a one-line error', () => {
    const result = wpingest(['extract', '-'], {}, '<html>not json</html>');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON/);
  });
});
