// CPU time of processes from /proc (Linux): what one message costs, summed over the processes that
// serve it (bench:load's cpu_ms_per_msg, DESIGN §10). Read from the kernel's accounting rather than
// sampled, so the figure does not depend on how often anyone looks.
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: /proc reports CPU time in clock ticks of 1/100 s on Linux (sysconf(_SC_CLK_TCK)). */
const TICKS_PER_S = 100;

/** utime + stime of one process in ms, or null once it is gone. */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: the numeric fields start after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/** Every process whose command name is one of `names` (e.g. all Postgres backends), by pid. */
export function pidsNamed(names: string[]): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) out.push(Number(entry));
    } catch {
      // gone between readdir and read
    }
  }
  return out;
}

export type CpuGroups = Record<string, () => number[]>;

/**
 * CPU ms per group of processes between `start()` and `stop()`. Groups are re-listed at both ends
 * (Postgres starts a backend per connection), and a process seen only at the end counts from zero.
 */
export function cpuMeter(groups: CpuGroups) {
  const snapshot = () => new Map(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((p) => [p, cpuMs(p) ?? 0]))]));
  let before = snapshot();
  return {
    start() {
      before = snapshot();
    },
    /** ms of CPU each group used since start(). */
    stop(): Record<string, number> {
      const after = snapshot();
      return Object.fromEntries(
        [...after].map(([name, procs]) => {
          let ms = 0;
          for (const [pid, t] of procs) ms += t - (before.get(name)?.get(pid) ?? 0);
          return [name, Math.max(0, Math.round(ms))];
        }),
      );
    },
  };
}
