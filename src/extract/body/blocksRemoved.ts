import type { BodyBlock, RemovedBlock } from '../../article.js';
import type { DropReason } from '../dropReasons.js';

/** Body blocks taken out after they were collected, as `removed` entries with one reason. */
export function blocksRemoved(blocks: readonly BodyBlock[], reason: DropReason): RemovedBlock[] {
  return blocks.map((block) => ({ fingerprint: block.fingerprint, text: block.text, reason, bytes: Buffer.byteLength(block.html) }));
}
