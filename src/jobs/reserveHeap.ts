import { getHeapStatistics } from 'node:v8';

/**
 * Share of this process's heap limit that post work (parsing and storing a listing's posts, extracting and loading
 * them) may take at once, over all its jobs. The rest is the process's own (some 30 MB), the posts of pages held
 * for processing in memory, and the garbage V8 has not collected yet.
 */
const POST_WORK_SHARE = 0.3;

/** Bytes of heap post work may take at once: 0.3 of the limit V8 reports (old space and young generation), some 62 MB at `--max-old-space-size=160`. */
export const POST_WORK_HEAP_BYTES = Math.round(POST_WORK_SHARE * getHeapStatistics().heap_size_limit);

interface Waiter {
  bytes: number;
  grant: () => void;
}

let inUse = 0;
const waiting: Waiter[] = [];

/**
 * Waits until `bytes` of heap (the caller's estimate of what its piece of post work will hold) fit in this process's
 * share for post work, then takes them; resolves with the function that gives them back. Served in order, so a
 * large piece is not starved by small ones; one larger than the whole share runs alone. The jobs' concurrency
 * times the pieces of large pages would otherwise exceed the heap, whatever the page size cap.
 */
export async function reserveHeap(bytes: number): Promise<() => void> {
  const amount = Math.max(0, bytes);
  if (waiting.length === 0 && fits(amount)) inUse += amount;
  else await new Promise<void>((grant) => waiting.push({ bytes: amount, grant }));
  let given = false;
  return () => {
    if (given) return;
    given = true;
    inUse -= amount;
    serveWaiting();
  };
}

function fits(bytes: number): boolean {
  return inUse === 0 || inUse + bytes <= POST_WORK_HEAP_BYTES;
}

function serveWaiting(): void {
  while (waiting.length > 0 && fits(waiting[0]!.bytes)) {
    const next = waiting.shift()!;
    inUse += next.bytes;
    next.grant();
  }
}
