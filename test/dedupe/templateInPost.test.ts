import { describe, expect, it } from 'vitest';
import { applyTemplateBlocks } from '../../src/dedupe/applyTemplateBlocks.js';
import { removeSourceTemplates } from '../../src/dedupe/removeSourceTemplates.js';
import { extractArticle } from '../../src/extract/index.js';
import { fingerprintText } from '../../src/fingerprintText.js';
import { EMPTY_TERM_NAMES } from '../../src/wpPost.js';
import { makeArticle } from './makeArticle.js';

/** Music credits a podcast blog writes at the end of many of its posts: the author's text, in every post. */
const CREDITS = 'Title theme: Perfect Morning by a band on a free licence, used with thanks.';
/** A line the theme prints below every post, outside its body element. */
const THEME_LINE = 'Enjoyed this episode? Tell a friend about the show and rate us wherever you listen.';

function themePage(id: number): { id: number; link: string; title: { rendered: string }; content: { rendered: string } } {
  const post = `<p>Episode ${id} is about the week the bakery on our street ran out of flour, and what the neighbours did next.</p><p>${CREDITS}</p>`;
  const page = `<div id="page"><div id="primary" class="content-area"><main id="main"><article id="post-${id}" class="post-${id} post type-post status-publish hentry">
<h1 class="entry-title">Episode ${id}</h1><div class="entry-content">${post}</div></article><div class="after-post"><p>${THEME_LINE}</p></div></main></div></div>`;
  const content = `${page}<p>[analyse_source url=&#8221;https://podcast.example/episode-${id}/&#8221;]</p>`;
  return { id, link: `https://agg.example/?p=${id}`, title: { rendered: `Episode ${id} | The Show` }, content: { rendered: content } };
}

describe('cross-post template removal never removes the post itself', () => {
  it('leaves a block marked as the post (inPost) even when its fingerprint is a template', () => {
    const article = makeArticle({ paragraphs: ['A story paragraph long enough to be a story.', CREDITS] });
    const marked = { ...article, blocks: article.blocks.map((block) => ({ ...block, inPost: true as const })) };
    expect(applyTemplateBlocks(marked, new Set([fingerprintText(CREDITS)])).body_text).toContain(CREDITS);
    expect(applyTemplateBlocks(article, new Set([fingerprintText(CREDITS)])).body_text).not.toContain(CREDITS);
  });

  it('keeps a line repeated inside every post body of a source, and removes the theme line repeated after it', () => {
    const extracted = Array.from({ length: 8 }, (_, i) => extractArticle(themePage(i + 1), { site: 'https://agg.example', terms: EMPTY_TERM_NAMES }));
    const { articles } = removeSourceTemplates(extracted);
    for (const article of articles) {
      expect(article.body_text).toContain(CREDITS);
      expect(article.body_text).not.toContain(THEME_LINE);
    }
  });
});
