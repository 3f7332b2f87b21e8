import type { Element } from 'domhandler';
import { attr, type PageElement } from './domNodes.js';

/**
 * Every element of a page in document order, indexed by tag and class, so that the many small selector
 * queries of metadata extraction cost a lookup instead of a full tree walk each (css-select compiles and
 * walks per query, which dominated the run time).
 */
export interface PageIndex {
  all: Element[];
  byTag: Map<string, Element[]>;
  byClass: Map<string, Element[]>;
  /** Elements carrying an attribute, by attribute name; filled on first query (see `selectElements`). */
  byAttribute: Map<string, Element[]>;
  /** Elements whose class attribute contains a string, by that string; filled on first query. */
  byClassPart: Map<string, Element[]>;
  /** The class names with upper-case letters, lowered, and their elements; filled on the first query in any case. */
  upperClassNames?: Array<[string, Element[]]>;
}

/** Adds `element` under `key` once: a repeated class name of the same element is the list's last entry. */
function push(map: Map<string, Element[]>, key: string, element: Element): void {
  const list = map.get(key);
  if (!list) map.set(key, [element]);
  else if (list[list.length - 1] !== element) list.push(element);
}

/** Indexes a page's elements, given in document order, numbering them in that order (see `documentOrder`). */
export function indexPage(elements: PageElement[]): PageIndex {
  const index: PageIndex = { all: elements, byTag: new Map(), byClass: new Map(), byAttribute: new Map(), byClassPart: new Map() };
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i] as PageElement;
    element.documentOrder = i;
    push(index.byTag, element.name, element);
    const classes = attr(element, 'class');
    if (classes) addClassNames(index.byClass, classes, element);
  }
  return index;
}

/** True for the characters of the regex class `\s`. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Indexes each non-empty name of `classes.split(/\s+/)`, scanning once instead of splitting by regex. */
function addClassNames(byClass: Map<string, Element[]>, classes: string, element: Element): void {
  let start = -1;
  for (let i = 0; i < classes.length; i++) {
    if (!isSpace(classes.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      push(byClass, classes.slice(start, i), element);
      start = -1;
    }
  }
  if (start >= 0) push(byClass, start === 0 ? classes : classes.slice(start), element);
}

/** Elements having attribute `name`, in document order (one scan per page and name, then remembered). */
export function withAttribute(index: PageIndex, name: string): Element[] {
  let pool = index.byAttribute.get(name);
  if (!pool) {
    pool = index.all.filter((element) => element.attribs?.[name] !== undefined);
    index.byAttribute.set(name, pool);
  }
  return pool;
}

/** An indexed element's position in document order (0 for elements of no index). */
export function documentOrder(element: Element): number {
  return (element as Partial<PageElement>).documentOrder ?? 0;
}

/** Compares indexed elements by document order, for sorting. */
export function byDocumentOrder(a: Element, b: Element): number {
  return documentOrder(a) - documentOrder(b);
}
