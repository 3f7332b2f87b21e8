import { Element, type AnyNode, type ParentNode } from 'domhandler';

/** Elements whose boundaries separate words in rendered text. */
// prettier-ignore
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'img', 'time',
]);

/** True for element nodes (htmlparser2 gives script and style their own node types). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

/** Attribute value or empty string; tolerant of missing attribs. */
export function attr(element: Element, name: string): string {
  if (element instanceof PageElement) {
    if (name === 'class') return element.classAttribute;
    if (name === 'id') return element.idAttribute;
  }
  const value = element.attribs?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Whether an element is a hyperlink: an `<a>`, unless it is a named anchor (`<a name="section-2">`, `<a id>` with
 * no `href`), which marks a place to link to and leads nowhere. An `<a>` with neither is a scripted link
 * (`<a data-url>`), and leads somewhere all the same.
 */
export function isLink(element: Element): boolean {
  if (element.name !== 'a') return false;
  const attribs = element.attribs;
  return !attribs || attribs.href !== undefined || (attribs.name === undefined && attribs.id === undefined);
}

/**
 * An element of a parsed page, remembering its hintString: the teaser, furniture, main-content and metadata
 * steps all match hints, often on the same elements (cards and their ancestors), and lower-casing slices of a
 * two-byte page is slow. Attributes are never changed after parsing, so the remembered string stays right.
 */
export class PageElement extends Element {
  /** hintString of this element, once computed. */
  hints: string | undefined = undefined;
  /** Position among the page's elements in document order, set by `indexPage`. */
  documentOrder = 0;
  /**
   * The `class` attribute, '' without one: read by most steps, and reading `attribs` by name is slow (attribute
   * objects come in many shapes). The parser passes the value it stored.
   */
  readonly classAttribute: string;
  /** The `id` attribute, '' without one (see `classAttribute`). */
  readonly idAttribute: string;

  constructor(name: string, attribs: Record<string, string>, classAttribute = attribs.class ?? '', idAttribute = attribs.id ?? '') {
    super(name, attribs);
    this.classAttribute = classAttribute;
    this.idAttribute = idAttribute;
  }
}

/**
 * Class names a blog engine derives from the author's own words: the post's term slugs (`tag-similar-recipes`,
 * `category-social-media`) and format, written on the post's own container next to its type and status
 * (`post type-post status-publish`). They name what the post is about, not what the element is.
 */
const TERM_CLASS = /(?:^|\s)(?:tag|category|format)-\S+/g;

function withoutTermClasses(cls: string): string {
  if (!cls.includes('status-') || !cls.includes('type-') || !(cls.includes('tag-') || cls.includes('category-') || cls.includes('format-'))) return cls;
  return cls.replace(TERM_CLASS, '');
}

/**
 * Page builders call every content module a widget: Elementor's `elementor-widget elementor-widget-text-editor`
 * around a paragraph of the post, its `elementor-widget-container` and `-wrap`, SiteOrigin's `so-panel widget
 * widget_sow-editor`. That word names the builder's unit, not a sidebar widget; the module's type after it
 * (`share-buttons`, `post-info`, `nav-menu`, `text-editor`) says what the element is, and is what stays.
 */
const BUILDER_WIDGET_CLASS =
  /(?:^|\s)elementor-widget(?:-container|-wrap|-empty)?(?=\s|$)|elementor-widget-|(?<=so-panel\b.*)(?:^|\s)widget(?=\s|$)|widget_(?=sow-)|(?:so|panel|siteorigin)-widget-/g;

function withoutBuilderWidgets(cls: string): string {
  if (!cls.includes('widget') || !(cls.includes('elementor-') || cls.includes('so-') || cls.includes('siteorigin-') || cls.includes('panel-widget')))
    return cls;
  return cls.replace(BUILDER_WIDGET_CLASS, (match) => (match.startsWith(' ') ? ' ' : match.endsWith('-widget-') ? `${match.slice(0, -'widget-'.length)}` : ''));
}

/**
 * Lower-cased `id class` of an element (without term-slug classes, and with page builders' "widget" unit names
 * reduced to the module type), the string class/id hints are matched against.
 */
export function hintString(element: Element): string {
  const known = (element as Partial<PageElement>).hints;
  if (known !== undefined) return known;
  const id = attr(element, 'id');
  const cls = withoutBuilderWidgets(withoutTermClasses(attr(element, 'class')));
  const hints = id || cls ? `${id} ${cls}`.toLowerCase() : '';
  if (element instanceof PageElement) element.hints = hints;
  return hints;
}

/** Child elements of a node. */
export function childElements(node: ParentNode): Element[] {
  const out: Element[] = [];
  for (const child of node.children) if (isElement(child)) out.push(child);
  return out;
}

/**
 * Visits elements under `root` in document order without recursion (pages nest thousands deep).
 * `visit` returns false to skip an element's subtree.
 */
export function walkElements(root: ParentNode, visit: (element: Element) => boolean | void): void {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
}

/** All elements matching a predicate, in document order. */
export function findElements(root: ParentNode, match: (element: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkElements(root, (element) => {
    if (match(element)) out.push(element);
  });
  return out;
}

/** The first element under `root` (document order) matching a predicate, or undefined; stops at the first hit. */
export function firstElement(root: ParentNode, match: (element: Element) => boolean): Element | undefined {
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as AnyNode);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (match(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return undefined;
}

const VISIBLE_CHAR = /[^\s\u00a0\u200b\ufeff]/;

/** True when `textOf(node)` would not be empty; stops at the first visible character. */
export function hasText(root: AnyNode): boolean {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      if (VISIBLE_CHAR.test((node as unknown as { data: string }).data)) return true;
      continue;
    }
    if (isElement(node) && (node.type !== 'tag' || node.name === 'template' || node.name === 'noscript')) continue;
    if (!isElement(node) && node.type !== 'root') continue;
    const children = (node as ParentNode).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as AnyNode);
  }
  return false;
}

/** Characters that do not count as visible: ASCII controls and space, and the non-ASCII `[\s\u200b\ufeff]`. */
const INVISIBLE_RUNS = /[\x00-\x20\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

function visibleChars(text: string): number {
  return text.replace(INVISIBLE_RUNS, '').length;
}

/** Stands for the end of a block element in `rawText`'s walk: a space. */
const BLOCK_END = { type: 'text', data: ' ' } as unknown as AnyNode;

/**
 * Raw text under a node with spaces at block boundaries; skips script/style. Not whitespace-normalised.
 * With `maxChars`, stops once the text holds more than that many characters (its start is all that is wanted).
 */
export function rawText(root: AnyNode, skip?: (element: Element) => boolean, maxChars = Infinity): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  // Visible characters bound the normalised length from below: past maxChars of them the start is complete.
  // They are counted only once the raw length passes maxChars (they cannot outnumber it), so small subtrees
  // are never counted.
  let rawLength = 0;
  let visible = 0;
  let countedParts = 0;
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      parts.push(data);
      if (maxChars === Infinity || (rawLength += data.length) <= maxChars) continue;
      for (; countedParts < parts.length; countedParts++) visible += visibleChars(parts[countedParts] as string);
      if (visible > maxChars) break;
      continue;
    }
    if (!isElement(node) && node.type !== 'root') continue;
    if (isElement(node)) {
      if (node.type !== 'tag' || node.name === 'template' || node.name === 'noscript') continue;
      if (skip && node !== root && skip(node)) continue;
      if (BLOCK_TAGS.has(node.name)) {
        // A block is set apart from what follows it too: `<p>Quote.</p><cite>Author</cite>` reads "Quote. Author".
        parts.push(' ');
        stack.push(BLOCK_END);
      }
    }
    const children = (node as ParentNode).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as AnyNode);
  }
  return parts.join('');
}

/**
 * Whitespace that normalising changes: runs of two or more, or one character other than a plain space (`\s` and
 * the zero-width space). Single spaces between words are left alone, so prose costs few replacements.
 */
const SPACE_TO_COLLAPSE = /[\s\u200b]{2,}|[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** Collapses whitespace (including no-break and zero-width spaces) to single spaces and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(SPACE_TO_COLLAPSE, ' ').trim();
}

/** `\s` runs that `collapseWhitespace` changes (as SPACE_TO_COLLAPSE, without the zero-width space). */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** `text.replace(/\s+/g, ' ').trim()`, replacing only the whitespace that changes (markup is mostly single spaces). */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** Whitespace-normalised text of a node. */
export function textOf(node: AnyNode, skip?: (element: Element) => boolean): string {
  return normaliseSpace(rawText(node, skip));
}

/** The first `maxChars` characters of `textOf(node)`, without reading the rest of a large subtree. */
export function textStart(node: AnyNode, maxChars: number): string {
  const raw = rawText(node, undefined, maxChars);
  // Whitespace only collapses, so the normalised form of a prefix is a prefix of the normalised whole: a long
  // text (one big text node) is normalised only as far as needed.
  for (let cut = maxChars * 2; cut < raw.length; cut *= 2) {
    const start = normaliseSpace(raw.slice(0, cut));
    if (start.length >= maxChars) return start.slice(0, maxChars);
  }
  return normaliseSpace(raw).slice(0, maxChars);
}

/** Nearest ancestor element (or the node itself) matching a predicate, up to `maxUp` levels. */
export function closest(node: Element, match: (element: Element) => boolean, maxUp = Infinity): Element | null {
  let current: Element | null = node;
  let steps = 0;
  while (current && steps <= maxUp) {
    if (match(current)) return current;
    const parent: ParentNode | null = current.parent;
    current = parent && isElement(parent as AnyNode) ? (parent as Element) : null;
    steps++;
  }
  return null;
}

/** Source length of an element in characters, from parser indices; 0 when unknown. */
export function sourceLength(node: AnyNode): number {
  const start = node.startIndex;
  const end = node.endIndex;
  return typeof start === 'number' && typeof end === 'number' && end >= start ? end - start + 1 : 0;
}
