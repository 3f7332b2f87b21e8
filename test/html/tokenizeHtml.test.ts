import fc from 'fast-check';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { tokenizeHtml, type TokenCallbacks } from '../../src/html/tokenizeHtml.js';

const CALLBACK_NAMES = [
  'ontext', 'onopentagname', 'onopentagend', 'onselfclosingtag', 'onclosetag', 'onattribname', 'onattribdata', 'onattribend',
  'oncomment', 'oncdata', 'ondeclaration', 'onprocessinginstruction', 'onend', 'onattribentity', 'ontextentity',
] as const;

/** Callbacks that record every call with its arguments. */
function recorder(): { calls: unknown[][]; callbacks: TokenCallbacks } {
  const calls: unknown[][] = [];
  const callbacks = Object.fromEntries(CALLBACK_NAMES.map((name) => [name, (...args: unknown[]) => calls.push([name, ...args])]));
  return { calls, callbacks: callbacks as unknown as TokenCallbacks };
}

function htmlparser2Tokens(markup: string): unknown[][] {
  const { calls, callbacks } = recorder();
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, callbacks as never);
  tokenizer.write(markup);
  tokenizer.end();
  return calls;
}

function ownTokens(markup: string): unknown[][] {
  const { calls, callbacks } = recorder();
  tokenizeHtml(markup, callbacks);
  return calls;
}

/** Pieces reaching every tokenizer state, including unfinished constructs when they end the input. */
const PIECE = fc.constantFrom(
  '<', '</', '<!', '<?', '>', '/>', '/', '=', '"', "'", ' ', '\n', '\t', '\f', '\r', 'x', 'A', '1', '&amp;', '\x1c', '-', ']',
  '<a', '<A', '<div', '<p', '<br', ' b', ' B=', ' c="d"', " e='f'", ' g=h', ' i = j', '</a', '</P', '</ ', '</>', '</1', '</a x>',
  '<s', '<sc', '<script', '<script>', '</script', '</script>', '</SCRIPT >', '<style>', '</style>', '<st', '<sx',
  '<t', '<ti', '<title>', '</title>', '<textarea>', '</textarea>', '<x', '<xmp>', '</xmp>', '<xitle>', '<script/>', '<title/>',
  '<!-', '<!--', '-->', '--->', '<!-->', '<![', '<![CDATA', '<![CDATA[', ']]>', ']]]>', '<![cdata[', '<!doctype html>', '<!x>',
  '<?x ?>', '<<', '<</script>',
);

describe('tokenizeHtml', () => {
  it('reports the tokens htmlparser2 10 reports without entity decoding, at the same indices', () => {
    fc.assert(fc.property(fc.array(PIECE, { maxLength: 30 }), (pieces) => {
      const markup = pieces.join('');
      expect(ownTokens(markup)).toEqual(htmlparser2Tokens(markup));
    }), { numRuns: 20000 });
  });

  it('reports the same tokens on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '-', '[', ']', '?', '"', "'", '=', ' ', 's', 't', 'x', 'a', 'C') , maxLength: 40 }), (markup) => {
      expect(ownTokens(markup)).toEqual(htmlparser2Tokens(markup));
    }), { numRuns: 20000 });
  });
});
