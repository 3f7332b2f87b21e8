import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from '../db/createPool.js';
import type { Logger } from '../log.js';

/** What the dashboard reads from: the parts of the app context it needs, nothing more. */
export interface DashboardDeps {
  pool: Pool;
  redis: Redis;
  queues: readonly Queue[];
  /** The deployment's queue key prefix: host circuits live under it in Redis. */
  queuePrefix: string;
  log: Logger;
}
