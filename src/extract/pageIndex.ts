import type { Element, ParentNode } from 'domhandler';
import { attr, walkElements } from './domNodes.js';

/**
 * Every element of a page in document order, indexed by tag and class, so that the many small selector
 * queries of metadata extraction cost a lookup instead of a full tree walk each (css-select compiles and
 * walks per query, which dominated the run time).
 */
export interface PageIndex {
  all: Element[];
  order: Map<Element, number>;
  byTag: Map<string, Element[]>;
  byClass: Map<string, Element[]>;
  /** Elements carrying an attribute, by attribute name; filled on first query (see `selectElements`). */
  byAttribute: Map<string, Element[]>;
  /** Elements whose class attribute contains a string, by that string; filled on first query. */
  byClassPart: Map<string, Element[]>;
}

/** Adds `element` under `key` once: a repeated class name of the same element is the list's last entry. */
function push(map: Map<string, Element[]>, key: string, element: Element): void {
  const list = map.get(key);
  if (!list) map.set(key, [element]);
  else if (list[list.length - 1] !== element) list.push(element);
}

export function indexPage(root: ParentNode): PageIndex {
  const index: PageIndex = { all: [], order: new Map(), byTag: new Map(), byClass: new Map(), byAttribute: new Map(), byClassPart: new Map() };
  walkElements(root, (element) => {
    index.order.set(element, index.all.length);
    index.all.push(element);
    push(index.byTag, element.name, element);
    const classes = attr(element, 'class');
    if (classes) for (const name of classes.split(/\s+/)) if (name) push(index.byClass, name, element);
  });
  return index;
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
