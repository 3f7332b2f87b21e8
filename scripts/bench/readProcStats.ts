import { readFileSync } from 'node:fs';

/** Linux reports process CPU in clock ticks; 100 per second on every mainstream kernel build. */
const CLOCK_TICKS_PER_SECOND = 100;
const MS_PER_TICK = 1000 / CLOCK_TICKS_PER_SECOND;

/** CPU (user + system) a process has used so far, in ms; undefined once it is gone. */
export function readCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}

/** Current and peak resident set of a process, in bytes; undefined once it is gone. */
export function readMemory(pid: number): { rss: number; peakRss: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kib('VmRSS'), peakRss: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/** This process's CPU so far, in ms (microsecond resolution, unlike /proc). */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** The 1, 5 and 15 minute load averages, as printed by /proc/loadavg. */
export function readLoadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
