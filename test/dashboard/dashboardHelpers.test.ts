import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../src/dashboard/formatValues.js';
import { escapeHtml, html, rawHtml } from '../../src/dashboard/html.js';
import { isLoopbackHost } from '../../src/dashboard/isLoopbackHost.js';
import { offeredToken, tokenMatches } from '../../src/dashboard/requireToken.js';
import { runRates, type RunProgressRow } from '../../src/dashboard/runRates.js';
import { parsePrometheusText } from './parsePrometheusText.js';

const STARTED = new Date('2026-01-01T00:00:00Z');
const run = (patch: Partial<RunProgressRow> = {}): RunProgressRow => ({
  id: 1,
  status: 'running',
  kind: 'backfill',
  siteUrl: 'https://a.test/',
  totalPages: 10,
  totalPosts: 1000,
  pagesPlanned: 10,
  pagesProcessed: 4,
  pagesFailed: 1,
  postsProcessed: 400,
  createdAt: STARTED,
  startedAt: STARTED,
  finishedAt: null,
  error: null,
  ...patch,
});

describe('isLoopbackHost', () => {
  it('accepts 127.0.0.0/8, ::1 and localhost', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
  });
  it('rejects wildcard, private and public addresses and other names', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.10', '128.0.0.1', 'example.com', 'localhost.example.com', '::ffff:10.0.0.1', ''])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('token checks', () => {
  it('reads a Bearer token and the password of Basic credentials', () => {
    expect(offeredToken('Bearer abc')).toBe('abc');
    expect(offeredToken(`Basic ${Buffer.from('user:pa:ss').toString('base64')}`)).toBe('pa:ss');
    expect(offeredToken(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeUndefined();
    expect(offeredToken('Digest abc')).toBeUndefined();
    expect(offeredToken(undefined)).toBeUndefined();
  });
  it('matches only the exact token, whatever the lengths', () => {
    expect(tokenMatches('a-long-enough-token', 'a-long-enough-token')).toBe(true);
    expect(tokenMatches('a-long-enough-token!', 'a-long-enough-token')).toBe(false);
    expect(tokenMatches('', 'a-long-enough-token')).toBe(false);
  });
});

describe('html', () => {
  it('escapes interpolated values but not nested html or raw markup', () => {
    const value = `"><script>alert('x')</script>&`;
    expect(escapeHtml(value)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
    expect(html`<td title="${value}">${[value, html`<b>${1}</b>`]}${rawHtml('<i>ok</i>')}</td>`.value).toBe(
      `<td title="${escapeHtml(value)}">${escapeHtml(value)}<b>1</b><i>ok</i></td>`,
    );
  });
});

describe('runRates', () => {
  it('computes posts per second and the ETA of a running run', () => {
    const rates = runRates(run(), new Date(STARTED.getTime() + 100_000));
    expect(rates).toEqual({ pagesDone: 5, pagesTotal: 10, postsPerSecond: 4, etaSeconds: 150 });
  });
  it('has no rate before the run starts and no ETA once it finished', () => {
    expect(runRates(run({ startedAt: null }), STARTED)).toMatchObject({ postsPerSecond: null, etaSeconds: null });
    const done = runRates(run({ status: 'done', finishedAt: new Date(STARTED.getTime() + 200_000) }), new Date(STARTED.getTime() + 900_000));
    expect(done).toMatchObject({ postsPerSecond: 2, etaSeconds: null });
  });
  it('falls back to the pages planned when the plan total is unknown', () => {
    expect(runRates(run({ totalPages: null, pagesPlanned: 3 }), STARTED).pagesTotal).toBe(3);
  });
});

describe('formatting', () => {
  it('formats durations and byte counts', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(185)).toBe('3m 05s');
    expect(formatDuration(3720)).toBe('1h 02m');
    expect(formatDuration(null)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});

describe('parsePrometheusText (the tests own parser)', () => {
  it('rejects malformed exposition text, so the metrics tests can fail', () => {
    expect(() => parsePrometheusText('# TYPE a gauge\na{x="1" 2\n')).toThrow();
    expect(() => parsePrometheusText('b 1\n')).toThrow(/before its # TYPE/);
    expect(() => parsePrometheusText('# TYPE a gauge\na one\n')).toThrow(/bad value/);
    expect(parsePrometheusText('# TYPE a gauge\na{x="q\\"uote",y="2"} 3\n').samples).toEqual([{ name: 'a', labels: { x: 'q"uote', y: '2' }, value: 3 }]);
  });
});
