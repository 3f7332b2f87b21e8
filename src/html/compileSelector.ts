import { compile } from 'css-select';
import { parse, SelectorType, type Selector } from 'css-what';
import type { AnyNode, Element } from 'domhandler';

/**
 * Where the elements a selector group may match are found in a page index: a class, a tag, a part of the class
 * attribute, an attribute, or (none of those required) every element.
 */
export type PoolKey = { kind: 'class' | 'tag' | 'classPart' | 'classPartAnyCase' | 'attribute'; name: string } | { kind: 'all' };

/** A selector compiled by css-select, with where each of its comma groups looks for candidates. */
export interface CompiledSelector {
  matches: (element: Element) => boolean;
  pools: PoolKey[];
}

const cache = new Map<string, CompiledSelector>();

/** Attribute actions that hold only for elements carrying the attribute (`[a!=v]` also holds without it). */
const NEEDS_ATTRIBUTE = new Set(['exists', 'equals', 'element', 'start', 'end', 'any', 'hyphen']);

/**
 * The rightmost compound of a group (the part the element itself must match) decides the pool, preferring the
 * smallest likely pool: class, tag, class part, any attribute. Each is a superset of the group's matches.
 */
function poolOf(group: Selector[]): PoolKey {
  let start = group.length;
  while (start > 0 && !isCombinator(group[start - 1] as Selector)) start--;
  const compound = group.slice(start);
  let tag: string | null = null;
  let classPart: string | null = null;
  let classPartAnyCase: string | null = null;
  let attribute: string | null = null;
  for (const token of compound) {
    if (token.type === SelectorType.Tag) tag = token.name.toLowerCase();
    if (token.type !== SelectorType.Attribute || !NEEDS_ATTRIBUTE.has(token.action)) continue;
    const name = token.name.toLowerCase();
    // `[class*="date" i]`: a part of a class name in any case (`displayDate`)
    if (token.ignoreCase === true) {
      if (name === 'class' && token.action === 'any' && token.value !== '' && !/\s/.test(token.value)) classPartAnyCase ??= token.value.toLowerCase();
      continue;
    }
    if (name === 'class' && token.action === 'element') return { kind: 'class', name: token.value };
    if (name === 'class' && token.action === 'any' && token.value !== '' && !/\s/.test(token.value)) classPart ??= token.value;
    attribute ??= name;
  }
  if (tag !== null) return { kind: 'tag', name: tag };
  if (classPart !== null) return { kind: 'classPart', name: classPart };
  if (classPartAnyCase !== null) return { kind: 'classPartAnyCase', name: classPartAnyCase };
  return attribute !== null ? { kind: 'attribute', name: attribute } : { kind: 'all' };
}

function isCombinator(token: Selector): boolean {
  const { type } = token;
  return (
    type === SelectorType.Descendant ||
    type === SelectorType.Child ||
    type === SelectorType.Sibling ||
    type === SelectorType.Adjacent ||
    type === SelectorType.Parent ||
    type === SelectorType.ColumnCombinator
  );
}

/**
 * `selector` compiled once (css-select, HTML semantics) and remembered. Throws a one-line error naming the
 * selector when it does not parse or compile, so a bad site-profile selector fails where it is declared.
 */
export function compileSelector(selector: string): CompiledSelector {
  const known = cache.get(selector);
  if (known) return known;
  let compiled: CompiledSelector;
  try {
    const groups = parse(selector);
    const matches = compile<AnyNode, Element>(selector);
    compiled = { matches, pools: groups.map(poolOf) };
  } catch (error) {
    throw new Error(`invalid CSS selector ${JSON.stringify(selector)}: ${(error as Error).message}`);
  }
  cache.set(selector, compiled);
  return compiled;
}
