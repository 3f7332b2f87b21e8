import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { HostBusyError, politeFetch } from '../../../src/jobs/fetch/politeFetch.js';
import { TEST_REDIS_URL } from '../../helpers/testDatabase.js';

const prefix = `wpt_hostconc_${randomBytes(4).toString('hex')}`;
const config = loadConfig({ WPINGEST_QUEUE_PREFIX: prefix, WPINGEST_HOST_CONCURRENCY: '2' });
const log = createLogger('silent');
// Two connections stand for two fetch processes: the limit must hold across them.
const processes = [new Redis(TEST_REDIS_URL), new Redis(TEST_REDIS_URL)];

afterAll(async () => {
  const keys = await processes[0]!.keys(`${prefix}:*`);
  if (keys.length > 0) await processes[0]!.del(...keys);
  for (const redis of processes) redis.disconnect();
});

describe('per-host concurrency', () => {
  it('never lets more requests than WPINGEST_HOST_CONCURRENCY reach one host at once, across processes', async () => {
    let inFlight = 0;
    let peak = 0;
    const request = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(60);
      inFlight--;
      return 'ok';
    };
    const calls = Array.from({ length: 12 }, (_, i) =>
      politeFetch({ redis: processes[i % 2]!, config, log }, { url: 'http://127.0.0.1:9/wp-json/', ratePerS: null }, request, { busy: 'wait' }),
    );
    expect(await Promise.all(calls)).toEqual(Array(12).fill('ok'));
    expect(peak).toBe(2);
  });

  it('hands a queued job back with HostBusyError when the host stays full, and frees places on failure', async () => {
    const target = { url: 'http://127.0.0.1:10/wp-json/', ratePerS: null };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const blockers = [0, 1].map(() => politeFetch({ redis: processes[0]!, config, log }, target, () => held, { busy: 'wait' }));
    await sleep(50);
    await expect(politeFetch({ redis: processes[1]!, config, log }, target, async () => 'never')).rejects.toBeInstanceOf(HostBusyError);
    release();
    await Promise.all(blockers);
    await expect(
      politeFetch({ redis: processes[1]!, config, log }, target, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await politeFetch({ redis: processes[1]!, config, log }, target, async () => 'free again')).toBe('free again');
  });
});
