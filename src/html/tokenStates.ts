/**
 * htmlparser2 10's tokenizer states (those reachable without entity decoding), the characters it tests and the
 * end sequences it looks for, shared by `tokenizeHtml` and `stepRareState`.
 */

export const TEXT = 1;
export const BEFORE_TAG_NAME = 2;
export const IN_TAG_NAME = 3;
export const IN_SELF_CLOSING_TAG = 4;
export const BEFORE_CLOSING_TAG_NAME = 5;
export const IN_CLOSING_TAG_NAME = 6;
export const AFTER_CLOSING_TAG_NAME = 7;
export const BEFORE_ATTRIBUTE_NAME = 8;
export const IN_ATTRIBUTE_NAME = 9;
export const AFTER_ATTRIBUTE_NAME = 10;
export const BEFORE_ATTRIBUTE_VALUE = 11;
export const IN_ATTRIBUTE_VALUE_DQ = 12;
export const IN_ATTRIBUTE_VALUE_SQ = 13;
export const IN_ATTRIBUTE_VALUE_NQ = 14;
export const BEFORE_DECLARATION = 15;
export const IN_DECLARATION = 16;
export const IN_PROCESSING_INSTRUCTION = 17;
export const BEFORE_COMMENT = 18;
export const CDATA_SEQUENCE = 19;
export const IN_SPECIAL_COMMENT = 20;
export const IN_COMMENT_LIKE = 21;
export const BEFORE_SPECIAL_S = 22;
export const BEFORE_SPECIAL_T = 23;
export const SPECIAL_START_SEQUENCE = 24;
export const IN_SPECIAL_TAG = 25;

export const TAB = 9;
export const NEW_LINE = 10;
export const FORM_FEED = 12;
export const CARRIAGE_RETURN = 13;
export const SPACE = 32;
export const EXCLAMATION_MARK = 33;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const DASH = 45;
export const SLASH = 47;
export const LT = 60;
export const EQ = 61;
export const GT = 62;
export const QUESTION_MARK = 63;
export const OPENING_SQUARE_BRACKET = 91;
/** OR-ing an ASCII capital with this lower-cases it (the tokenizer compares names case-insensitively this way). */
export const LOWER_CASE_BIT = 0x20;

function codes(text: string): readonly number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

export const CDATA_START = codes('CDATA[');
export const CDATA_END = codes(']]>');
export const COMMENT_END = codes('-->');
export const SCRIPT_END = codes('</script');
export const STYLE_END = codes('</style');
export const TITLE_END = codes('</title');
export const TEXTAREA_END = codes('</textarea');
export const XMP_END = codes('</xmp');

export function isWhitespace(c: number): boolean {
  return c === SPACE || c === NEW_LINE || c === TAB || c === FORM_FEED || c === CARRIAGE_RETURN;
}

export function isEndOfTagSection(c: number): boolean {
  return c === SLASH || c === GT || isWhitespace(c);
}

export function isAsciiAlpha(c: number): boolean {
  const lower = c | LOWER_CASE_BIT;
  return lower >= 0x61 && lower <= 0x7a;
}
