import { describe, expect, it } from 'vitest';
import { formatInterval, parseInterval } from '../../src/scheduler/parseInterval.js';
import { formatRate, parseRate } from '../../src/scheduler/parseRate.js';

describe('source schedule and rate values', () => {
  it('reads periods in ms, s, m, h and d, from 1s to 24d', () => {
    expect(parseInterval('5m')).toEqual({ ms: 300_000 });
    expect(parseInterval('1s')).toEqual({ ms: 1000 });
    expect(parseInterval('1500ms')).toEqual({ ms: 1500 });
    expect(parseInterval('1.5h')).toEqual({ ms: 5_400_000 });
    expect(parseInterval('24d')).toEqual({ ms: 24 * 86_400_000 });
    for (const bad of ['5', 'm', '5x', '-1s', '999ms', '25d', '']) expect(parseInterval(bad), bad).toHaveProperty('error');
  });

  it('reads rates per second, minute or hour', () => {
    expect(parseRate('2/s')).toEqual({ perSecond: 2 });
    expect(parseRate('30/m')).toEqual({ perSecond: 0.5 });
    expect(parseRate('3600/h')).toEqual({ perSecond: 1 });
    expect(parseRate('0.5')).toEqual({ perSecond: 0.5 });
    for (const bad of ['fast', '0/s', '2/d', '2000/s', '-1/s']) expect(parseRate(bad), bad).toHaveProperty('error');
  });

  it('prints them back in the shortest exact unit', () => {
    expect(formatInterval(300_000)).toBe('5m');
    expect(formatInterval(1500)).toBe('1500ms');
    expect(formatInterval(86_400_000)).toBe('1d');
    expect(formatRate(2)).toBe('2/s');
    expect(formatRate(0.5)).toBe('30/m');
    expect(formatRate(1 / 3600)).toBe('1/h');
  });
});
