import type { JobsOptions } from 'bullmq';
import type { ControlJobData } from '../queues.js';

/** Everything the control queue carries. */
export type SchedulerJobData = ControlJobData;

/** How often each scheduled source is swept for deleted posts. */
export const SWEEP_EVERY_MS = 24 * 3_600_000;
/** How often the scheduler re-reads the sources table, so added or removed sources apply without a restart. */
export const SCHEDULE_REFRESH_MS = 10_000;
/** Attempts of one scheduled sync or sweep; the next period retries anyway. */
export const SCHEDULED_JOB_ATTEMPTS = 3;

/** Job scheduler ids: one sync and one sweep scheduler per source. */
export const schedulerIds = {
  sync: (siteId: number) => `sync-s${siteId}`,
  sweep: (siteId: number) => `sweep-s${siteId}`,
};

/** Options of the jobs the schedulers create: few attempts, bounded history. */
export const SCHEDULED_JOB_OPTIONS = {
  attempts: SCHEDULED_JOB_ATTEMPTS,
  backoff: { type: 'wpingest' },
  removeOnComplete: { age: 3600, count: 200 },
  removeOnFail: { age: 7 * 24 * 3600 },
} satisfies JobsOptions;
