import { Comment, Document, ProcessingInstruction, Text, type ChildNode, type Element, type ParentNode } from 'domhandler';
import { decodeAttributeValue, decodeTextRun, decodeTitleText } from './decodeEntities.js';
import { PageElement } from './domNodes.js';
import { commonName } from './commonName.js';
import { FOREIGN_CONTEXT_ELEMENTS, HTML_INTEGRATION_ELEMENTS, OPEN_IMPLIES_CLOSE, VOID_ELEMENTS } from './htmlTreeRules.js';
import { tokenizeHtml, type TokenCallbacks } from './tokenizeHtml.js';

const INSTRUCTION_NAME_END = /\s|\//;

/**
 * Characters `toLowerCase` may change: ASCII capitals and anything from U+00C0 on (U+0080–U+00BF have no case).
 * Names are nearly always lower case, and lower-casing a slice of a two-byte page takes V8's slow path.
 */
const MAY_HAVE_CAPITALS = /[A-Z\u00c0-\uffff]/;

/** Elements whose text htmlparser2's tokenizer reads raw (no entities) when opened with `>`; `title` is decoded. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'xmp']);

/**
 * htmlparser2's Parser and domhandler's DomHandler in one, fed straight by the tokenizer: the same tree with the
 * same source indices (`parseDocument` with indices, the property test compares them), without a callback hop per
 * token, and with stacks that grow at the end (the Parser's grow at the front: `unshift` per element). Entities
 * are decoded once a text run or attribute value is complete (see `parseMarkup`). Stacks are innermost last.
 */
export class TreeBuilder implements TokenCallbacks {
  readonly root = new Document([]);
  /** Every element built, in document order (the order they are opened in). */
  readonly elementsInOrder: PageElement[] = [];
  private startIndex = 0;
  private endIndex = 0;
  private openTagStart = 0;
  private tagname = '';
  private attribname = '';
  private attribvalue = '';
  private attribs: Record<string, string> | null = null;
  /** The `class` and `id` values stored in `attribs` ('' until one is). */
  private classAttribute = '';
  private idAttribute = '';
  /** Names of the open elements, as the Parser tracks them (a tag being opened is on it before its element). */
  private readonly names: string[] = [];
  private readonly foreignContext: boolean[] = [false];
  /** The open elements, as DomHandler tracks them. */
  private readonly elements: ParentNode[] = [this.root];
  private lastText: Text | null = null;
  /** Whether the tag being opened was written self-closing (`<script/>`): the tokenizer then reads on as text. */
  private selfClosing = false;
  /** The open raw-text or title element whose text the tokenizer reads in its special state. */
  private special: Element | null = null;

  constructor(private readonly buffer: string) {}

  /** Builds the tree of the whole buffer. */
  build(): Document {
    tokenizeHtml(this.buffer, this);
    return this.root;
  }

  ontext(start: number, endIndex: number): void {
    this.endIndex = endIndex - 1;
    this.addText(this.decodeText(this.buffer.slice(start, endIndex)));
    this.startIndex = endIndex;
  }

  onopentagname(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    this.emitOpenTag(this.lowerCaseName(start, endIndex));
  }

  onopentagend(endIndex: number): void {
    this.endIndex = endIndex;
    this.endOpenTag();
    this.startIndex = endIndex + 1;
  }

  onclosetag(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    const name = this.lowerCaseName(start, endIndex);
    if (FOREIGN_CONTEXT_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) this.foreignContext.pop();
    if (!VOID_ELEMENTS.has(name)) {
      const names = this.names;
      const position = names.lastIndexOf(name);
      if (position !== -1) {
        while (names.length > position) {
          names.pop();
          this.closeElement();
        }
      } else if (name === 'p') {
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      this.openElement('br', {});
      this.closeElement();
    }
    this.startIndex = endIndex + 1;
  }

  onselfclosingtag(endIndex: number): void {
    this.endIndex = endIndex;
    this.selfClosing = true;
    if (this.foreignContext[this.foreignContext.length - 1]) {
      this.closeCurrentTag();
      this.startIndex = endIndex + 1;
    } else {
      this.onopentagend(endIndex);
    }
    this.selfClosing = false;
  }

  /**
   * Attribute names are lower-cased as they are read, as htmlparser2's `lowerCaseAttributeNames` does: the first of
   * several that lower-case alike wins.
   */
  onattribname(start: number, endIndex: number): void {
    this.startIndex = start;
    this.attribname = this.lowerCaseName(start, endIndex);
  }

  onattribdata(start: number, endIndex: number): void {
    this.attribvalue += this.buffer.slice(start, endIndex);
  }

  onattribend(_quote: number, endIndex: number): void {
    this.endIndex = endIndex;
    const attribs = this.attribs;
    const value = this.attribvalue;
    const name = this.attribname;
    if (attribs && !Object.prototype.hasOwnProperty.call(attribs, name)) {
      const stored = value.includes('&') ? decodeAttributeValue(value) : value;
      attribs[name] = stored;
      if (name === 'class') this.classAttribute = stored;
      else if (name === 'id') this.idAttribute = stored;
    }
    this.attribvalue = '';
  }

  ondeclaration(start: number, endIndex: number): void {
    this.instruction('!', start, endIndex);
  }

  onprocessinginstruction(start: number, endIndex: number): void {
    this.instruction('?', start, endIndex);
  }

  oncomment(start: number, endIndex: number, offset: number): void {
    this.endIndex = endIndex;
    this.addNode(new Comment(this.buffer.slice(start, endIndex - offset)));
    this.startIndex = endIndex + 1;
  }

  /** Outside foreign content htmlparser2 keeps CDATA sections as comments. */
  oncdata(start: number, endIndex: number, offset: number): void {
    this.endIndex = endIndex;
    this.addNode(new Comment(`[CDATA[${this.buffer.slice(start, endIndex - offset)}]]`));
    this.startIndex = endIndex + 1;
  }

  onend(): void {
    this.endIndex = this.startIndex;
    for (let i = 0; i < this.names.length; i++) this.closeElement();
  }

  /** The lower-cased tag or attribute name between `start` and `endIndex`. */
  private lowerCaseName(start: number, endIndex: number): string {
    const common = commonName(this.buffer, start, endIndex);
    if (common !== undefined) return common;
    const name = this.buffer.slice(start, endIndex);
    return MAY_HAVE_CAPITALS.test(name) ? name.toLowerCase() : name;
  }

  private instruction(mark: string, start: number, endIndex: number): void {
    this.endIndex = endIndex;
    const value = this.buffer.slice(start, endIndex);
    const nameEnd = value.search(INSTRUCTION_NAME_END);
    const name = (nameEnd < 0 ? value : value.slice(0, nameEnd)).toLowerCase();
    this.addNode(new ProcessingInstruction(`${mark}${name}`, `${mark}${value}`));
    this.startIndex = endIndex + 1;
  }

  private emitOpenTag(name: string): void {
    this.openTagStart = this.startIndex;
    this.tagname = name;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      const names = this.names;
      while (names.length > 0 && impliesClose.has(names[names.length - 1] as string)) {
        names.pop();
        this.closeElement();
      }
    }
    if (!VOID_ELEMENTS.has(name)) {
      this.names.push(name);
      if (FOREIGN_CONTEXT_ELEMENTS.has(name)) this.foreignContext.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreignContext.push(false);
    }
    this.attribs = {};
    this.classAttribute = '';
    this.idAttribute = '';
  }

  private endOpenTag(): void {
    this.startIndex = this.openTagStart;
    if (this.attribs) {
      this.openElement(this.tagname, this.attribs);
      this.attribs = null;
    }
    if (VOID_ELEMENTS.has(this.tagname)) this.closeElement();
    this.tagname = '';
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    if (this.names[this.names.length - 1] === name) {
      this.closeElement();
      this.names.pop();
    }
  }

  private openElement(name: string, attribs: Record<string, string>): void {
    const element = new PageElement(name, attribs, this.classAttribute, this.idAttribute);
    this.classAttribute = '';
    this.idAttribute = '';
    this.addNode(element);
    this.elementsInOrder.push(element);
    this.elements.push(element);
    const readsSpecially = !this.selfClosing && (RAW_TEXT_ELEMENTS.has(name) || name === 'title');
    this.special = readsSpecially ? element : null;
  }

  private closeElement(): void {
    this.lastText = null;
    const element = this.elements.pop() as ParentNode;
    element.endIndex = this.endIndex;
  }

  private decodeText(data: string): string {
    if (!data.includes('&')) return data;
    const special = this.special;
    if (!special || this.elements[this.elements.length - 1] !== special) return decodeTextRun(data);
    return special.name === 'title' ? decodeTitleText(data) : data;
  }

  private addText(data: string): void {
    const last = this.lastText;
    if (last) {
      last.data += data;
      last.endIndex = this.endIndex;
      return;
    }
    const node = new Text(data);
    this.addNode(node);
    this.lastText = node;
  }

  private addNode(node: ChildNode): void {
    const parent = this.elements[this.elements.length - 1] as ParentNode;
    const children = parent.children;
    const previous = children[children.length - 1];
    node.startIndex = this.startIndex;
    node.endIndex = this.endIndex;
    children.push(node);
    if (previous) {
      node.prev = previous;
      previous.next = node;
    }
    node.parent = parent;
    this.lastText = null;
  }
}
