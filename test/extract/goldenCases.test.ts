import { describe, expect, it } from 'vitest';
import { DROP_REASONS } from '../../src/extract/index.js';
import { caseNames, extractCase, goldenRecord, readCase } from './goldenFixtures.js';

/**
 * Every golden case written by `npm run golden:add` (its expected.json records `wp.site` and the removal
 * reasons): the extractor must still produce every recorded field. Hand-written cases without those fields are
 * checked by their own tests (seedArticle, wordpressPosts, scrapedPages).
 */
const recorded = caseNames().filter((name) => {
  const { expected } = readCase(name);
  return Array.isArray(expected.removed) && typeof (expected.wp as { site?: unknown } | undefined)?.site === 'string';
});

describe('golden extraction cases', () => {
  it('has the cases added by golden:add', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of recorded) {
    it(`${name} matches its golden file`, () => {
      const { post, expected } = readCase(name);
      const actual = goldenRecord(extractCase(post, (expected.wp as { site: string }).site));
      for (const [field, value] of Object.entries(expected)) expect({ field, value: actual[field] }).toEqual({ field, value });
    });
  }
});

describe('drop reasons', () => {
  it('names each reason once', () => {
    expect(new Set(DROP_REASONS).size).toBe(DROP_REASONS.length);
  });

  it('records only reasons of DROP_REASONS on every golden case, whatever the site', () => {
    const known = new Set<string>(DROP_REASONS);
    const recordedReasons = caseNames().flatMap((name) => extractCase(readCase(name).post, 'https://example.org').removed.map((block) => block.reason));
    expect(recordedReasons.length).toBeGreaterThan(0);
    expect(recordedReasons.filter((reason) => !known.has(reason))).toEqual([]);
  });
});
