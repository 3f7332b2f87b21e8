import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { FixtureSite } from './generateSite.js';

/** Writes the ground truth of every non-deleted post as JSON lines, in id order; resolves to the line count. */
export async function writeTruth(site: FixtureSite, file: string): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let lines = 0;
  for (let i = 0; i < site.count; i++) {
    if (site.isDeleted(i)) continue;
    if (!out.write(`${JSON.stringify(site.truth(i))}\n`)) await once(out, 'drain');
    lines++;
  }
  out.end();
  await once(out, 'finish');
  return lines;
}
