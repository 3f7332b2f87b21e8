import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Pool } from '../db/createPool.js';
import type { HttpClient } from '../fetch/httpClient.js';
import type { Logger } from '../log.js';
import type { Queues } from '../queues.js';

/** The one explicit context every worker and command receives. */
export interface AppContext {
  config: Config;
  log: Logger;
  pool: Pool;
  queues: Queues;
  http: HttpClient;
  redis: Redis;
}
