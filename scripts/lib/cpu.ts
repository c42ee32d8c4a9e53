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
 * Read and write system calls of one process so far (/proc/PID/io syscr, syscw), or null once it is
 * gone or unreadable. A socket write on this VM costs tens of microseconds of both processes' CPU,
 * so how many a message needs is worth counting beside the CPU (issue 18); unlike CPU time the count
 * does not depend on what else the machine is doing.
 */
export function syscalls(pid: number | undefined): [number, number] | null {
  if (!pid) return null;
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    const r = /^syscr: (\d+)$/m.exec(io);
    const w = /^syscw: (\d+)$/m.exec(io);
    return r && w ? [Number(r[1]), Number(w[1])] : null;
  } catch {
    return null;
  }
}

/**
 * Per group of processes, how much of a per-process counter (CPU ms, system calls…) they used
 * between `start()` and `stop()`. Groups are re-listed at both ends (Postgres starts a backend per
 * connection), and a process seen only at the end counts from zero.
 */
function processMeter<T extends number[]>(groups: CpuGroups, read: (pid: number) => T | null, zero: T) {
  const snapshot = () => new Map(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((p) => [p, read(p) ?? zero]))]));
  let before = snapshot();
  return {
    start() {
      before = snapshot();
    },
    stop(): Record<string, T> {
      const after = snapshot();
      return Object.fromEntries(
        [...after].map(([name, procs]) => {
          const sum = zero.map(() => 0) as T;
          for (const [pid, now] of procs) {
            const was = before.get(name)?.get(pid) ?? zero;
            now.forEach((v, i) => (sum[i] = sum[i]! + Math.max(0, v - was[i]!)));
          }
          return [name, sum];
        }),
      );
    },
  };
}

/** CPU ms per group of processes between `start()` and `stop()`. */
export function cpuMeter(groups: CpuGroups) {
  const meter = processMeter(groups, (pid) => {
    const ms = cpuMs(pid);
    return ms === null ? null : [ms];
  }, [0]);
  return {
    start: meter.start,
    /** ms of CPU each group used since start(). */
    stop: (): Record<string, number> => Object.fromEntries(Object.entries(meter.stop()).map(([name, [ms]]) => [name, Math.round(ms!)])),
  };
}

/** [read, write] system calls per group of processes between `start()` and `stop()`. */
export const syscallMeter = (groups: CpuGroups) => processMeter<[number, number]>(groups, syscalls, [0, 0]);
