import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { CIRCUIT_FAILURE_THRESHOLD, readCircuit, recordHostFailure, recordHostSuccess, reserveSlot } from '../../src/scheduler/hostGate.js';
import { TEST_REDIS_URL } from '../helpers/testDatabase.js';

describe('host gate in Redis, shared by separate connections (as separate fetch processes are)', () => {
  const prefix = `wpt_gate_${randomBytes(4).toString('hex')}`;
  const clients = [new Redis(TEST_REDIS_URL), new Redis(TEST_REDIS_URL)];
  afterAll(async () => {
    const keys = await clients[0]!.keys(`${prefix}:*`);
    if (keys.length > 0) await clients[0]!.del(...keys);
    for (const client of clients) client.disconnect();
  });

  it('hands out evenly spaced slots across connections, and refuses slots too far ahead', async () => {
    const slots: number[] = [];
    for (let i = 0; i < 8; i++) {
      const asked = performance.now();
      const slot = await reserveSlot(clients[i % 2]!, prefix, 'example.com', 10, 2000);
      expect(slot.granted).toBe(true);
      if (slot.granted) slots.push(asked + slot.waitMs);
    }
    // Slot times 100 ms apart at 10/s (give or take the round trip of each call).
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(95);
    expect(await reserveSlot(clients[0]!, prefix, 'slow.example', 0.5, 1000)).toEqual({ granted: true, waitMs: 0 });
    const far = await reserveSlot(clients[1]!, prefix, 'slow.example', 0.5, 1000);
    expect(far.granted).toBe(false);
    // Told to come back when the slot is within the allowed wait: 2000 ms away minus 1000 ms.
    if (!far.granted) expect(far.retryAfterMs).toBeGreaterThan(900);
    const other = await reserveSlot(clients[1]!, prefix, 'other.example', 10, 2000);
    expect(other).toEqual({ granted: true, waitMs: 0 });
  });

  it('leaves a short burst of failures alone', async () => {
    for (let i = 0; i < CIRCUIT_FAILURE_THRESHOLD * 3; i++) expect((await recordHostFailure(clients[i % 2]!, prefix, 'flaky.example')).opened).toBe(false);
    expect(await readCircuit(clients[0]!, prefix, 'flaky.example')).toMatchObject({ open: false, failures: CIRCUIT_FAILURE_THRESHOLD * 3 });
  });

  it('opens the circuit once at the threshold of a lasting streak; a success ends the streak', async () => {
    const opened: boolean[] = [];
    for (let i = 0; i < CIRCUIT_FAILURE_THRESHOLD + 2; i++)
      opened.push((await recordHostFailure(clients[i % 2]!, prefix, 'down.example', { minStreakMs: 0 })).opened);
    expect(opened.filter(Boolean)).toHaveLength(1);
    expect(opened[CIRCUIT_FAILURE_THRESHOLD - 1]).toBe(true);
    expect(await readCircuit(clients[0]!, prefix, 'down.example')).toMatchObject({ open: true, failures: CIRCUIT_FAILURE_THRESHOLD + 2 });
    await recordHostSuccess(clients[1]!, prefix, 'down.example');
    expect(await readCircuit(clients[0]!, prefix, 'down.example')).toMatchObject({ open: true, failures: 0 });
  });
});
