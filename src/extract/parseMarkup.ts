import { DomHandler, type Document, type Element, type Text } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import { Parser, parseDocument, type Options } from 'htmlparser2';
import { IndexOfTokenizer } from './indexOfTokenizer.js';

/**
 * Source indices for byte counts. Entities are decoded by EntityDecodingHandler once a text run or attribute
 * value is complete: htmlparser2's tokenizer then skips over text and attribute values instead of testing every
 * character for `&` (a fifth of the parse time).
 */
const PARSER_OPTIONS: Options = {
  withStartIndices: true, withEndIndices: true, decodeEntities: false, Tokenizer: IndexOfTokenizer, lowerCaseAttributeNames: false,
};

/**
 * Characters `toLowerCase` may change: ASCII capitals and anything from U+00C0 on (U+0080–U+00BF have no case).
 * Names are nearly always lower case, and lower-casing a slice of a two-byte page takes V8's slow path.
 */
const MAY_HAVE_CAPITALS = /[A-Z\u00c0-\uffff]/;

/** Elements whose text htmlparser2's tokenizer reads raw (no entities) when opened with `>`; `title` is decoded. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'xmp']);

/** Whether the tag being opened was written self-closing (`<script/>`): the tokenizer then reads on as text. */
interface OpeningTag {
  selfClosing: boolean;
}

/** The Parser members the name overrides use (private in htmlparser2's typings). */
interface ParserInternals {
  getSlice(start: number, end: number): string;
  emitOpenTag(name: string): void;
  lowerCaseTagNames: boolean;
}

/** A Parser that records in `opening` whether the tag it is opening was written self-closing. */
class SelfClosingAwareParser extends Parser {
  constructor(handler: DomHandler, options: Options, private readonly opening: OpeningTag) {
    super(handler, options);
  }

  /** As htmlparser2's, lower-casing the name only when it may hold capitals. */
  override onopentagname(start: number, endIndex: number): void {
    const parser = this as unknown as ParserInternals;
    this.endIndex = endIndex;
    const name = parser.getSlice(start, endIndex);
    parser.emitOpenTag(MAY_HAVE_CAPITALS.test(name) ? name.toLowerCase() : name);
  }

  /** As htmlparser2's, lower-casing the name only when it may hold capitals. */
  override onclosetag(start: number, endIndex: number): void {
    const parser = this as unknown as ParserInternals;
    if (MAY_HAVE_CAPITALS.test(parser.getSlice(start, endIndex))) return super.onclosetag(start, endIndex);
    parser.lowerCaseTagNames = false;
    super.onclosetag(start, endIndex);
    parser.lowerCaseTagNames = true;
  }

  override onselfclosingtag(endIndex: number): void {
    this.opening.selfClosing = true;
    super.onselfclosingtag(endIndex);
    this.opening.selfClosing = false;
  }
}

/** DomHandler that decodes text runs and attribute values exactly where htmlparser2's tokenizer would. */
class EntityDecodingHandler extends DomHandler {
  /** The open raw-text or title element whose text the tokenizer reads in its special state. */
  private special: Element | null = null;

  constructor(private readonly opening: OpeningTag) {
    super(undefined, PARSER_OPTIONS);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    let capitals = false;
    for (const key in attribs) {
      if (MAY_HAVE_CAPITALS.test(key)) capitals = true;
      const value = attribs[key] as string;
      if (value.includes('&')) attribs[key] = decodeRun(value, '"', decodeHTMLAttribute);
    }
    super.onopentag(name, capitals ? lowerCaseNames(attribs) : attribs);
    const readsSpecially = !this.opening.selfClosing && (RAW_TEXT_ELEMENTS.has(name) || name === 'title');
    this.special = readsSpecially ? (this.tagStack[this.tagStack.length - 1] as Element) : null;
  }

  override ontext(data: string): void {
    if (!data.includes('&')) return super.ontext(data);
    const special = this.special;
    if (!special || this.tagStack[this.tagStack.length - 1] !== special) return super.ontext(decodeRun(data, '<', decodeHTML));
    super.ontext(special.name === 'title' ? decodeTitleText(data) : data);
  }
}

/**
 * Attributes under lower-cased names, the first of several that lower-case alike winning: what htmlparser2 builds
 * with `lowerCaseAttributeNames`, which would lower-case every name.
 */
function lowerCaseNames(attribs: Record<string, string>): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const key in attribs) {
    const name = key.toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(lowered, name)) lowered[name] = attribs[key] as string;
  }
  return lowered;
}

/**
 * Text decoded as the tokenizer decodes it while reading on: each entity is ended by the character after it, which
 * matters at the end of a run (`&notin` before `<` or a quote is `¬in`, at the end of a string it stays).
 */
function decodeRun(run: string, terminator: string, decode: (text: string) => string): string {
  return decode(run + terminator).slice(0, -1);
}

/**
 * Title text: the tokenizer's end-tag lookahead inside `<title>` decides which `&` start entities, so htmlparser2
 * itself decodes it (titles with entities in page bodies are rare: SVG icons).
 */
function decodeTitleText(text: string): string {
  const title = parseDocument(`<title>${text}</title>`).children[0] as Element | undefined;
  const first = title?.children[0];
  return first?.type === 'text' ? (first as Text).data : '';
}

/**
 * The document tree htmlparser2's `parseDocument` builds (entities decoded, source indices kept), built faster.
 * Markup must end with a closing tag, as `parseHtml`'s wrapper does: text left open at the very end of the input
 * (`</&amp` as the last characters) is kept raw by the tokenizer but would be decoded here.
 */
export function parseMarkup(markup: string): Document {
  const opening: OpeningTag = { selfClosing: false };
  const handler = new EntityDecodingHandler(opening);
  new SelfClosingAwareParser(handler, PARSER_OPTIONS, opening).end(markup);
  return handler.root;
}
