import type { Element } from 'domhandler';
import { boilerplateReason } from './boilerplateHints.js';
import { statsOf, type ElementStats } from './nodeStats.js';

/**
 * An element whose class says "sidebar" or "comments" but which holds more than this share of the page's
 * prose is a layout wrapper around the article (`<div class="main has-sidebar">`), not furniture.
 */
export const WRAPPER_PROSE_SHARE = 0.5;
/** Minimum prose (non-space characters) for the wrapper exemption, so tiny pages are not all "wrappers". */
export const WRAPPER_MIN_PROSE_CHARS = 400;

/** Elements dropped whatever they wrap (a `<form>` or `<aside>` may wrap a whole ASP.NET or blog page). */
const ALWAYS_DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'button', 'select', 'input', 'textarea']);

/** Why an element is furniture on this page, or null; never condemns a wrapper of most of the prose. */
export function furnitureReason(element: Element, stats: Map<Element, ElementStats>, pageProse: number): string | null {
  const reason = boilerplateReason(element);
  if (!reason || ALWAYS_DROPPED.has(element.name)) return reason;
  const prose = statsOf(stats, element).paragraph;
  if (prose >= WRAPPER_MIN_PROSE_CHARS && prose > pageProse * WRAPPER_PROSE_SHARE) return null;
  return reason;
}
