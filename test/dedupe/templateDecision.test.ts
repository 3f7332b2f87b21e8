import { describe, expect, it } from 'vitest';
import { blockStatKey } from '../../src/load/recordBlockSightings.js';
import { blockSightings, domainCandidates, groupByDomain } from '../../src/jobs/process/templateDecision.js';
import { TEMPLATE_MIN_POSTS } from '../../src/dedupe/isTemplateBlock.js';
import { makeArticle } from './makeArticle.js';

const counting = (id: number, sourceUrl: string, statsFingerprints: string[]) => ({ article: makeArticle({ id, source_url: sourceUrl }), statsFingerprints });

describe('template decision shared by processPosts and the stage profile', () => {
  it('groups a batch by source domain, keeping batch order inside each', () => {
    const a = counting(1, 'https://one.example/a', []);
    const b = counting(2, 'https://two.example/b', []);
    const c = counting(3, 'https://one.example/c', []);
    const groups = groupByDomain([a, b, c]);
    expect([...groups.keys()]).toEqual(['one.example', 'two.example']);
    expect(groups.get('one.example')).toEqual([a, c]);
  });

  it('reports each evidence fingerprint once per article, with the text of its block as the sample', () => {
    const item = counting(1, 'https://one.example/a', []);
    const block = item.article.blocks[0]!;
    const sightings = blockSightings([{ ...item, statsFingerprints: [block.fingerprint, 'ffff'] }]);
    expect(sightings).toEqual([
      { sourceDomain: 'one.example', sourceUrl: expect.stringContaining('one.example/a'), fingerprint: block.fingerprint, sample: block.text },
      { sourceDomain: 'one.example', sourceUrl: expect.stringContaining('one.example/a'), fingerprint: 'ffff', sample: '' },
    ]);
  });

  it('reads only the counts the sightings did not return, and decides with both', () => {
    const items = [counting(1, 'https://one.example/a', ['aa', 'bb']), counting(2, 'https://one.example/b', ['bb', 'cc'])];
    const counted = new Map([
      [blockStatKey('one.example', 'aa'), TEMPLATE_MIN_POSTS],
      [blockStatKey('two.example', 'cc'), TEMPLATE_MIN_POSTS],
    ]);
    const candidates = domainCandidates('one.example', items, counted);
    expect(candidates.fingerprints).toEqual(['aa', 'bb', 'cc']);
    // 'cc' was counted for another source only: its count for this one must still be read.
    expect(candidates.unknown).toEqual(['bb', 'cc']);
    const read = new Map([
      ['bb', TEMPLATE_MIN_POSTS - 1],
      ['cc', TEMPLATE_MIN_POSTS],
    ]);
    expect([...candidates.templateBlocks(read, 10)].sort()).toEqual(['aa', 'cc']);
    // A count just returned by the sightings wins over an older one read from the table.
    expect([...candidates.templateBlocks(new Map([['aa', 1]]), 10)]).toEqual(['aa']);
  });
});
