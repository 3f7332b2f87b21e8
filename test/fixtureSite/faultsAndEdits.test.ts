import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFaults, startFixtureSite, writeTruth } from '../../src/fixtureSite/index.js';

const list = '/?rest_route=/wp/v2/posts&per_page=10';

describe('fixture faults', () => {
  it('answers 500 to the first two requests of each page, then succeeds', async () => {
    const site = await startFixtureSite({ posts: 40, seed: 'faults', permalinks: 'plain', faults: '500x2' });
    try {
      const statuses: number[] = [];
      for (let k = 0; k < 3; k++) statuses.push((await fetch(`${site.url}${list}&page=2`)).status);
      expect(statuses).toEqual([500, 500, 200]);
      expect((await fetch(`${site.url}${list}&page=3`)).status).toBe(500);
      const stats = await (await fetch(`${site.url}/__fixture/stats`)).json();
      expect(stats.faults['500']).toBe(3);
      expect(site.requests).toBe(5);
    } finally {
      await site.close();
    }
  });

  it('sends 429 with Retry-After, then 503, then the page', async () => {
    const site = await startFixtureSite({ posts: 40, seed: 'faults', permalinks: 'plain', faults: '429x1,503x1' });
    try {
      const first = await fetch(site.url + list);
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('1');
      expect((await fetch(site.url + list)).status).toBe(503);
      expect((await fetch(site.url + list)).status).toBe(200);
    } finally {
      await site.close();
    }
  });

  it('injects probabilistic faults deterministically per (page, attempt)', async () => {
    const outcomes = async (): Promise<string[]> => {
      const site = await startFixtureSite({ posts: 300, seed: 'faults', permalinks: 'plain', faults: 'truncate:p=0.3,html200:p=0.3,object:p=0.3' });
      try {
        const out: string[] = [];
        for (let page = 1; page <= 10; page++) {
          const r = await fetch(`${site.url}${list}&page=${page}`);
          const text = await r.text();
          let shape = 'invalid-json';
          try {
            const v: unknown = JSON.parse(text);
            shape = Array.isArray(v) ? 'list' : 'object';
          } catch {
            if (r.headers.get('content-type')?.includes('text/html')) shape = 'html';
          }
          out.push(`${r.status}:${shape}`);
        }
        return out;
      } finally {
        await site.close();
      }
    };
    const a = await outcomes();
    expect(await outcomes()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('resets connections and grows the collection after N requests', async () => {
    const reset = await startFixtureSite({ posts: 40, seed: 'faults', permalinks: 'plain', faults: 'reset:p=1' });
    try {
      await expect(fetch(reset.url + list)).rejects.toThrow();
    } finally {
      await reset.close();
    }
    const grow = await startFixtureSite({ posts: 400, seed: 'faults', permalinks: 'plain', faults: 'grow:after=2' });
    try {
      const pages: string[] = [];
      for (let k = 0; k < 3; k++) pages.push((await fetch(`${grow.url}/?rest_route=/wp/v2/posts&per_page=100`)).headers.get('x-wp-totalpages')!);
      expect(pages).toEqual(['3', '3', '4']);
    } finally {
      await grow.close();
    }
    expect(() => parseFaults('bogus')).toThrow(/unknown fault/);
  });
});

describe('fixture edits and deletes', () => {
  it('bumps modified on edit, changes the body and the truth', async () => {
    const site = await startFixtureSite({ posts: 60, seed: 'edits', permalinks: 'plain' });
    try {
      const id = site.site.plan.ids[10]!;
      const before = await (await fetch(`${site.url}/?rest_route=/wp/v2/posts/${id}`)).json();
      const truthBefore = site.site.truth(10);
      const maxModified = [...site.site.plan.modifiedMs].reduce((a, b) => Math.max(a, b));
      site.editPosts([id]);
      const after = await (await fetch(`${site.url}/?rest_route=/wp/v2/posts/${id}`)).json();
      expect(after.modified_gmt > before.modified_gmt).toBe(true);
      expect(Date.parse(`${after.modified_gmt}Z`)).toBeGreaterThan(maxModified);
      expect(after.date_gmt).toBe(before.date_gmt);
      expect(after.content.rendered).not.toBe(before.content.rendered);
      const truthAfter = site.site.truth(10);
      expect(truthAfter.paragraphs.slice(0, -1)).toEqual(truthBefore.paragraphs);
      expect(truthAfter.modified_gmt).toBe(after.modified_gmt);
      const since = await fetch(
        `${site.url}/?rest_route=/wp/v2/posts&per_page=100&modified_after=${before.modified_gmt}Z&orderby=modified&order=asc&_fields=id`,
      );
      expect((await since.json()).map((p: { id: number }) => p.id)).toContain(id);
      const viaHttp = await fetch(`${site.url}/__fixture/edit?ids=${site.site.plan.ids[11]}`, { method: 'POST' });
      expect(viaHttp.status).toBe(200);
      expect(site.site.version(11)).toBe(1);
    } finally {
      await site.close();
    }
  });

  it('removes deleted posts from listings and answers 404 for them; writeTruth skips them', async () => {
    const site = await startFixtureSite({ posts: 30, seed: 'edits', permalinks: 'plain' });
    try {
      const [a, b] = [site.site.plan.ids[3]!, site.site.plan.ids[4]!];
      site.deletePosts([a]);
      await fetch(`${site.url}/__fixture/delete?ids=${b}`, { method: 'POST' });
      const r = await fetch(`${site.url}/?rest_route=/wp/v2/posts&per_page=100&_fields=id`);
      expect(r.headers.get('x-wp-total')).toBe('28');
      const ids = (await r.json()).map((p: { id: number }) => p.id);
      expect(ids).not.toContain(a);
      expect(ids).not.toContain(b);
      expect((await fetch(`${site.url}/?rest_route=/wp/v2/posts/${a}`)).status).toBe(404);
      const dir = await mkdtemp(join(tmpdir(), 'fixture-truth-'));
      const file = join(dir, 'truth.jsonl');
      expect(await writeTruth(site.site, file)).toBe(28);
      const lines = (await readFile(file, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual([...ids].sort((x, y) => x - y));
      expect(Object.keys(lines[0])).toEqual([
        'id',
        'kind',
        'source_url',
        'title',
        'wp_title',
        'author',
        'published_at',
        'summary',
        'section',
        'topics',
        'image',
        'paragraphs',
        'subheads',
        'teaser_keys',
        'teasers_by_slot',
        'related_titles',
        'duplicate_of',
        'categories',
        'tags',
        'modified_gmt',
        'template_blocks',
      ]);
    } finally {
      await site.close();
    }
  });
});

describe('fixture request hook and WordPress < 5.7 mode', () => {
  it('lets a hook edit the site before a request is answered, or hold the answer until its promise resolves', async () => {
    const site = await startFixtureSite({ posts: 20, seed: 'hook', permalinks: 'plain' });
    try {
      const id = site.site.plan.ids[0]!;
      site.onRestRequest(({ route }) => void (route === `/wp/v2/posts/${id}` && site.editPosts([id])));
      const edited = await (await fetch(`${site.url}/?rest_route=/wp/v2/posts/${id}&_fields=id,modified_gmt`)).json();
      expect(Date.parse(`${edited.modified_gmt}Z`)).toBe(Math.floor(site.site.modifiedMs(0) / 1000) * 1000);
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let arrived = false;
      site.onRestRequest(() => ((arrived = true), gate));
      let answered = false;
      const pending = fetch(`${site.url}/?rest_route=/wp/v2/posts&per_page=1`).then((r) => ((answered = true), r.status));
      while (!arrived) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      release();
      expect(await pending).toBe(200);
    } finally {
      await site.close();
    }
  });

  it('ignores modified_after like WordPress before 5.7, when asked to', async () => {
    const list = (url: string) =>
      fetch(`${url}/?rest_route=/wp/v2/posts&per_page=100&_fields=id&modified_after=2100-01-01T00:00:00Z`).then((r) => r.headers.get('x-wp-total'));
    const legacy = await startFixtureSite({ posts: 20, seed: 'legacy', permalinks: 'plain', ignoreModifiedAfter: true });
    const current = await startFixtureSite({ posts: 20, seed: 'legacy', permalinks: 'plain' });
    try {
      expect(await list(legacy.url)).toBe('20');
      expect(await list(current.url)).toBe('0');
    } finally {
      await legacy.close();
      await current.close();
    }
  });
});
