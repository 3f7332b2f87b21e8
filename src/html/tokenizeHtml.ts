import { stepRareState, type TokenizerCursor } from './stepRareState.js';
import {
  AFTER_ATTRIBUTE_NAME, AFTER_CLOSING_TAG_NAME, BEFORE_ATTRIBUTE_NAME, BEFORE_ATTRIBUTE_VALUE, BEFORE_CLOSING_TAG_NAME, BEFORE_DECLARATION,
  BEFORE_SPECIAL_S, BEFORE_SPECIAL_T, BEFORE_TAG_NAME, CDATA_END, COMMENT_END, DOUBLE_QUOTE, EQ, EXCLAMATION_MARK, GT, IN_ATTRIBUTE_NAME,
  IN_ATTRIBUTE_VALUE_DQ, IN_ATTRIBUTE_VALUE_NQ, IN_ATTRIBUTE_VALUE_SQ, IN_CLOSING_TAG_NAME, IN_COMMENT_LIKE, IN_PROCESSING_INSTRUCTION,
  IN_SELF_CLOSING_TAG, IN_SPECIAL_COMMENT, IN_SPECIAL_TAG, IN_TAG_NAME, isAsciiAlpha, isEndOfTagSection, isWhitespace, LOWER_CASE_BIT, QUESTION_MARK, SCRIPT_END,
  SINGLE_QUOTE, SLASH, SPECIAL_START_SEQUENCE, STYLE_END, TEXT, TEXTAREA_END, TITLE_END, XMP_END,
} from './tokenStates.js';

/**
 * What the tokenizer reports: htmlparser2's tokenizer callbacks without the two entity ones (entities are left
 * in the text and decoded by the tree builder, see `parseMarkup`). Indices are positions in the buffer.
 */
export interface TokenCallbacks {
  ontext(start: number, endIndex: number): void;
  onopentagname(start: number, endIndex: number): void;
  onopentagend(endIndex: number): void;
  onselfclosingtag(endIndex: number): void;
  onclosetag(start: number, endIndex: number): void;
  onattribname(start: number, endIndex: number): void;
  onattribdata(start: number, endIndex: number): void;
  /** `quote` as htmlparser2's QuoteType: 0 no value, 1 unquoted, 2 single, 3 double. */
  onattribend(quote: number, endIndex: number): void;
  oncomment(start: number, endIndex: number, endOffset: number): void;
  oncdata(start: number, endIndex: number, endOffset: number): void;
  ondeclaration(start: number, endIndex: number): void;
  onprocessinginstruction(start: number, endIndex: number): void;
  onend(): void;
}

// htmlparser2's QuoteType values.
const QUOTE_NONE = 0;
const QUOTE_UNQUOTED = 1;
const QUOTE_SINGLE = 2;
const QUOTE_DOUBLE = 3;
/** Where a special element's end sequence is picked up: after `</` and the two letters the tag name started with. */
const SPECIAL_SEQUENCE_OFFSET = 4;

/** The special-element end sequence chosen by the second letter of `<s…` and `<t…`/`<x…` tags, or null. */
function specialSequence(state: number, c: number): readonly number[] | null {
  const lower = c | LOWER_CASE_BIT;
  if (state === BEFORE_SPECIAL_S) return lower === SCRIPT_END[3] ? SCRIPT_END : lower === STYLE_END[3] ? STYLE_END : null;
  if (lower === TITLE_END[3]) return TITLE_END;
  return lower === TEXTAREA_END[3] ? TEXTAREA_END : lower === XMP_END[3] ? XMP_END : null;
}

/**
 * Tokenizes a whole HTML buffer exactly as htmlparser2 10's `Tokenizer` does with `decodeEntities: false` and one
 * `write` followed by `end` (same callbacks, same indices, same quirks; a property test compares the two), in one
 * loop over local state: the class's per-character method calls and field reads were most of the parse time. Text,
 * tags and attributes are read here (a state that hands a character on to the next one `continue`s without
 * advancing); the states pages seldom reach go through `stepRareState`. One function, as the loop is the hot path.
 */
export function tokenizeHtml(buffer: string, cbs: TokenCallbacks): void {
  const length = buffer.length;
  const cursor: TokenizerCursor = { state: TEXT, sectionStart: 0, index: 0, isSpecial: false, sequence: COMMENT_END, sequenceIndex: 0 };
  let state = TEXT;
  let sectionStart = 0;
  let i = 0;
  let isSpecial = false;
  let sequence = COMMENT_END;
  let sequenceIndex = 0;
  while (i < length) {
    let c = buffer.charCodeAt(i);
    switch (state) {
      case TEXT: {
        const lt = buffer.indexOf('<', i);
        if (lt < 0) {
          i = length;
          continue;
        }
        if (lt > sectionStart) cbs.ontext(sectionStart, lt);
        state = BEFORE_TAG_NAME;
        sectionStart = lt;
        i = lt + 1;
        continue;
      }
      case IN_ATTRIBUTE_VALUE_DQ:
      case IN_ATTRIBUTE_VALUE_SQ: {
        const end = buffer.indexOf(state === IN_ATTRIBUTE_VALUE_DQ ? '"' : "'", i);
        if (end < 0) {
          i = length;
          continue;
        }
        cbs.onattribdata(sectionStart, end);
        sectionStart = -1;
        cbs.onattribend(state === IN_ATTRIBUTE_VALUE_DQ ? QUOTE_DOUBLE : QUOTE_SINGLE, end + 1);
        state = BEFORE_ATTRIBUTE_NAME;
        i = end + 1;
        continue;
      }
      case IN_ATTRIBUTE_NAME: {
        while (c !== EQ && !isEndOfTagSection(c) && ++i < length) c = buffer.charCodeAt(i);
        if (i === length) continue;
        cbs.onattribname(sectionStart, i);
        sectionStart = i;
        state = AFTER_ATTRIBUTE_NAME;
        continue;
      }
      case BEFORE_ATTRIBUTE_NAME: {
        if (c === GT) {
          cbs.onopentagend(i);
          if (isSpecial) {
            state = IN_SPECIAL_TAG;
            sequenceIndex = 0;
          } else {
            state = TEXT;
          }
          sectionStart = i + 1;
        } else if (c === SLASH) {
          state = IN_SELF_CLOSING_TAG;
        } else if (!isWhitespace(c)) {
          state = IN_ATTRIBUTE_NAME;
          sectionStart = i;
        }
        break;
      }
      case IN_TAG_NAME: {
        while (!isEndOfTagSection(c) && ++i < length) c = buffer.charCodeAt(i);
        if (i === length) continue;
        cbs.onopentagname(sectionStart, i);
        sectionStart = -1;
        state = BEFORE_ATTRIBUTE_NAME;
        continue;
      }
      case IN_CLOSING_TAG_NAME: {
        while (c !== GT && !isWhitespace(c) && ++i < length) c = buffer.charCodeAt(i);
        if (i === length) continue;
        cbs.onclosetag(sectionStart, i);
        sectionStart = -1;
        state = AFTER_CLOSING_TAG_NAME;
        continue;
      }
      case AFTER_CLOSING_TAG_NAME: {
        const gt = buffer.indexOf('>', i);
        if (gt < 0) {
          i = length;
          continue;
        }
        state = TEXT;
        sectionStart = gt + 1;
        i = gt + 1;
        continue;
      }
      case BEFORE_TAG_NAME: {
        if (c === EXCLAMATION_MARK) {
          state = BEFORE_DECLARATION;
          sectionStart = i + 1;
        } else if (c === QUESTION_MARK) {
          state = IN_PROCESSING_INSTRUCTION;
          sectionStart = i + 1;
        } else if (isAsciiAlpha(c)) {
          const lower = c | LOWER_CASE_BIT;
          sectionStart = i;
          state = lower === SCRIPT_END[2] ? BEFORE_SPECIAL_S : lower === TITLE_END[2] || lower === XMP_END[2] ? BEFORE_SPECIAL_T : IN_TAG_NAME;
        } else if (c === SLASH) {
          state = BEFORE_CLOSING_TAG_NAME;
        } else {
          state = TEXT;
          continue;
        }
        break;
      }
      case AFTER_ATTRIBUTE_NAME: {
        if (c === EQ) {
          state = BEFORE_ATTRIBUTE_VALUE;
        } else if (c === SLASH || c === GT) {
          cbs.onattribend(QUOTE_NONE, sectionStart);
          sectionStart = -1;
          state = BEFORE_ATTRIBUTE_NAME;
          continue;
        } else if (!isWhitespace(c)) {
          cbs.onattribend(QUOTE_NONE, sectionStart);
          state = IN_ATTRIBUTE_NAME;
          sectionStart = i;
        }
        break;
      }
      case BEFORE_ATTRIBUTE_VALUE: {
        if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
          state = c === DOUBLE_QUOTE ? IN_ATTRIBUTE_VALUE_DQ : IN_ATTRIBUTE_VALUE_SQ;
          sectionStart = i + 1;
        } else if (!isWhitespace(c)) {
          sectionStart = i;
          state = IN_ATTRIBUTE_VALUE_NQ;
          continue;
        }
        break;
      }
      case IN_ATTRIBUTE_VALUE_NQ: {
        while (c !== GT && !isWhitespace(c) && ++i < length) c = buffer.charCodeAt(i);
        if (i === length) continue;
        cbs.onattribdata(sectionStart, i);
        sectionStart = -1;
        cbs.onattribend(QUOTE_UNQUOTED, i);
        state = BEFORE_ATTRIBUTE_NAME;
        continue;
      }
      case BEFORE_CLOSING_TAG_NAME: {
        // `</>` is dropped from the tag but, as its text section is not restarted, comes back as text.
        if (c === GT) {
          state = TEXT;
        } else if (!isWhitespace(c)) {
          state = isAsciiAlpha(c) ? IN_CLOSING_TAG_NAME : IN_SPECIAL_COMMENT;
          sectionStart = i;
        }
        break;
      }
      case IN_SELF_CLOSING_TAG: {
        if (c === GT) {
          cbs.onselfclosingtag(i);
          state = TEXT;
          sectionStart = i + 1;
          isSpecial = false;
        } else if (!isWhitespace(c)) {
          state = BEFORE_ATTRIBUTE_NAME;
          continue;
        }
        break;
      }
      case BEFORE_SPECIAL_S:
      case BEFORE_SPECIAL_T: {
        const special = specialSequence(state, c);
        if (!special) {
          state = IN_TAG_NAME;
          continue;
        }
        isSpecial = true;
        sequence = special;
        sequenceIndex = SPECIAL_SEQUENCE_OFFSET;
        state = SPECIAL_START_SEQUENCE;
        break;
      }
      case SPECIAL_START_SEQUENCE: {
        const isEnd = sequenceIndex === sequence.length;
        const isMatch = isEnd ? isEndOfTagSection(c) : (c | LOWER_CASE_BIT) === sequence[sequenceIndex];
        if (isMatch && !isEnd) {
          sequenceIndex++;
          break;
        }
        if (!isMatch) isSpecial = false;
        sequenceIndex = 0;
        state = IN_TAG_NAME;
        continue;
      }
      default: {
        cursor.state = state;
        cursor.sectionStart = sectionStart;
        cursor.index = i;
        cursor.isSpecial = isSpecial;
        cursor.sequence = sequence;
        cursor.sequenceIndex = sequenceIndex;
        const consumed = stepRareState(cursor, buffer, cbs, c);
        ({ state, sectionStart, index: i, isSpecial, sequence, sequenceIndex } = cursor);
        if (!consumed) continue;
      }
    }
    i++;
  }
  finish(buffer, cbs, state, sectionStart, sequence === CDATA_END, state === IN_SPECIAL_TAG && sequenceIndex === 0);
}

/** States in which input left at the end is an unfinished tag, which htmlparser2 drops. */
const UNFINISHED_TAG_STATES: ReadonlySet<number> = new Set([
  IN_TAG_NAME, BEFORE_ATTRIBUTE_NAME, BEFORE_ATTRIBUTE_VALUE, AFTER_ATTRIBUTE_NAME, IN_ATTRIBUTE_NAME,
  IN_ATTRIBUTE_VALUE_SQ, IN_ATTRIBUTE_VALUE_DQ, IN_ATTRIBUTE_VALUE_NQ, IN_CLOSING_TAG_NAME,
]);

/** The end of the buffer: the tokenizer's `cleanup` after its loop, then `end` (trailing data, `onend`). */
function finish(buffer: string, cbs: TokenCallbacks, state: number, start: number, inCdata: boolean, inSpecialText: boolean): void {
  const length = buffer.length;
  let sectionStart = start;
  if (sectionStart !== length) {
    if (state === TEXT || inSpecialText) {
      cbs.ontext(sectionStart, length);
      sectionStart = length;
    } else if (state === IN_ATTRIBUTE_VALUE_DQ || state === IN_ATTRIBUTE_VALUE_SQ || state === IN_ATTRIBUTE_VALUE_NQ) {
      cbs.onattribdata(sectionStart, length);
      sectionStart = length;
    }
  }
  if (sectionStart < length) {
    if (state === IN_COMMENT_LIKE) {
      if (inCdata) cbs.oncdata(sectionStart, length, 0);
      else cbs.oncomment(sectionStart, length, 0);
    } else if (!UNFINISHED_TAG_STATES.has(state)) {
      cbs.ontext(sectionStart, length);
    }
  }
  cbs.onend();
}
