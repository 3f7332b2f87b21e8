/** How a source is doing, worst first: what the operator should look at. */
export type HealthState = 'circuit-open' | 'failing' | 'degraded' | 'ok' | 'disabled';

/** What the health decision reads. */
export interface HealthInput {
  enabled: boolean;
  /** The host's circuit: open (fetches paused), its current failure streak and the streak's last cause. */
  circuit: { open: boolean; openForMs: number; failures: number; lastCause: { reason: string; message: string } | null } | null;
  /** Failures recorded for the site recently (permanent ones, or transient ones out of attempts). */
  recentFailures: number;
  /** The newest of them. */
  lastFailure: { reason: string; message: string } | null;
  /** The site's newest run, if any. */
  lastRun: { status: string; pagesFailed: number } | null;
}

/** A source's health with the cause to show next to it. */
export interface Health {
  state: HealthState;
  /** What the badge says: `ok`, `degraded`, `CIRCUIT OPEN`, `failing`, `disabled`. */
  label: string;
  /** The last error's cause in a word or two: `ECONNREFUSED`, `http-503`... */
  cause: string | null;
  /** What the state means, in a few words: `fetches paused 42s more after 12 failures`. */
  detail: string | null;
  /** The last error's full message, when there is one. */
  message: string | null;
}

/** Error codes worth showing on their own (`connect ECONNREFUSED 127.0.0.1:9` says ECONNREFUSED). */
const ERROR_CODE = /\b(E[A-Z]{4,}|UND_ERR_[A-Z_]+)\b/;

/** The short cause of an error: its system error code when the message names one, else its reason. */
export function causeOf(failure: { reason: string; message: string }): string {
  return ERROR_CODE.exec(failure.message)?.[1] ?? failure.reason;
}

/**
 * Decides a source's health; pure. An open circuit (the host is paused after repeated failures) comes first,
 * then a failure streak still running (no success since), then recent recorded failures or a last run that
 * left pages failed (degraded: the source works but lost something), else ok.
 */
export function sourceHealth(input: HealthInput): Health {
  if (!input.enabled) return { state: 'disabled', label: 'disabled', cause: null, detail: 'not synced (`wpingest source add` enables it)', message: null };
  const streakCause = input.circuit?.lastCause ?? input.lastFailure;
  if (input.circuit?.open) {
    const detail = `fetches paused ${Math.ceil(input.circuit.openForMs / 1000)}s more after ${input.circuit.failures} failures`;
    return { state: 'circuit-open', label: 'CIRCUIT OPEN', cause: streakCause ? causeOf(streakCause) : null, detail, message: streakCause?.message ?? null };
  }
  if (input.circuit && input.circuit.failures > 0 && input.circuit.lastCause) {
    return {
      state: 'failing',
      label: 'failing',
      cause: causeOf(input.circuit.lastCause),
      detail: `${input.circuit.failures} failures in a row, no success since`,
      message: input.circuit.lastCause.message,
    };
  }
  if (input.lastRun?.status === 'failed') {
    return {
      state: 'failing',
      label: 'failing',
      cause: input.lastFailure ? causeOf(input.lastFailure) : null,
      detail: 'the last run failed',
      message: input.lastFailure?.message ?? null,
    };
  }
  if (input.recentFailures > 0 || (input.lastRun?.pagesFailed ?? 0) > 0) {
    const detail =
      input.recentFailures > 0
        ? `${input.recentFailures} failure${input.recentFailures === 1 ? '' : 's'} in the last hour`
        : `the last run left ${input.lastRun?.pagesFailed} pages failed`;
    return {
      state: 'degraded',
      label: 'degraded',
      cause: input.lastFailure ? causeOf(input.lastFailure) : null,
      detail,
      message: input.lastFailure?.message ?? null,
    };
  }
  return { state: 'ok', label: 'ok', cause: null, detail: null, message: null };
}
