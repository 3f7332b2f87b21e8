import type { AnyNode, Element } from 'domhandler';
import { absoluteUrl } from './absoluteUrl.js';
import { attr, collapseWhitespace, isElement } from '../../html/index.js';

/** Elements kept in body_html, with the attributes each may keep. Everything else is unwrapped or dropped. */
const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map([
  ['p', []], ['h2', []], ['h3', []], ['h4', []], ['h5', []], ['h6', []], ['ul', []], ['ol', ['start']], ['li', []],
  ['blockquote', []], ['pre', []], ['code', []], ['table', []], ['thead', []], ['tbody', []], ['tfoot', []],
  ['tr', []], ['td', ['colspan', 'rowspan']], ['th', ['colspan', 'rowspan']], ['caption', []], ['figure', []],
  ['figcaption', []], ['img', ['src', 'alt', 'width', 'height']], ['a', ['href']], ['strong', []], ['b', []],
  ['em', []], ['i', []], ['u', []], ['s', []], ['sub', []], ['sup', []], ['br', []], ['hr', []], ['small', []],
  ['mark', []], ['q', []], ['cite', []], ['abbr', ['title']], ['dl', []], ['dt', []], ['dd', []], ['del', []],
  ['ins', []], ['time', ['datetime']],
]);
/** Elements removed with their content: active content, forms, foreign markup. */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'textarea', 'option', 'svg', 'math', 'template', 'noscript', 'canvas', 'video', 'audio', 'source', 'track',
  'link', 'meta', 'base', 'title', 'head', 'dialog', 'portal',
]);
const VOID = new Set(['br', 'hr', 'img']);
/** Attributes that carry lazy-loaded image URLs when `src` is a placeholder. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url'];
/** h1 inside a body is demoted: the page title is reported separately. */
const RENAMED: Readonly<Record<string, string>> = { h1: 'h2' };

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function imageSource(element: Element, base: string | null): string | null {
  const src = attr(element, 'src');
  if (src && !src.startsWith('data:')) return absoluteUrl(src, base, 'image');
  for (const name of LAZY_SRC) {
    const lazy = attr(element, name);
    if (lazy) return absoluteUrl(lazy, base, 'image');
  }
  return null;
}

function attributesOf(element: Element, name: string, base: string | null): string | null {
  const parts: string[] = [];
  for (const allowed of ALLOWED.get(name) ?? []) {
    let value: string | null = attr(element, allowed);
    if (allowed === 'src') value = imageSource(element, base);
    else if (allowed === 'href') value = value ? absoluteUrl(value, base, 'link') : null;
    else if (allowed === 'width' || allowed === 'height' || allowed === 'colspan' || allowed === 'rowspan' || allowed === 'start') value = /^\d{1,5}$/.test(value) ? value : null;
    if (allowed === 'src' && !value) return null;
    if (value) parts.push(` ${allowed}="${escapeAttribute(value)}"`);
  }
  return parts.join('');
}

/** Serializes a node through the allow-list; relative URLs become absolute against `base`. */
export function sanitizeHtml(node: AnyNode, base: string | null, skip?: (element: Element) => boolean): string {
  const out: string[] = [];
  serialize(node, base, out, skip);
  return collapseWhitespace(out.join(''));
}

function serialize(node: AnyNode, base: string | null, out: string[], skip?: (element: Element) => boolean): void {
  if (node.type === 'text') {
    out.push(escapeText((node as unknown as { data: string }).data));
    return;
  }
  if (node.type === 'root') {
    for (const child of (node as unknown as { children: AnyNode[] }).children) serialize(child, base, out, skip);
    return;
  }
  if (!isElement(node)) return;
  if (node.type !== 'tag' || DROPPED.has(node.name) || skip?.(node)) return;
  const name = RENAMED[node.name] ?? node.name;
  const attributes = ALLOWED.has(name) ? attributesOf(node, name, base) : null;
  const keep = ALLOWED.has(name) && attributes !== null;
  if (keep) out.push(`<${name}${attributes}>`);
  if (VOID.has(name)) return;
  for (const child of node.children) serialize(child, base, out, skip);
  if (keep) out.push(`</${name}>`);
}
