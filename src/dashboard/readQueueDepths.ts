import type { Queue } from 'bullmq';

/** The BullMQ states shown and exported, in the order a job moves through them (a paused queue's jobs stay in waiting). */
export const JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'waiting-children', 'completed', 'failed'] as const;
export type JobStateName = (typeof JOB_STATES)[number];

/** Job counts of one queue by state. */
export interface QueueDepth {
  queue: string;
  counts: Record<JobStateName, number>;
}

/** Reads the job counts of every queue (one round trip per queue). */
export async function readQueueDepths(queues: readonly Queue[]): Promise<QueueDepth[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const raw = await queue.getJobCounts(...JOB_STATES);
      const counts = Object.fromEntries(JOB_STATES.map((state) => [state, raw[state] ?? 0])) as Record<JobStateName, number>;
      return { queue: queue.name, counts };
    }),
  );
}
