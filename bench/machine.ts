/** What the machine's processes were doing: CPU time used by all of them and by one, from /proc. */
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';

/** Clock ticks per second of /proc/stat and /proc/<pid>/stat (USER_HZ; 100 on Linux). */
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

/** User + system CPU seconds process `pid` has used so far (its threads included); throws when it is gone. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields after it are space-separated, field 3 first.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}
