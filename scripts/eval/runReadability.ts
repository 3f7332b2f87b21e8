import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { renderedField, type WpPost } from '../../src/wpPost.js';

/** Baseline: Mozilla Readability on the same wrapped post (title in <title>, content as the body). */
export function runReadability(post: WpPost, url: string): { title: string; text: string } {
  const html = `<!doctype html><html><head><title>${renderedField(post.title)}</title></head><body>${renderedField(post.content)}</body></html>`;
  try {
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    const result = { title: article?.title ?? '', text: article?.textContent ?? '' };
    dom.window.close();
    return result;
  } catch {
    return { title: '', text: '' };
  }
}

/** Text of an HTML fragment (expected.html), block boundaries as spaces. */
export function htmlText(html: string): string {
  const spaced = html.replace(/<(?:\/(?:p|div|h[1-6]|li|td|th|tr|blockquote|pre|section|article|figcaption|dd|dt)|br\s*\/?)>/gi, ' $&');
  const dom = new JSDOM(`<body>${spaced}</body>`, { virtualConsole: new VirtualConsole() });
  const text = dom.window.document.body.textContent ?? '';
  dom.window.close();
  return text;
}
