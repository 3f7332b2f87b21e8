import type { TokenCallbacks } from './tokenizeHtml.js';
import {
  BEFORE_COMMENT, CDATA_END, CDATA_SEQUENCE, CDATA_START, COMMENT_END, DASH, GT, IN_CLOSING_TAG_NAME, IN_COMMENT_LIKE, IN_DECLARATION,
  IN_PROCESSING_INSTRUCTION, IN_SPECIAL_COMMENT, IN_SPECIAL_TAG, isWhitespace, LOWER_CASE_BIT, LT, OPENING_SQUARE_BRACKET, TEXT, TITLE_END,
} from './tokenStates.js';

/** The tokenizer's position and state, as `tokenizeHtml` hands them to `stepRareState` and takes them back. */
export interface TokenizerCursor {
  state: number;
  sectionStart: number;
  index: number;
  isSpecial: boolean;
  sequence: readonly number[];
  sequenceIndex: number;
}

/** Where a comment's `-->` starts being matched: `<!-->` is a complete (empty) comment. */
const SHORT_COMMENT_SEQUENCE_INDEX = 2;
/** What htmlparser2 reports as the end offset of a comment or CDATA section closed by its end sequence. */
const END_SEQUENCE_OFFSET = 2;

/**
 * One step of htmlparser2's tokenizer in the states pages rarely reach (declarations, processing instructions,
 * comments, CDATA, and the text of script, style, title, textarea and xmp elements), on character `c` at
 * `cursor.index`. Returns false when the character must be read again in the new state, true when it is consumed.
 */
export function stepRareState(cursor: TokenizerCursor, buffer: string, cbs: TokenCallbacks, c: number): boolean {
  switch (cursor.state) {
    case IN_DECLARATION:
    case IN_PROCESSING_INSTRUCTION:
    case IN_SPECIAL_COMMENT: {
      const gt = buffer.indexOf('>', cursor.index);
      if (gt < 0) {
        cursor.index = buffer.length - 1;
        return true;
      }
      if (cursor.state === IN_DECLARATION) cbs.ondeclaration(cursor.sectionStart, gt);
      else if (cursor.state === IN_PROCESSING_INSTRUCTION) cbs.onprocessinginstruction(cursor.sectionStart, gt);
      else cbs.oncomment(cursor.sectionStart, gt, 0);
      cursor.state = TEXT;
      cursor.sectionStart = gt + 1;
      cursor.index = gt;
      return true;
    }
    case IN_SPECIAL_TAG:
      return stepSpecialTag(cursor, buffer, cbs, c);
    case IN_COMMENT_LIKE:
      stepCommentLike(cursor, buffer, cbs, c);
      return true;
    case CDATA_SEQUENCE: {
      if (c !== CDATA_START[cursor.sequenceIndex]) {
        cursor.sequenceIndex = 0;
        cursor.state = IN_DECLARATION;
        return false;
      }
      if (++cursor.sequenceIndex === CDATA_START.length) startCommentLike(cursor, CDATA_END, 0);
      return true;
    }
    case BEFORE_COMMENT: {
      if (c === DASH) startCommentLike(cursor, COMMENT_END, SHORT_COMMENT_SEQUENCE_INDEX);
      else cursor.state = IN_DECLARATION;
      return true;
    }
    default: {
      // Before a declaration (`<!` read).
      if (c === OPENING_SQUARE_BRACKET) {
        cursor.state = CDATA_SEQUENCE;
        cursor.sequenceIndex = 0;
      } else {
        cursor.state = c === DASH ? BEFORE_COMMENT : IN_DECLARATION;
      }
      return true;
    }
  }
}

function startCommentLike(cursor: TokenizerCursor, sequence: readonly number[], sequenceIndex: number): void {
  cursor.state = IN_COMMENT_LIKE;
  cursor.sequence = sequence;
  cursor.sequenceIndex = sequenceIndex;
  cursor.sectionStart = cursor.index + 1;
}

/** Inside a comment or CDATA section: looks for `-->` or `]]>`, allowing longer runs (`--->`, `]]]>`). */
function stepCommentLike(cursor: TokenizerCursor, buffer: string, cbs: TokenCallbacks, c: number): void {
  const sequence = cursor.sequence;
  if (c === sequence[cursor.sequenceIndex]) {
    if (++cursor.sequenceIndex !== sequence.length) return;
    if (sequence === CDATA_END) cbs.oncdata(cursor.sectionStart, cursor.index, END_SEQUENCE_OFFSET);
    else cbs.oncomment(cursor.sectionStart, cursor.index, END_SEQUENCE_OFFSET);
    cursor.sequenceIndex = 0;
    cursor.sectionStart = cursor.index + 1;
    cursor.state = TEXT;
  } else if (cursor.sequenceIndex === 0) {
    const next = buffer.indexOf(String.fromCharCode(sequence[0] as number), cursor.index + 1);
    if (next >= 0) {
      cursor.index = next;
      cursor.sequenceIndex = 1;
    } else {
      cursor.index = buffer.length - 1;
    }
  } else if (c !== sequence[cursor.sequenceIndex - 1]) {
    cursor.sequenceIndex = 0;
  }
}

/**
 * Inside a raw-text or title element: looks for its end tag (case-insensitively, `(c | 0x20)` as htmlparser2
 * compares, so U+001C matches `<`). Outside `<title>` it skips to the next `<`.
 */
function stepSpecialTag(cursor: TokenizerCursor, buffer: string, cbs: TokenCallbacks, c: number): boolean {
  const sequence = cursor.sequence;
  if (cursor.sequenceIndex === sequence.length) {
    if (c === GT || isWhitespace(c)) {
      const endOfText = cursor.index - sequence.length;
      if (cursor.sectionStart < endOfText) cbs.ontext(cursor.sectionStart, endOfText);
      cursor.isSpecial = false;
      // The end tag's name starts after its `</`.
      cursor.sectionStart = endOfText + 2;
      cursor.state = IN_CLOSING_TAG_NAME;
      return false;
    }
    cursor.sequenceIndex = 0;
  }
  if ((c | LOWER_CASE_BIT) === sequence[cursor.sequenceIndex]) {
    cursor.sequenceIndex++;
  } else if (cursor.sequenceIndex === 0) {
    if (sequence === TITLE_END) return true;
    const lt = buffer.indexOf('<', cursor.index + 1);
    if (lt >= 0) {
      cursor.index = lt;
      cursor.sequenceIndex = 1;
    } else {
      cursor.index = buffer.length - 1;
    }
  } else {
    cursor.sequenceIndex = c === LT ? 1 : 0;
  }
  return true;
}
