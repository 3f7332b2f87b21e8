import type { WpPost } from '../../src/wpPost.js';

/** A well-formed post around the given fields, shaped like the WordPress REST API's. */
export function wpPost(id: number, fields: Partial<Record<'title' | 'content' | 'excerpt', string>> & Record<string, unknown> = {}): WpPost {
  const { title = `Post ${id}`, content = `<p>Body of post ${id} with enough words to be an article.</p>`, excerpt = '', ...rest } = fields;
  return {
    id,
    date: '2026-01-01T10:00:00',
    date_gmt: '2026-01-01T10:00:00',
    modified: '2026-01-01T10:00:00',
    modified_gmt: '2026-01-01T10:00:00',
    slug: `post-${id}`,
    status: 'publish',
    type: 'post',
    link: `https://hostile.example/post-${id}/`,
    title: { rendered: title },
    content: { rendered: content },
    excerpt: { rendered: excerpt },
    author: 1,
    categories: [],
    tags: [],
    ...rest,
  };
}

const MB = 1024 * 1024;

/** `length` hex characters of a fixed pseudo-random sequence. */
function noise(length: number): string {
  let state = 0x2545f491;
  let out = '';
  while (out.length < length) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    out += state.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Hostile and malformed posts, by what makes each one hostile. */
export function hostilePosts(): Array<{ name: string; post: WpPost }> {
  let id = 9000;
  const next = () => ++id;
  return [
    { name: 'missing fields', post: { id: next() } },
    {
      name: 'wrong types',
      post: {
        id: next(),
        title: 42 as unknown as string,
        content: { rendered: ['<p>x</p>'] } as unknown as string,
        date_gmt: 12345 as unknown as string,
        categories: 'news' as unknown as number[],
        link: {} as unknown as string,
        author: 'me' as unknown as number,
      },
    },
    {
      name: 'null everywhere',
      post: {
        id: next(),
        title: null as unknown as string,
        content: null as unknown as string,
        excerpt: null as unknown as string,
        date_gmt: null,
        link: null as unknown as string,
      },
    },
    {
      name: 'invalid UTF-8 (lone surrogates, replacement chars)',
      post: wpPost(next(), { title: 'Bad \ud800 text \udfff \ufffd\ufffd', content: '<p>Lone \ud83d surrogate \ufffd in the body of a post with words.</p>' }),
    },
    { name: '10 MB content.rendered', post: wpPost(next(), { content: `<p>${'word '.repeat((10 * MB) / 5)}</p>` }) },
    {
      name: '10,000 nested elements',
      post: wpPost(next(), { content: `${'<div>'.repeat(10_000)}<p>deep text in a very deep document</p>${'</div>'.repeat(10_000)}` }),
    },
    { name: '1,000,000 tiny elements', post: wpPost(next(), { content: '<i>a</i>'.repeat(1_000_000) }) },
    { name: '100 KB title', post: wpPost(next(), { title: 'T'.repeat(100 * 1024) }) },
    {
      name: 'control characters (NUL, BEL, ESC)',
      post: wpPost(next(), {
        title: 'Title\u0000with\u0001control\u0007chars\u001b[31m',
        content: '<p>Body\u0000 with NUL\u0000 and\u0008 backspace and \u001b escape, enough words here.</p>',
      }),
    },
    // Incompressible, so Postgres cannot squeeze them under the btree entry limit (~2.7 KB) of the unique keys.
    { name: '10 KB link', post: wpPost(next(), { link: `https://hostile.example/${noise(10 * 1024)}/` }) },
    {
      name: '10 KB source URL and teaser URL',
      post: wpPost(next(), {
        content: `[analyse_source url="https://news.example/${noise(10 * 1024)}"]<h1>Headline</h1><div class="c-article-content"><p>Body words of a scraped article, enough of them.</p></div><ul class="latest-stories"><li data-nid="1"><a href="https://news.example/${noise(10 * 1024)}">A teaser title</a></li></ul>`,
      }),
    },
    {
      name: 'SQL-looking title and body',
      post: wpPost(next(), {
        title: "Robert'); DROP TABLE articles;-- ' OR 1=1 --",
        content: "<p>SELECT * FROM users WHERE name = '' OR '1'='1'; DELETE FROM raw_posts; -- and $1 $$ quoted $$</p>",
      }),
    },
  ];
}

/** Known XSS payloads; none may survive into body_html. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="  javascript:alert(1)">spaces</a>',
  '<a href="java&#x09;script:alert(1)">tab entity</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<p onclick="alert(1)" onmouseover="alert(1)">handlers</p>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '"><script>alert(1)</script>',
  '<a href="https://ok.example/" onfocus="alert(1)" autofocus>ok</a>',
];

/**
 * What must never appear in body_html, as markup: text is escaped there (`<` is `&lt;`), so every `<` opens
 * a real tag, and words like "javascript:" in a sentence are harmless.
 */
export const FORBIDDEN_IN_BODY =
  /<\/?(?:script|iframe|frame|svg|math|object|embed|style|form|meta|base|link|template|noscript)\b|<[^>]*\s(?:on[a-z]+|srcdoc|style|xlink:href|formaction)\s*=|<[^>]*=\s*"\s*(?:javascript|vbscript|data):/i;
