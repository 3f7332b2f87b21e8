/** How often resident memory is sampled. */
const SAMPLE_INTERVAL_MS = 250;

/** Resident set of this process while something ran, in bytes. */
export interface MemorySample {
  peakRss: number;
}

/** Runs `work`, sampling `process.memoryUsage().rss` meanwhile. */
export async function sampleWhile<T>(work: () => Promise<T>): Promise<{ result: T; memory: MemorySample }> {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  try {
    const result = await work();
    sample();
    return { result, memory: { peakRss: peak } };
  } finally {
    clearInterval(timer);
  }
}
