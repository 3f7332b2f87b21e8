import fc from 'fast-check';
import { it, expect } from 'vitest';
import { parseJsonBuffer, escapesUnstorableBytes } from '../../src/fetch/parseJsonBuffer.js';
it('matches JSON.parse', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue()), (value) => {
      const text = JSON.stringify(value, null, Math.random() < 0.5 ? 2 : 0);
      expect(parseJsonBuffer(Buffer.from(text))).toEqual(JSON.parse(text));
    }),
    { numRuns: 2000 },
  );
  for (const bad of ['[1,2', '[{"a":"]"}', '[1] x', '[1,]', '[{"a":1}']) expect(() => parseJsonBuffer(Buffer.from(bad))).toThrow();
  expect(parseJsonBuffer(Buffer.from(' [ {"a":"x\\"],"} , 2 ] '))).toEqual([{ a: 'x"],' }, 2]);
  expect(escapesUnstorableBytes(Buffer.from('["a\\u0000"]'))).toBe(true);
  expect(escapesUnstorableBytes(Buffer.from('["a\\uD800"]'))).toBe(true);
  expect(escapesUnstorableBytes(Buffer.from('["a\\u00e9"]'))).toBe(false);
});
