import type { Element } from 'domhandler';
import { attr, textOf } from '../../html/index.js';
import { parseDate, parseVisibleDate } from './parseDate.js';

/** A date from an element's `datetime`, `data-timestamp`, `content`, or visible text. */
export function readElementDate(element: Element): string | null {
  return readMachineDate(element) ?? parseVisibleDate(textOf(element).slice(0, 200));
}

/** A date from an element's machine-readable attributes only (`datetime`, `data-timestamp`, `content`). */
export function readMachineDate(element: Element): string | null {
  return parseDate(attr(element, 'datetime')) ?? parseDate(attr(element, 'data-timestamp')) ?? parseDate(attr(element, 'content'));
}
