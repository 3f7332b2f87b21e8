import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../src/fixtureSite/index.js';
import type { FixtureSite } from '../../src/fixtureSite/index.js';

const SEED = 'fixture-test';

function firstOfKind(site: FixtureSite, kind: string): number {
  for (let i = 0; i < site.count; i++) if (site.plan.kinds[i] !== undefined && site.post(i).kind === kind) return i;
  throw new Error(`no ${kind} post`);
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('generateSite', () => {
  it('is deterministic: same seed, posts and now give identical content and truth', () => {
    const a = generateSite({ posts: 300, seed: SEED });
    const b = generateSite({ posts: 300, seed: SEED });
    for (const i of [0, 1, 57, 299]) {
      expect(Buffer.concat(b.post(i).contentJson).equals(Buffer.concat(a.post(i).contentJson))).toBe(true);
      expect(JSON.stringify(b.truth(i))).toBe(JSON.stringify(a.truth(i)));
    }
    const c = generateSite({ posts: 300, seed: 'other' });
    expect(c.post(1).content).not.toBe(a.post(1).content);
  });

  it('mixes the kinds in the documented shares, with ids increasing with date except duplicates', () => {
    const site = generateSite({ posts: 2000, seed: SEED });
    const counts: Record<string, number> = {};
    for (let i = 0; i < site.count; i++) {
      const kind = ['scraped', 'duplicate', 'ordinary', 'unknown-template'][site.plan.kinds[i]!]!;
      counts[kind] = (counts[kind] ?? 0) + 1;
      if (i > 0) expect(site.plan.ids[i]!).toBeGreaterThan(site.plan.ids[i - 1]!);
      if (i > 0 && site.plan.kinds[i] !== 1 && site.plan.kinds[i - 1] !== 1) {
        expect(site.plan.dateMs[i]!).toBeGreaterThan(site.plan.dateMs[i - 1]!);
      }
    }
    expect(counts).toEqual({ scraped: 1760, duplicate: 100, ordinary: 40, 'unknown-template': 100 });
    const span = site.plan.dateMs[site.count - 1]! - site.plan.dateMs[0]!;
    expect(span / 86_400_000).toBeGreaterThan(89);
  });

  it('builds a scraped post with the seed page structure', () => {
    const site = generateSite({ posts: 200, seed: SEED });
    const i = firstOfKind(site, 'scraped');
    const post = site.post(i);
    const truth = site.truth(i);
    const html = post.content;
    expect(html.length).toBeGreaterThan(25_000);
    expect(html).toMatch(
      /^<p>\[analyse_image type=&#8221;featured&#8221; src=&#8221;https:\/\/images\.euronews\.com\/.+1200x675_cmsv2_.+\.jpg&#8221;\]<\/p>\n/,
    );
    expect(html).toMatch(/<p>\[analyse_source url=&#8221;http:\/\/www\.euronews\.com\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+&#8221;\]<\/p>\n$/);
    const $ = cheerio.load(html);
    expect($('article[id$="-c-latest-stories"]')).toHaveLength(4);
    expect($('article[id$="-c-latest-stories-sidebar"]')).toHaveLength(4);
    expect($('article.o-article-newsy')).toHaveLength(1);
    expect($('#adb-article-top-stories article[id$="-top-stories"]')).toHaveLength(5);
    expect($('article[id$="-top-stories"]')).toHaveLength(10);
    expect($('article[id$="-mostViewed"]')).toHaveLength(10);
    expect($('.c-article-you-might-also-like__item')).toHaveLength(3);
    expect($('div.articleBody[data-key="articleBody"]')).toHaveLength(1);
    expect(normalise($('h1.c-article-redesign-title').text())).toBe(truth.title);
    expect(normalise($('.c-article-contributors').text())).toBe(`By&nbsp${truth.author}`);
    expect(Number($('.c-article-publication-date').attr('data-timestamp')) * 1000).toBe(Date.parse(truth.published_at));
    expect(
      $('.c-article-content > p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(truth.paragraphs);
    expect(
      $('.c-article-content > h2 > strong')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(truth.subheads);
    expect(
      $('.c-article-breadcrumbs__list p')
        .map((_, p) => normalise($(p).text()))
        .get(),
    ).toEqual(truth.section);
    expect(
      $('.c-tags-list__item')
        .map((_, t) => normalise($(t).text()))
        .get(),
    ).toEqual(truth.topics);
    expect($('.c-article-caption__credit').text()).toBe(truth.image?.credit);
    expect(
      $('.c-widget-related__item')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(truth.related_titles);
    expect($('div.articleBody').text()).toBe(
      [...truth.paragraphs, ...truth.subheads].length > 0
        ? $('.c-article-content')
            .children('p, h2')
            .map((_, e) => $(e).text())
            .get()
            .join('')
        : '',
    );
    expect(truth.teaser_keys).toEqual([...new Set(truth.teaser_keys)]);
    const nids = new Set(
      $('article[data-nid]')
        .map((_, a) => `nid:${$(a).attr('data-nid')}`)
        .get(),
    );
    expect([...nids].sort()).toEqual(truth.teaser_keys.filter((k) => k.startsWith('nid:')).sort());
  });

  it('writes typographic quotes as a mix of literal characters and wptexturize entities', () => {
    const site = generateSite({ posts: 400, seed: SEED });
    let entities = 0;
    let literals = 0;
    for (let i = 0; i < 60; i++) {
      const html = site.post(i).content;
      entities += (html.match(/&#82(17|20|21);/g) ?? []).length;
      literals += (html.match(/[\u2019\u201c\u201d]/g) ?? []).length;
    }
    expect(entities).toBeGreaterThan(50);
    expect(literals).toBeGreaterThan(50);
  });

  it('rotates latest stories slowly and uses the whole teaser pool for N >= 500', () => {
    const site = generateSite({ posts: 600, seed: SEED });
    const used = new Set<string>();
    let sharedPairs = 0;
    let pairs = 0;
    let previous: string[] | null = null;
    for (let i = 0; i < site.count; i++) {
      const t = site.truth(i);
      for (const k of t.teaser_keys) used.add(k);
      if (t.kind === 'scraped' || t.kind === 'duplicate') {
        if (previous) {
          pairs++;
          if (t.teasers_by_slot.latest.filter((k) => previous!.includes(k)).length >= 3) sharedPairs++;
        }
        previous = t.teasers_by_slot.latest;
      }
    }
    const pool = site.teaserPool();
    expect(pool).toHaveLength(60);
    for (const teaser of pool) expect(used.has(teaser.key)).toBe(true);
    expect(sharedPairs / pairs).toBeGreaterThan(0.95);
  });

  it('makes duplicates re-crawls of an earlier scraped post', () => {
    const site = generateSite({ posts: 500, seed: SEED });
    const i = firstOfKind(site, 'duplicate');
    const dup = site.truth(i);
    const original = site.truth(site.indexOfId(dup.duplicate_of!));
    expect(original.kind).toBe('scraped');
    expect(dup.id).toBeGreaterThan(original.id);
    expect(dup.source_url).toBe(original.source_url);
    expect(dup.published_at).toBe(original.published_at);
    expect(site.post(i).dateMs).toBe(site.post(site.indexOfId(original.id)).dateMs);
    expect(dup.paragraphs).not.toEqual(original.paragraphs);
    const ts = (html: string): string | undefined => /data-timestamp="(\d+)"/.exec(html)?.[1];
    expect(ts(site.post(i).content)).toBe(ts(site.post(site.indexOfId(original.id)).content));
  });

  it('makes ordinary Gutenberg posts and unknown-template pages without euronews classes', () => {
    const site = generateSite({ posts: 300, seed: SEED });
    const ordinary = site.post(firstOfKind(site, 'ordinary'));
    expect(ordinary.content).toContain('<h2 class="wp-block-heading">');
    expect(ordinary.content).toContain('<blockquote class="wp-block-quote">');
    expect(ordinary.content).toContain('class="wp-caption aligncenter"');
    expect(ordinary.truth.categories).toEqual(['Site news']);
    expect(ordinary.truth.source_url).toBe(site.link(ordinary.index));
    const a = site.post(firstOfKind(site, 'unknown-template'));
    expect(a.content).not.toMatch(/c-article-|the-media-object|o-article-newsy/);
    expect(a.truth.source_url).toMatch(/^https:\/\/www\.example-news\.test\//);
    // menu, most popular, newsletter, footer, and two boilerplate paragraphs inside the story body
    expect(a.truth.template_blocks).toHaveLength(6);
    const $ = cheerio.load(a.content);
    const inBody = new Set(a.truth.template_blocks.slice(4));
    const bodyParagraphs = $('.eh-story__body p')
      .map((_, p) => $(p).text())
      .get();
    expect(bodyParagraphs.filter((text) => !inBody.has(text))).toEqual(a.truth.paragraphs);
    expect(bodyParagraphs.filter((text) => inBody.has(text))).toHaveLength(2);
    expect(normalise($('footer').text())).toBe(a.truth.template_blocks[3]);
  });
});
