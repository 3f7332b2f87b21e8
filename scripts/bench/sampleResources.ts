import type { Pool } from '../../src/db/createPool.js';
import { queryAll } from '../../src/db/query.js';
import { backendsOf } from './benchQueries.js';
import { readCpuMs, readMemory } from './readProcStats.js';

/** How often processes are sampled during the pipeline run. */
const SAMPLE_INTERVAL_MS = 500;

/** Peak memory and CPU used by one process while sampled. */
export interface ProcessUsage {
  name: string;
  pid: number;
  /** VmHWM for child processes (the kernel's peak), sampled `memoryUsage().rss` for this process; bytes. */
  peakRss: number;
  /** CPU used between `start` and `stop`, ms. */
  cpuMs: number;
}

export interface ResourceSampler {
  /** Final reading; call while the children are still alive. */
  stop(): Promise<{ processes: ProcessUsage[]; postgresCpuMs: number; postgresBackends: number }>;
}

/**
 * Samples the named child processes, this process and the Postgres backends serving `database` (found in
 * pg_stat_activity; /proc gives their CPU, since Postgres runs on this machine).
 */
export function startResourceSampler(children: ReadonlyArray<{ name: string; pid: number }>, selfName: string, pool: Pool, database: string): ResourceSampler {
  const startCpu = new Map(children.map((child) => [child.pid, readCpuMs(child.pid) ?? 0]));
  const selfStartCpu = readCpuMs(process.pid) ?? 0;
  let selfPeak = process.memoryUsage().rss;
  const backendCpu = new Map<number, number>();
  let sampling: Promise<void> = Promise.resolve();
  const sample = async () => {
    selfPeak = Math.max(selfPeak, process.memoryUsage().rss);
    const backends = await queryAll<{ pid: number }>(pool, backendsOf(database));
    for (const { pid } of backends) {
      const cpu = readCpuMs(pid);
      if (cpu !== undefined) backendCpu.set(pid, cpu);
    }
  };
  const timer = setInterval(() => {
    sampling = sampling.then(sample).catch(() => undefined);
  }, SAMPLE_INTERVAL_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await sampling;
      await sample().catch(() => undefined);
      const processes = children.map((child) => ({
        name: child.name,
        pid: child.pid,
        peakRss: readMemory(child.pid)?.peakRss ?? 0,
        cpuMs: (readCpuMs(child.pid) ?? 0) - (startCpu.get(child.pid) ?? 0),
      }));
      processes.push({ name: selfName, pid: process.pid, peakRss: selfPeak, cpuMs: (readCpuMs(process.pid) ?? 0) - selfStartCpu });
      // Backends are new (the database is fresh), so their whole CPU counts.
      return { processes, postgresCpuMs: [...backendCpu.values()].reduce((sum, ms) => sum + ms, 0), postgresBackends: backendCpu.size };
    },
  };
}
