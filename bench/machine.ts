/** What else the machine was doing: CPU time used by every process, from /proc/stat. */
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';

/** Clock ticks per second of /proc/stat (USER_HZ; 100 on Linux). */
const CLK_TCK = 100;

/** Busy CPU seconds of the whole machine since boot (all cores, idle and iowait excluded). */
export async function machineBusySeconds(): Promise<number> {
  const stat = await readFile('/proc/stat', 'utf8');
  const line = stat.split('\n', 1)[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is counted in user)
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return (total - idle) / CLK_TCK;
}

/** The number of cores and the 1-minute load average, for reading the results in context. */
export function machineInfo(): { cores: number; loadAvg1m: number } {
  return { cores: cpus().length, loadAvg1m: Math.round(loadavg()[0]! * 100) / 100 };
}
