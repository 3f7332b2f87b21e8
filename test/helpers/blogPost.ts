import type { WpPost } from '../../src/wpPost.js';

/** An ordinary post of https://blog.example.org as the REST API serves it: `Post <id>`, its content as given. */
export function blogPost(id: number, content: WpPost['content'], extra: Partial<WpPost> = {}): WpPost {
  return {
    id,
    date_gmt: '2024-03-01T10:00:00',
    modified_gmt: '2024-03-01T10:00:00',
    link: `https://blog.example.org/?p=${id}`,
    slug: `post-${id}`,
    type: 'post',
    title: { rendered: `Post ${id}` },
    content,
    excerpt: { rendered: '' },
    ...extra,
  };
}
