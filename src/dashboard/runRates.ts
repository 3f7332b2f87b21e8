const MS_PER_SECOND = 1000;
const ACTIVE_RUN_STATUSES = new Set(['planning', 'running', 'settling']);

/** The progress figures of one run as the overview reads them. */
export interface RunProgressRow {
  id: number;
  status: string;
  kind: string;
  siteUrl: string;
  totalPages: number | null;
  totalPosts: number | null;
  pagesPlanned: number;
  pagesProcessed: number;
  pagesFailed: number;
  postsProcessed: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

/** Derived rates of a run. */
export interface RunRates {
  /** Pages finished (processed, empty or failed). */
  pagesDone: number;
  /** The plan's page count, or the pages planned so far when the plan is not known yet. */
  pagesTotal: number;
  /** Posts processed per second since the run started; null before it started. */
  postsPerSecond: number | null;
  /** Seconds until every planned post is processed at the current rate; null when unknown or finished. */
  etaSeconds: number | null;
}

/** Computes a run's throughput and ETA at `now`; pure. */
export function runRates(run: RunProgressRow, now: Date): RunRates {
  const pagesDone = run.pagesProcessed + run.pagesFailed;
  const pagesTotal = run.totalPages ?? run.pagesPlanned;
  if (!run.startedAt) return { pagesDone, pagesTotal, postsPerSecond: null, etaSeconds: null };
  const end = run.finishedAt ?? now;
  const elapsedSeconds = Math.max(0, (end.getTime() - run.startedAt.getTime()) / MS_PER_SECOND);
  const postsPerSecond = elapsedSeconds > 0 ? run.postsProcessed / elapsedSeconds : null;
  const remaining = run.totalPosts === null ? null : Math.max(0, run.totalPosts - run.postsProcessed);
  const active = ACTIVE_RUN_STATUSES.has(run.status);
  const etaSeconds = active && remaining !== null && postsPerSecond ? remaining / postsPerSecond : null;
  return { pagesDone, pagesTotal, postsPerSecond, etaSeconds };
}
