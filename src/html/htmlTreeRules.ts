/**
 * htmlparser2 10's Parser tables (its module does not export them), for the tree builder: which open tags close
 * which open elements, which have no content, which switch into and out of foreign (SVG, MathML) content.
 */

const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P_TAG = new Set(['p']);
const TABLE_SECTION_TAGS = new Set(['thead', 'tbody']);
const DD_DT_TAGS = new Set(['dd', 'dt']);
const RT_RP_TAGS = new Set(['rt', 'rp']);
/** Open elements (innermost first) that opening a tag closes implicitly. */
export const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['p', P_TAG], ['h1', P_TAG], ['h2', P_TAG], ['h3', P_TAG], ['h4', P_TAG], ['h5', P_TAG], ['h6', P_TAG],
  ['select', FORM_TAGS], ['input', FORM_TAGS], ['output', FORM_TAGS], ['button', FORM_TAGS], ['datalist', FORM_TAGS],
  ['textarea', FORM_TAGS], ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT_TAGS], ['dt', DD_DT_TAGS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer',
    'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((name): [string, ReadonlySet<string>] => [name, P_TAG]),
  ['rt', RT_RP_TAGS], ['rp', RT_RP_TAGS], ['tbody', TABLE_SECTION_TAGS], ['tfoot', TABLE_SECTION_TAGS],
]);
/** Elements without content: closed as soon as opened. */
export const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);
/** Elements that start foreign content, where `/>` closes a tag. */
export const FOREIGN_CONTEXT_ELEMENTS = new Set(['math', 'svg']);
/** Elements inside foreign content that switch back to HTML rules. */
export const HTML_INTEGRATION_ELEMENTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/**
 * Common tag and attribute names, each mapped to itself: a name read from the page is replaced by the constant
 * string, so elements and attributes carry one-byte internalized names instead of slices of a two-byte page, which
 * every later Set, Map and property lookup by name would hash and compare character by character. All lower case:
 * a tag name found here needs no lower-casing.
 */
export const COMMON_NAMES: ReadonlyMap<string, string> = new Map([
  'a', 'abbr', 'article', 'aside', 'b', 'blockquote', 'body', 'br', 'button', 'cite', 'code', 'dd', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'footer', 'form', 'g', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html',
  'i', 'iframe', 'img', 'input', 'label', 'li', 'link', 'main', 'meta', 'nav', 'noscript', 'ol', 'option', 'p', 'path',
  'picture', 'pre', 'q', 'script', 'section', 'select', 'small', 'source', 'span', 'strong', 'style', 'sub', 'sup', 'svg',
  'table', 'tbody', 'td', 'th', 'thead', 'time', 'title', 'tr', 'u', 'ul',
  'alt', 'aria-hidden', 'aria-label', 'class', 'content', 'd', 'data-nid', 'data-src', 'datetime', 'decoding', 'dir', 'fill',
  'height', 'href', 'id', 'itemprop', 'itemscope', 'itemtype', 'lang', 'loading', 'name', 'property', 'rel', 'role',
  'sizes', 'src', 'srcset', 'target', 'type', 'width', 'xmlns',
].map((name) => [name, name]));
