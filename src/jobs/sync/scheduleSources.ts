import { SCHEDULED_JOB_OPTIONS, SWEEP_EVERY_MS, schedulerIds, type SchedulerJobData } from '../../scheduler/controlJobs.js';
import { queryAll } from '../../db/query.js';
import { scheduledSources, type ScheduledSourceRow } from '../../scheduler/sourceQueries.js';
import type { AppContext } from '../context.js';

/** Matches the ids of the schedulers this module owns (other schedulers on the queue are left alone). */
const OWNED_SCHEDULER = /^(sync|sweep)-s\d+$/;

/**
 * Makes the control queue's job schedulers match the sources table: each enabled source with a period gets
 * a sync scheduler (`every` = its period) and a daily sweep scheduler; schedulers of removed or disabled
 * sources are removed. Only differences are written, so running it every few seconds is cheap and never
 * pushes a pending sync further out. BullMQ then creates the jobs: no timers of our own drive syncs.
 */
export async function scheduleSources(ctx: Pick<AppContext, 'pool' | 'queues'>): Promise<{ upserted: string[]; removed: string[] }> {
  const queue = ctx.queues.control;
  const sources = await queryAll<ScheduledSourceRow>(ctx.pool, scheduledSources());
  const wanted = new Map<string, { every: number; data: SchedulerJobData }>();
  for (const source of sources) {
    wanted.set(schedulerIds.sync(source.id), { every: source.everyMs, data: { kind: 'sync', siteId: source.id } });
    wanted.set(schedulerIds.sweep(source.id), { every: SWEEP_EVERY_MS, data: { kind: 'sweep', siteId: source.id } });
  }
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const upserted: string[] = [];
  for (const [id, want] of wanted) {
    if (existing.get(id)?.every === want.every) continue;
    await queue.upsertJobScheduler(id, { every: want.every }, { name: want.data.kind, data: want.data, opts: SCHEDULED_JOB_OPTIONS });
    upserted.push(id);
  }
  const removed: string[] = [];
  for (const id of existing.keys()) {
    if (!OWNED_SCHEDULER.test(id) || wanted.has(id)) continue;
    await queue.removeJobScheduler(id);
    removed.push(id);
  }
  return { upserted, removed };
}
