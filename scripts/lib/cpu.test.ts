// The bench's per-process meters (bench:load's cpu_ms_per_msg and syscalls_per_msg) read this
// process's own /proc entries: the counts must move with real work, never go negative, and a
// process seen only at the end counts from zero.
import { writeSync, openSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuMeter, cpuMs, syscallMeter, syscalls } from './cpu';

describe('process meters', () => {
  it("count this process's own write system calls and CPU", () => {
    const groups = { me: () => [process.pid] };
    const calls = syscallMeter(groups);
    const cpu = cpuMeter(groups);
    calls.start();
    cpu.start();
    const fd = openSync('/dev/null', 'w');
    for (let i = 0; i < 50; i++) writeSync(fd, 'x');
    closeSync(fd);
    const until = Date.now() + 60;
    while (Date.now() < until); // burn CPU past one 10 ms clock tick
    const [, writes] = calls.stop().me!;
    expect(writes).toBeGreaterThanOrEqual(50);
    expect(cpu.stop().me).toBeGreaterThan(0);
  });

  it('reads nothing for a process that is gone, and a group that gains a process counts it from zero', () => {
    expect(syscalls(2 ** 30)).toBeNull();
    expect(cpuMs(2 ** 30)).toBeNull();
    let pids: number[] = [];
    const calls = syscallMeter({ late: () => pids });
    calls.start();
    pids = [process.pid];
    const [reads, writes] = calls.stop().late!;
    expect(reads + writes).toBeGreaterThan(0);
  });
});
