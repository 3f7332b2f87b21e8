import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { renderedField, type WpPost } from '../../src/wpPost.js';

/**
 * Readability's output depends only on its input, and it is the slow half of an eval run (jsdom), so each
 * result is kept under node_modules/.cache (keyed by the input and the package version) and read back next time.
 */
const CACHE_DIR = new URL('../../node_modules/.cache/wpingest-eval-readability/', import.meta.url).pathname;
const READABILITY_VERSION = (
  JSON.parse(readFileSync(new URL('../../node_modules/@mozilla/readability/package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Baseline: Mozilla Readability on the same wrapped post (title in <title>, content as the body). */
export function runReadability(post: WpPost, url: string): { title: string; text: string } {
  const html = `<!doctype html><html><head><title>${renderedField(post.title)}</title></head><body>${renderedField(post.content)}</body></html>`;
  const file = join(CACHE_DIR, `${createHash('sha1').update(`${READABILITY_VERSION}\n${url}\n${html}`).digest('hex')}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { title: string; text: string };
  const result = parseWithReadability(html, url);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(result));
  return result;
}

function parseWithReadability(html: string, url: string): { title: string; text: string } {
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
