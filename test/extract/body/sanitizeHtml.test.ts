import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { extractArticle, sanitizeHtml } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/** Known XSS vectors; none may survive into body_html in any executable form. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="java\tscript:alert(1)">click</a>',
  '<a href=" &#106;avascript:alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<svg onload=alert(1)><circle r="10"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="https://evil.example/x.swf"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<form action="https://evil.example/"><input name=q><button>go</button></form>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<p style="background:url(javascript:alert(1))" onclick="alert(1)" onmouseover="alert(1)">styled</p>',
  '<details open ontoggle=alert(1)>x</details>',
  '<body onload=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="https://ok.example/" target="_blank" onfocus="alert(1)" autofocus>ok link</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><img src=x onerror=alert(1)></template>',
  '<p>text &lt;script&gt;alert(1)&lt;/script&gt; stays text</p>',
];

/** Parses sanitized HTML and lists anything executable in it. */
function executableParts(html: string): string[] {
  const $ = load(html, null, false);
  const found: string[] = [];
  $('*').each((_, node) => {
    const element = node as Element;
    if (['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'base', 'meta', 'template', 'noscript'].includes(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.attribs) as Array<[string, string]>) {
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') found.push(`${element.tagName}[${name}]`);
      if ((name === 'href' || name === 'src') && !/^(?:https?:|mailto:)/i.test(value)) found.push(`${element.tagName}[${name}=${value}]`);
    }
  });
  return found;
}

function postWith(content: string): WpPost {
  return { id: 1, link: 'https://blog.example.org/p/1/', title: { rendered: 'XSS' }, content: { rendered: content } };
}

describe('sanitized body_html', () => {
  it.each(PAYLOADS)('neutralises %s', (payload) => {
    const html = sanitizeHtml(load(`<div>${payload}</div>`, null, false).root()[0] as never, 'https://blog.example.org/');
    expect(executableParts(html)).toEqual([]);
    const article = extractArticle(postWith(`<p>A paragraph of article text that is long enough to count.</p>${payload}<p>More text.</p>`), { site: 'x', terms: EMPTY_TERM_NAMES });
    expect(executableParts(article.body_html)).toEqual([]);
    expect(article.body_html).not.toMatch(/<script|javascript:|onerror|onload|srcdoc/i);
  });

  it('keeps safe links and images, made absolute against the source URL', () => {
    const html = sanitizeHtml(load('<p><a href="../a?b=1&amp;c=2" class="x">link</a> <img src="/i.png" alt="pic" data-x="1"></p>', null, false).root()[0] as never, 'https://site.example/news/post/');
    expect(html).toBe('<p><a href="https://site.example/news/a?b=1&amp;c=2">link</a> <img src="https://site.example/i.png" alt="pic"></p>');
  });

  it('keeps escaped markup as text', () => {
    const html = sanitizeHtml(load('<p>a &lt;b&gt; &amp; c</p>', null, false).root()[0] as never, null);
    expect(html).toBe('<p>a &lt;b&gt; &amp; c</p>');
  });
});
