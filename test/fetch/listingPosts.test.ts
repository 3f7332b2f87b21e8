import { expect, it } from 'vitest';
import { listingPosts, MAX_POST_BYTES, type ListingPosts } from '../../src/fetch/listingPosts.js';
import { splitJsonArray } from '../../src/fetch/splitJsonArray.js';

/** Every item of a listing, in order. */
function all(posts: ListingPosts) {
  return Array.from({ length: posts.count }, (_, index) => posts.item(index));
}

/** A listing body as WordPress sends it: each post's id first. */
function listing(posts: object[]): Buffer {
  return Buffer.from(JSON.stringify(posts));
}

it('rejects a post larger than the post cap alone, with its id, before parsing it; its neighbours pass', () => {
  const huge = { id: 42, link: 'https://example.test/huge/', content: { rendered: `<p>${'x'.repeat(MAX_POST_BYTES)}</p>` } };
  const items = all(listingPosts(splitJsonArray(listing([{ id: 41, link: 'https://example.test/a/' }, huge, { id: 43, link: 'https://example.test/b/' }]))));
  expect(items.map((item) => item.post?.id ?? item.rejected)).toEqual([41, { index: 1, reason: 'too-large', wpId: 42 }, 43]);
});

it('parses each post only when it is reached: a page is never held parsed whole', () => {
  const split = splitJsonArray(listing([{ id: 1 }, { id: 2 }, { id: 3 }]));
  let parsed = 0;
  const counting = { ...split, parse: (index: number) => (parsed++, split.parse(index)) };
  const posts = listingPosts(counting);
  expect(posts.count).toBe(3);
  expect(parsed).toBe(0);
  expect(posts.item(0)).toMatchObject({ post: { id: 1 } });
  expect(parsed).toBe(1);
  expect(all(posts)).toHaveLength(3);
});

it('rejects what cannot be a post alone, whatever its place', () => {
  const items = all(listingPosts(splitJsonArray(Buffer.from('[{"id":1},"text",{"id":-2},{"id":3,"link":"' + 'l'.repeat(3000) + '"},{"id":4}]'))));
  expect(items.map((item) => item.post?.id ?? item.rejected?.reason)).toEqual([1, 'not-an-object', 'bad-id', 'link-too-long', 4]);
});
