import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { queryOne } from '../../src/db/query.js';
import { TEST_PG_SERVER, TEST_REDIS_URL } from '../../test/helpers/testDatabase.js';
import { serverVersion } from './benchQueries.js';

/** Packages whose versions shape the numbers. */
const PACKAGES = ['bullmq', 'ioredis', 'pg', 'undici', 'cheerio', '@crawlee/cheerio', 'tsx'] as const;

/** The machine and software a result was measured on. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  redis: string;
  packages: Record<string, string>;
}

export async function readMachineInfo(root: string): Promise<MachineInfo> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cores: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    postgres: await postgresVersion(),
    redis: await redisVersion(),
    packages: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(root, name)])),
  };
}

function packageVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: `${TEST_PG_SERVER}/postgres` });
  await client.connect();
  try {
    return (await queryOne<{ version: string }>(client, serverVersion()))!.version;
  } finally {
    await client.end();
  }
}

async function redisVersion(): Promise<string> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const info = await redis.info('server');
    return /^redis_version:(\S+)/m.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}
