import { describe, expect, it } from 'vitest';
import { normaliseSourceUrl } from '../../src/dedupe/normaliseSourceUrl.js';
import { sourceDomain } from '../../src/dedupe/sourceDomain.js';

describe('normaliseSourceUrl', () => {
  it.each([
    ['http://www.euronews.com/2026/05/05/eus-kallas-visits-baku', 'https://euronews.com/2026/05/05/eus-kallas-visits-baku'],
    ['HTTPS://WWW.Example.COM/News/Story/', 'https://example.com/News/Story'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'https://example.com/a'],
    ['http://example.com:8080/a', 'https://example.com:8080/a'],
    ['https://example.com./a#comments', 'https://example.com/a'],
    ['https://user:secret@example.com/a', 'https://example.com/a'],
    ['https://example.com/a?utm_source=tw&utm_medium=social&UTM_Campaign=x', 'https://example.com/a'],
    ['https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=home&ocid=5&cmpid=6&_ga=7', 'https://example.com/a'],
    ['https://example.com/a?at_medium=rss&at_campaign=x&xtor=RSS-1&igshid=9&spm=a.b', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1&utm_source=x', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/a?id=5&id=3', 'https://example.com/a?id=3&id=5'],
    ['https://example.com/?p=1919640', 'https://example.com/?p=1919640'],
    ['https://example.com/caf%c3%a9', 'https://example.com/caf%C3%A9'],
    ['https://example.com/café', 'https://example.com/caf%C3%A9'],
    ['  https://example.com/a  ', 'https://example.com/a'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseSourceUrl(input)).toBe(expected);
  });

  it.each([['not a url'], [''], ['ftp://example.com/a'], ['mailto:a@example.com'], ['javascript:alert(1)'], ['/relative/path']])(
    'returns null for %j',
    (input) => {
      expect(normaliseSourceUrl(input)).toBeNull();
    },
  );

  it('gives the same key for a shared link and the canonical link of one article', () => {
    const shared = 'http://www.euronews.com/2026/05/05/story/?utm_source=Facebook&fbclid=IwAR0#comments';
    const canonical = 'https://euronews.com/2026/05/05/story';
    expect(normaliseSourceUrl(shared)).toBe(normaliseSourceUrl(canonical));
  });

  it('keeps path case and meaningful parameters apart', () => {
    expect(normaliseSourceUrl('https://example.com/A')).not.toBe(normaliseSourceUrl('https://example.com/a'));
    expect(normaliseSourceUrl('https://example.com/?p=1')).not.toBe(normaliseSourceUrl('https://example.com/?p=2'));
  });
});

describe('sourceDomain', () => {
  it.each([
    ['http://www.euronews.com/2026/05/05/story', 'euronews.com'],
    ['https://WWW.BBC.co.uk/news', 'bbc.co.uk'],
    ['https://edition.cnn.com:8443/x', 'edition.cnn.com'],
    ['https://alice.wordpress.com/post', 'alice.wordpress.com'],
  ])('%s → %s', (input, expected) => {
    expect(sourceDomain(input)).toBe(expected);
  });

  it('returns null for unparseable or non-http URLs', () => {
    expect(sourceDomain('nope')).toBeNull();
    expect(sourceDomain('ftp://example.com/')).toBeNull();
  });
});
