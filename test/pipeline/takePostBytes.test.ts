import { expect, it } from 'vitest';
import { POST_BYTES_BUDGET, takePostBytes } from '../../workers/takePostBytes.js';

const MB = 1024 * 1024;

it('lets pieces run together up to the budget, one larger than the budget alone, in the order they asked', async () => {
  const order: string[] = [];
  const take = async (name: string, bytes: number) => {
    const giveBack = await takePostBytes(bytes);
    order.push(name);
    return giveBack;
  };
  const a = await take('a', POST_BYTES_BUDGET / 2);
  const b = await take('b', POST_BYTES_BUDGET / 2);
  // Full: the next ones wait, the huge one first (it asked first), the small one behind it.
  const huge = take('huge', POST_BYTES_BUDGET + MB);
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
  // Everything given back (twice changes nothing): the whole budget is free again.
  const all = await take('all', POST_BYTES_BUDGET);
  all();
});
