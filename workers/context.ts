import type { Redis } from 'ioredis';
import type { Config } from '../src/config.js';
import type { Pool } from '../src/db/createPool.js';
import type { HttpClient } from '../src/fetch/httpClient.js';
import type { Logger } from '../src/log.js';
import type { Queues } from '../src/queues.js';

/** The one explicit context every worker and command receives. */
export interface AppContext {
  config: Config;
  log: Logger;
  pool: Pool;
  queues: Queues;
  http: HttpClient;
  redis: Redis;
}
