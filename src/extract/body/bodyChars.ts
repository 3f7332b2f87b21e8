import type { BodyBlock } from '../../article.js';
import { charWeight } from './weightedLength.js';

/** Non-space characters of the body's text, weighted as the node stats weigh them (see `charWeight`). */
export function bodyChars(blocks: readonly BodyBlock[]): number {
  let count = 0;
  for (const block of blocks) {
    const text = block.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x2e80) count += charWeight(code);
      else if (code > 32 && code !== 160) count++;
    }
  }
  return count;
}
