import { ownCpuMs, readCpuMs } from './readProcStats.js';

/** The stages of the profile pass, in pipeline order. */
export const STAGES = ['fetch', 'json-parse', 'terms', 'raw-store', 'raw-read', 'extract', 'dedupe-stats', 'dedupe-prep', 'load'] as const;
export type Stage = (typeof STAGES)[number];

/** Time spent in one stage over the whole pass. */
export interface StageCost {
  /** CPU of this process, ms. */
  cpuMs: number;
  /** CPU of the Postgres backend serving the stage's queries, ms (10 ms ticks, summed). */
  pgCpuMs: number;
  wallMs: number;
}

/** Accumulates wall time, own CPU and (optionally) one Postgres backend's CPU per stage. */
export function createStageMeter() {
  const costs = new Map<Stage, StageCost>(STAGES.map((stage) => [stage, { cpuMs: 0, pgCpuMs: 0, wallMs: 0 }]));
  return {
    costs,
    /** Runs `work` as part of `stage`; `backendPid` is the Postgres backend it talks to, if any. */
    async time<T>(stage: Stage, work: () => Promise<T> | T, backendPid?: number): Promise<T> {
      const pgBefore = backendPid === undefined ? 0 : (readCpuMs(backendPid) ?? 0);
      const cpuBefore = ownCpuMs();
      const wallBefore = performance.now();
      const result = await work();
      const cost = costs.get(stage)!;
      cost.wallMs += performance.now() - wallBefore;
      cost.cpuMs += ownCpuMs() - cpuBefore;
      if (backendPid !== undefined) cost.pgCpuMs += (readCpuMs(backendPid) ?? 0) - pgBefore;
      return result;
    },
  };
}
