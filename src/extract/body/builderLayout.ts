import type { Element } from 'domhandler';
import { attr, childElements, closest } from '../../html/index.js';

/**
 * A page builder's module or layout cell: Elementor's widgets, columns and sections, Divi's modules, columns and
 * rows, WPBakery's elements and columns, Beaver Builder's modules, columns and rows, SiteOrigin's panels and cells,
 * block columns.
 */
const BUILDER_MODULE_CLASS =
  /(?:^|\s)(?:elementor-(?:widget|column|section|container)|et_pb_(?:module|column|row|section)|wpb_(?:content_element|column|row)|vc_(?:row|column)|fl-(?:module|col|row)|wp-block-columns?|so-panel|panel-grid(?:-cell)?)(?:\s|$)/;
/** Any element of a builder's layout, wrappers included (`et_pb_text_inner`, `vc_column-inner`, `fl-row-content-wrap`). */
const BUILDER_CLASS = /(?:^|\s)(?:et_pb_|et-l|et_builder|elementor|vc_|wpb_|fl-|so-panel|so-widget|panel-grid|panel-layout|siteorigin-|wp-block-column)/;
/** The element a builder writes a post's whole layout in, from the_content(): Divi, Beaver Builder, SiteOrigin. */
const BUILDER_POST_ROOT = /(?:^|\s)(?:et-l--post|fl-builder-content|panel-layout)(?:\s|$)/;
/** Levels above a chosen container searched for the builder module it belongs to. */
const BUILDER_MODULE_LEVELS = 4;

function isBuilderModule(element: Element): boolean {
  return BUILDER_MODULE_CLASS.test(attr(element, 'class'));
}

function isBuilderElement(element: Element): boolean {
  return BUILDER_CLASS.test(attr(element, 'class'));
}

/** Whether the element is (or sits within a few levels in) a page builder's module or layout cell. */
export function inBuilderModule(element: Element): boolean {
  return closest(element, isBuilderModule, BUILDER_MODULE_LEVELS) !== null;
}

/**
 * The whole builder layout a chosen module belongs to: its post root (Divi's `et-l--post`, Beaver Builder's
 * `fl-builder-content`, SiteOrigin's `panel-layout`) when it has one, else the builder rows side by side with the
 * one that holds it (WPBakery writes its rows straight into the_content()). Null outside a builder's module.
 */
export function builderLayout(element: Element): Element[] | null {
  const module = closest(element, isBuilderModule, BUILDER_MODULE_LEVELS);
  if (!module) return null;
  let top = module;
  while (!BUILDER_POST_ROOT.test(attr(top, 'class')) && top.parent?.type === 'tag' && isBuilderElement(top.parent as Element)) top = top.parent as Element;
  if (BUILDER_POST_ROOT.test(attr(top, 'class')) || top.parent?.type !== 'tag') return [top];
  return childElements(top.parent as Element).filter(isBuilderElement);
}
