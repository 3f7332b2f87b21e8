/** Which WP post a merge decision refers to. */
export interface PostRef {
  site: string;
  id: number;
}

/** Why two posts were found to be the same article. */
export type MergeReason = 'same-source-url' | 'near-duplicate';

/** One post folded into another: `kept` is always an article in the output, `dropped` is a version of it. */
export interface MergedArticle {
  kept: PostRef;
  dropped: PostRef;
  reason: MergeReason;
}
