/**
 * Bytes of posts (their JSON) this process parses and stores, or extracts and loads, at once, over all its jobs.
 * Storing holds a post about three times (its text, its parsed form, its serialisation); extraction holds its
 * HTML tree, its blocks and the article made of them, 5-20 times the post's JSON (more for pages of many short
 * blocks). The jobs' concurrency times such pieces of large pages would exceed the documented 160 MB worker heap;
 * the budget keeps their sum bounded whatever the concurrency and the page sizes, and ordinary pages (1-4 MB)
 * never wait for it.
 */
export const POST_BYTES_BUDGET = 8 * 1024 * 1024;

interface Waiter {
  bytes: number;
  grant: () => void;
}

let inUse = 0;
const waiting: Waiter[] = [];

/**
 * Waits until `bytes` fit in the budget, then takes them; resolves with the function that gives them back.
 * Served in order, so a large request is not starved by small ones; one larger than the whole budget runs alone.
 */
export async function takePostBytes(bytes: number): Promise<() => void> {
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
  return inUse === 0 || inUse + bytes <= POST_BYTES_BUDGET;
}

function serveWaiting(): void {
  while (waiting.length > 0 && fits(waiting[0]!.bytes)) {
    const next = waiting.shift()!;
    inUse += next.bytes;
    next.grant();
  }
}
