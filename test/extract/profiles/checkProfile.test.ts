import { describe, expect, it } from 'vitest';
import { SITE_PROFILES } from '../../../src/extract/index.js';
import { checkProfile } from '../../../src/extract/profiles/checkProfile.js';

describe('checkProfile', () => {
  it('passes every shipped profile (the list is checked as it loads)', () => {
    expect(SITE_PROFILES.length).toBeGreaterThan(0);
    for (const profile of SITE_PROFILES) expect(checkProfile(profile)).toBe(profile);
  });

  it('fails on a profile selector that does not compile, naming the profile and the selector', () => {
    const base = SITE_PROFILES[0];
    if (!base) throw new Error('no profile');
    expect(() => checkProfile({ ...base, name: 'broken', published: 'time[datetime' })).toThrow('site profile "broken": invalid CSS selector "time[datetime"');
    expect(() => checkProfile({ ...base, name: 'broken', drop: { '.ad, :bogus': 'ad' } })).toThrow(/site profile "broken": invalid CSS selector ".ad, :bogus"/);
  });
});
