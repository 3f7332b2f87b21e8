import { createRng } from './createRng.js';
import { createTextGenerator } from './createTextGenerator.js';
import type { TextContext } from './createTextGenerator.js';
import { styled } from './generateScrapedArticle.js';
import type { ScrapedArticle, StyledText } from './generateScrapedArticle.js';

/** Share of duplicates whose headline also changes. */
const HEADLINE_CHANGE_SHARE = 0.25;
const HEADLINE_SUFFIXES = [', officials say', ' as talks continue', ': what we know so far', ' after late-night talks'];

/** What a re-crawl changed compared with its original. */
export type DuplicateEdit = 'append-sentence' | 'rewrite-paragraph' | 'append-paragraph';

/** Applies a deterministic re-crawl edit to a copy of `original` (the duplicate at post index `index`). */
export function applyDuplicateEdit(original: ScrapedArticle, seed: string | number, index: number): ScrapedArticle {
  const rng = createRng(seed, 'duplicate-edit', index);
  const text = createTextGenerator(rng);
  const ctx = original.context;
  const paragraphs = original.paragraphs.slice();
  const edit = rng.pick<DuplicateEdit>(['append-sentence', 'rewrite-paragraph', 'append-paragraph']);
  if (edit === 'append-sentence') {
    const last = paragraphs.length - 1;
    const p = paragraphs[last]!;
    paragraphs[last] = { text: `${p.text} ${text.sentence(ctx)}`, style: p.style };
  } else if (edit === 'rewrite-paragraph') {
    const k = rng.int(1, paragraphs.length - 1);
    paragraphs[k] = styled(rng, text.paragraph(ctx));
  } else {
    paragraphs.push(styled(rng, text.paragraph(ctx)));
  }
  let headline = original.headline;
  if (rng.chance(HEADLINE_CHANGE_SHARE)) {
    headline = rng.chance(0.5) ? text.headline(ctx) : `${headline}${rng.pick(HEADLINE_SUFFIXES)}`;
  }
  return { ...original, headline, paragraphs };
}

/** Body after `editPosts` edit number `version` (1, 2, ...): an "Update" paragraph is appended. */
export function applyFixtureEdit(paragraphs: readonly StyledText[], ctx: TextContext, seed: string | number, index: number, version: number): StyledText[] {
  const out = paragraphs.slice();
  for (let v = 1; v <= version; v++) {
    const rng = createRng(seed, 'fixture-edit', index, v);
    const sentence = createTextGenerator(rng).sentence(ctx);
    out.push({ text: `Update ${v}: ${sentence}`, style: 'literal' });
  }
  return out;
}
