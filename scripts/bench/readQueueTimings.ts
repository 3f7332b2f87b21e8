import type { Queue } from 'bullmq';
import { spread, type Spread } from './summarise.js';

/** How jobs of one queue spent their time, in ms. */
export interface QueueTimings {
  /** `processedOn - timestamp`: waiting in the queue (for fetch jobs, mostly the planned backlog). */
  wait: Spread;
  /** `finishedOn - processedOn`: the job's own run time. */
  run: Spread;
  /** Sum of run times, for per-post figures. */
  totalRunMs: number;
}

/** Reads the completed jobs of a queue (BullMQ keeps the last 1,000 of them, enough for 100k posts). */
export async function readQueueTimings(queue: Queue): Promise<QueueTimings> {
  const jobs = await queue.getJobs(['completed'], 0, -1);
  const done = jobs.filter((job) => job.processedOn !== undefined && job.finishedOn !== undefined);
  const runs = done.map((job) => job.finishedOn! - job.processedOn!);
  return {
    wait: spread(done.map((job) => job.processedOn! - job.timestamp)),
    run: spread(runs),
    totalRunMs: runs.reduce((sum, ms) => sum + ms, 0),
  };
}
