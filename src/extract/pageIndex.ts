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
}

function push(map: Map<string, Element[]>, key: string, element: Element): void {
  const list = map.get(key);
  if (list) list.push(element);
  else map.set(key, [element]);
}

export function indexPage(root: ParentNode): PageIndex {
  const index: PageIndex = { all: [], order: new Map(), byTag: new Map(), byClass: new Map() };
  walkElements(root, (element) => {
    index.order.set(element, index.all.length);
    index.all.push(element);
    push(index.byTag, element.name, element);
    const classes = attr(element, 'class');
    if (classes) for (const name of new Set(classes.split(/\s+/))) if (name) push(index.byClass, name, element);
  });
  return index;
}
