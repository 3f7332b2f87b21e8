import { Counter, Histogram, type Registry } from 'prom-client';
import { METRIC_NAMES, processMetrics } from './metrics.js';

/** One finished fetch of a WordPress URL. */
export interface FetchObservation {
  /** HTTP status code, or a word such as 'error' or 'timeout' when no response came. */
  status: number | string;
  /** Wall time from request start to the end of the body, in seconds. */
  seconds: number;
}

/**
 * Records a fetch in `wpingest_fetch_duration_seconds` and `wpingest_http_responses_total`.
 * Without a registry it records in `processMetrics()`, the one the dashboard of this process serves.
 */
export function observeFetch(observation: FetchObservation): void;
export function observeFetch(registry: Registry | undefined, observation: FetchObservation): void;
export function observeFetch(first: Registry | FetchObservation | undefined, second?: FetchObservation): void {
  const registry = second ? ((first as Registry | undefined) ?? processMetrics().registry) : processMetrics().registry;
  const observation = second ?? (first as FetchObservation);
  const duration = registry.getSingleMetric(METRIC_NAMES.fetchDurationSeconds);
  const responses = registry.getSingleMetric(METRIC_NAMES.httpResponsesTotal);
  if (!(duration instanceof Histogram) || !(responses instanceof Counter)) {
    throw new Error('observeFetch needs a registry made by createMetrics()');
  }
  const status = String(observation.status);
  duration.observe({ status }, observation.seconds);
  responses.inc({ status });
}
