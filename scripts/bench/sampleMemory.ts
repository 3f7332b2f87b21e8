/** How often resident memory is sampled. */
const SAMPLE_INTERVAL_MS = 250;

/** Resident set of this process while something ran, in bytes. */
export interface MemorySample {
  peakRss: number;
  meanRss: number;
}

/** Runs `work`, sampling `process.memoryUsage().rss` meanwhile. */
export async function sampleWhile<T>(work: () => Promise<T>): Promise<{ result: T; memory: MemorySample }> {
  let peak = process.memoryUsage().rss;
  let sum = 0;
  let count = 0;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    sum += rss;
    count += 1;
  };
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  try {
    const result = await work();
    sample();
    return { result, memory: { peakRss: peak, meanRss: sum / count } };
  } finally {
    clearInterval(timer);
  }
}
