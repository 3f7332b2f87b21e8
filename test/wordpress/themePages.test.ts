import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { decodeHtmlText, parseHtml, textOf } from '../../src/html/index.js';
import { EMPTY_TERM_NAMES, renderedField, type WpPost } from '../../src/wpPost.js';
import { wrapPageAsPost } from '../../scripts/eval/wrapPageAsPost.js';
import {
  DEFAULT_THEMES,
  installedThemes,
  REALWP_URL,
  readTruth,
  realWordpressAvailable,
  startRealWordpress,
  switchTheme,
  type RealTruth,
} from './realWordpress.js';

/**
 * The product's own input, made by real WordPress themes nobody here wrote: each post's whole theme page (header,
 * navigation, post meta, comment form, footer) wrapped as an aggregator post, as a crawler copies pages into posts.
 * Extraction must give back the post as WordPress itself renders it (`content.rendered`): every paragraph, nothing
 * of the theme, and the post's title, not the site's.
 */
const SCRAPED_POSTS = 6;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const comparable = (text: string) => normalise(text).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();

async function get(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

interface Case {
  truth: RealTruth;
  /** The text of the post's `content.rendered`, as the REST API serves it. */
  contentText: string;
}

describe.runIf(realWordpressAvailable())("real WordPress themes' pages, wrapped as aggregator posts", () => {
  let cases: Case[];
  let themes: string[];
  let themeBefore: string | undefined;

  beforeAll(async () => {
    startRealWordpress();
    themes = installedThemes();
    const truth = readTruth();
    const picked = [...truth.filter((t) => t.kind === 'ordinary'), ...truth.filter((t) => t.kind === 'scraped').slice(0, SCRAPED_POSTS)];
    cases = await Promise.all(
      picked.map(async (t) => {
        const post = JSON.parse(await get(`${REALWP_URL}/?rest_route=/wp/v2/posts/${t.id}`)) as WpPost;
        return { truth: t, contentText: normalise(textOf(parseHtml(renderedField(post.content)).root)) };
      }),
    );
  });
  afterAll(() => {
    if (themeBefore) switchTheme(themeBefore);
  });

  it('has WordPress default themes to render with (start.sh installs twentytwentythree)', () => {
    expect(themes).toContain('twentytwentythree');
    const missing = DEFAULT_THEMES.filter((theme) => !themes.includes(theme));
    if (missing.length > 0)
      console.warn(`themes not installed, not tried: ${missing.join(', ')} (apt-get install ${missing.map((t) => `wordpress-theme-${t}`).join(' ')})`);
  });

  for (const theme of DEFAULT_THEMES)
    it(`${theme}: every post comes back whole, with its own title and nothing of the theme`, async (context) => {
      if (!themes.includes(theme)) return context.skip();
      const before = switchTheme(theme);
      themeBefore ??= before;
      for (const { truth, contentText } of cases) {
        const url = `${REALWP_URL}/?p=${truth.id}`;
        const page = await get(url);
        const article = extractArticle(wrapPageAsPost(page, url, truth.id), { site: REALWP_URL, terms: EMPTY_TERM_NAMES });
        const where = `${theme} post ${truth.id}`;
        const body = normalise(article.body_text);
        for (const paragraph of truth.paragraphs_text) expect(body, `${where}: a paragraph is missing`).toContain(normalise(paragraph));
        const themeBlocks = article.blocks.filter((block) => !contentText.includes(normalise(block.text)));
        expect(
          themeBlocks.map((block) => block.text),
          `${where}: blocks that are not in the post`,
        ).toEqual([]);
        expect(comparable(article.title), `${where}: title`).toBe(comparable(decodeHtmlText(truth.title)));
      }
    });
});
