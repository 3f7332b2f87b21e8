import { Redis } from 'ioredis';

/** Keys deleted per SCAN step; the SCAN loop ends when Redis returns cursor 0. */
const SCAN_COUNT = 1000;

/** Removes every key under a queue prefix (the bench's own prefix, never a shared one). */
export async function obliterateQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', SCAN_COUNT);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
