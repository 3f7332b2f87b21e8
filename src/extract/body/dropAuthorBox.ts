import { blocksRemoved } from './blocksRemoved.js';
import { cleanAuthors } from '../metadata/cleanAuthors.js';
import type { BodyChoice } from './extractBody.js';
import { HEADING_TAG, MAX_AUTHOR_BOX_BLOCKS, MAX_AUTHOR_BOX_SHARE } from './rules.js';

/**
 * An author box the theme prints after the post with no class naming it (a profile card: the author's name as a
 * heading, a short bio under it). Its heading names the post's author, alone or after "By"; it comes after at
 * least half of the text, and it and the few lines under it (up to the next heading) are a small part of it. Blocks
 * of the post's own content (`inPost`) always stay: a post may head a section with a person's name.
 */
export function dropAuthorBox(body: BodyChoice, authors: readonly string[]): BodyChoice {
  if (authors.length === 0 || body.blocks.length < 2) return body;
  const names = new Set(authors.map((name) => name.toLowerCase()));
  const chars = body.blocks.map((block) => block.text.length);
  const total = chars.reduce((sum, n) => sum + n, 0);
  let before = 0;
  for (let start = 0; start < body.blocks.length; before += chars[start]!, start++) {
    const heading = body.blocks[start]!;
    if (before * 2 < total || heading.inPost || !HEADING_TAG.test(heading.tag)) continue;
    if (!cleanAuthors([heading.text]).some((name) => names.has(name.toLowerCase()))) continue;
    let end = start + 1;
    while (end < body.blocks.length && !HEADING_TAG.test(body.blocks[end]!.tag) && !body.blocks[end]!.inPost) end++;
    const box = body.blocks.slice(start, end);
    if (box.length - 1 > MAX_AUTHOR_BOX_BLOCKS || chars.slice(start, end).reduce((sum, n) => sum + n, 0) > total * MAX_AUTHOR_BOX_SHARE) return body;
    return { ...body, blocks: body.blocks.filter((block) => !box.includes(block)), removed: [...body.removed, ...blocksRemoved(box, 'byline')] };
  }
  return body;
}
