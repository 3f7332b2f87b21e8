import { bench, describe } from 'vitest';
import { simhash64 } from '../../src/dedupe/simhash64.js';
import { generateParagraphs } from './generateText.js';

/** A 5 KB news-like body, the size of a typical article. */
const FIVE_KB_TEXT = generateParagraphs(99, 2000)
  .join('\n\n')
  .slice(0, 5 * 1024);

describe('simhash64', () => {
  bench('5 KB body', () => {
    simhash64(FIVE_KB_TEXT);
  });
});
