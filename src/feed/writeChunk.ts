import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes a chunk and waits for the stream to drain when its buffer is full: output never piles up in memory. */
export async function writeChunk(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.write(chunk)) return;
  await Promise.race([once(out, 'drain'), once(out, 'error').then(([error]) => Promise.reject(error as Error))]);
}
