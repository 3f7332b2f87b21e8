import { expect, it } from 'vitest';
import { POST_WORK_HEAP_BYTES, reserveHeap } from '../../src/jobs/reserveHeap.js';

const MB = 1024 * 1024;

it('lets pieces of post work run together up to the heap share, one larger than the share alone, in the order they asked', async () => {
  const order: string[] = [];
  const take = async (name: string, bytes: number) => {
    const giveBack = await reserveHeap(bytes);
    order.push(name);
    return giveBack;
  };
  const a = await take('a', POST_WORK_HEAP_BYTES / 2);
  const b = await take('b', POST_WORK_HEAP_BYTES / 2);
  // Full: the next ones wait, the huge one first (it asked first), the small one behind it.
  const huge = take('huge', POST_WORK_HEAP_BYTES + MB);
  const small = take('small', MB);
  await new Promise((resolve) => setImmediate(resolve));
  expect(order).toEqual(['a', 'b']);
  a();
  await new Promise((resolve) => setImmediate(resolve));
  expect(order).toEqual(['a', 'b']);
  b();
  const giveBackHuge = await huge;
  expect(order).toEqual(['a', 'b', 'huge']);
  giveBackHuge();
  giveBackHuge();
  (await small)();
  expect(order).toEqual(['a', 'b', 'huge', 'small']);
  // Everything given back (twice changes nothing): the whole share is free again.
  const all = await take('all', POST_WORK_HEAP_BYTES);
  all();
});
