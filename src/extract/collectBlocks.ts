import type { AnyNode, Element } from 'domhandler';
import type { BodyBlock, RemovedBlock } from '../article.js';
import { fingerprintText } from '../fingerprintText.js';
import { escapeText, sanitizeHtml } from './sanitizeHtml.js';
import { isBlockTag, isElement, normaliseSpace, rawText, sourceLength, textOf } from './domNodes.js';
import { filterReason } from './filterReason.js';

/** Removed-block texts are cut to this many characters: enough for `wpingest explain`, bounded for storage. */
export const MAX_REMOVED_TEXT_CHARS = 500;

/** Elements that become one body block each. */
const BLOCK_ELEMENTS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'table']);
/** Elements dropped from the body with the reason recorded. */
const DROPPED_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ['h1', 'title'], ['figure', 'caption'], ['figcaption', 'caption'], ['picture', 'caption'], ['hr', 'separator'],
]);

export interface BodyCollection {
  blocks: BodyBlock[];
  removed: RemovedBlock[];
}

/** What to drop while walking the body: element -> reason (furniture, teasers, copies). */
export type DropReasons = ReadonlyMap<Element, string>;

export function removedBlock(node: AnyNode, reason: string, text?: string): RemovedBlock {
  const full = text ?? textOf(node);
  return { fingerprint: fingerprintText(full), text: full.slice(0, MAX_REMOVED_TEXT_CHARS), reason, bytes: sourceLength(node) || Buffer.byteLength(full) };
}

/** Turns the chosen containers into body blocks, dropping furniture and in-post duplicates. */
export function collectBlocks(containers: readonly Element[], drops: DropReasons, base: string | null): BodyCollection {
  const result: BodyCollection = { blocks: [], removed: [] };
  const seen = new Set<string>();
  const skip = (element: Element): boolean => drops.has(element);
  const emit = (node: AnyNode, tag: string, html: string | null, textOverride?: string): void => {
    const text = textOverride ?? textOf(node, skip);
    if (!text) return;
    const reason = filterReason(node, tag, text);
    if (reason) return void result.removed.push(removedBlock(node, reason, text));
    const fingerprint = fingerprintText(text);
    if (seen.has(fingerprint)) return void result.removed.push(removedBlock(node, 'duplicate-in-post', text));
    seen.add(fingerprint);
    result.blocks.push({ tag, text, html: html ?? `<${tag}>${sanitizeHtml(node, base, skip)}</${tag}>`, fingerprint });
  };
  const visit = (element: Element): void => {
    const dropped = drops.get(element) ?? DROPPED_ELEMENTS.get(element.name);
    if (dropped) {
      const text = textOf(element, skip);
      if (text) result.removed.push(removedBlock(element, dropped, text));
      return;
    }
    if (BLOCK_ELEMENTS.has(element.name)) return emit(element, element.name, `${sanitizeHtml(element, base, skip)}`);
    if (!element.children.some((child) => isElement(child) && isBlockTag(child.name) && child.name !== 'br')) {
      return emit(element, 'p', null);
    }
    visitMixed(element, { visit, emit, skip, base });
  };
  for (const container of containers) visit(container);
  return result;
}

/** Walks a container holding both blocks and loose inline content; loose runs become paragraphs. */
interface MixedWalk {
  visit: (element: Element) => void;
  emit: (node: AnyNode, tag: string, html: string | null, text?: string) => void;
  skip: (element: Element) => boolean;
  base: string | null;
}

function visitMixed(element: Element, { visit, emit, skip, base }: MixedWalk): void {
  let run: AnyNode[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const text = normaliseSpace(run.map((node) => rawText(node, skip)).join(''));
    const html = `<p>${run.map((node) => (node.type === 'text' ? escapeText((node as unknown as { data: string }).data) : sanitizeHtml(node, base, skip))).join('').replace(/\s+/g, ' ').trim()}</p>`;
    if (text) emit(run[0] as AnyNode, 'p', html, text);
    run = [];
  };
  for (const child of element.children) {
    if (isElement(child) && child.type === 'tag' && isBlockTag(child.name) && child.name !== 'br') {
      flush();
      visit(child);
    } else if (child.type === 'text' || (isElement(child) && child.type === 'tag' && !skip(child))) {
      run.push(child);
    }
  }
  flush();
}
