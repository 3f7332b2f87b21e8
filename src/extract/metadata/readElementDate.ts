import type { Element } from 'domhandler';
import { attr, textOf } from '../../html/index.js';
import { parseDate, parseVisibleDate } from './parseDate.js';
import { MAX_VISIBLE_DATE_TEXT_CHARS } from './rules.js';

/** A date from an element's `datetime`, `data-timestamp`, `content`, or visible text. */
export function readElementDate(element: Element): string | null {
  return readMachineDate(element) ?? parseVisibleDate(textOf(element).slice(0, MAX_VISIBLE_DATE_TEXT_CHARS));
}

/**
 * A date from an element's machine-readable attributes only (`datetime`, `data-timestamp`, `content`, and the
 * `title` of an `abbr`: the hAtom microformat's `<abbr class="published" title="2011-11-28T23:26:26+0100">`).
 */
export function readMachineDate(element: Element): string | null {
  return (
    parseDate(attr(element, 'datetime')) ??
    parseDate(attr(element, 'data-timestamp')) ??
    parseDate(attr(element, 'content')) ??
    (element.name === 'abbr' ? parseDate(attr(element, 'title')) : null)
  );
}
