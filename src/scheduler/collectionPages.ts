/**
 * A backfill of several collections (posts, pages, custom types) is one run: collection i's listing pages are
 * numbered from i * PAGE_BLOCK + 1, so posts keep pages 1..N, every page number says which collection it
 * reads, and any collection's plan can grow without renumbering the others.
 */
export const PAGE_BLOCK = 1_000_000;

/** The run page number of a collection's listing page. */
export function runPageNumber(collectionIndex: number, page: number): number {
  return collectionIndex * PAGE_BLOCK + page;
}

/** Which collection and which of its listing pages a run page reads; runs planned before collections read posts. */
export function collectionPage(collections: readonly string[] | undefined, runPage: number): { collection: string; index: number; page: number } {
  const index = Math.floor(runPage / PAGE_BLOCK);
  return { collection: collections?.[index] ?? 'posts', index, page: runPage - index * PAGE_BLOCK };
}
