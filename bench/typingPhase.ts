/**
 * One measured typing run of a connected crowd, and the CPU every process involved used meanwhile: the
 * servers under test, the services behind them (PostgreSQL, Redis), this process, and the rest of the
 * machine (noise).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Crowd, TypingOptions, TypingResult } from './editors.js';
import { machineBusySeconds } from './machine.js';
import { round2 } from './stats.js';

/** Starts measuring; the function it resolves to gives the CPU seconds used since. */
export type CpuMeter = () => Promise<() => Promise<number>>;

/** A meter over a cumulative CPU-seconds counter (a process's /proc times, Redis's `used_cpu_*`). */
export function cumulativeCpu(read: () => Promise<number>): CpuMeter {
  return async () => {
    const start = await read();
    return async () => (await read()) - start;
  };
}

export interface BenchProcessUsage {
  cpuSeconds: number;
  /** Share of one core over the typing's wall time. */
  cpuPercent: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

export interface TypingMeasurement {
  typing: TypingResult;
  /** Warm-up, measured window and the wait for the last deliveries. */
  wallSeconds: number;
  /** CPU seconds of each server under test, in the order given. */
  serverCpuSeconds: number[];
  /** CPU seconds of each service behind the servers (part of the workload, not noise), by name. */
  servicesCpuSeconds: Record<string, number>;
  /** This process: when it is busy, latency is the bench's. */
  bench: BenchProcessUsage;
  /** CPU used by every other process, as a share of one core: noise in the numbers. */
  othersCpuPercent: number;
}

/** Lets `crowd` type as `options` says while metering `servers`, `services`, this process and the machine. */
export async function measureTyping(
  crowd: Crowd,
  options: TypingOptions,
  servers: readonly CpuMeter[],
  services: Readonly<Record<string, CpuMeter>> = {},
): Promise<TypingMeasurement> {
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  const machineStart = await machineBusySeconds();
  const serverStops = await Promise.all(servers.map((meter) => meter()));
  const serviceStops = await Promise.all(Object.entries(services).map(async ([name, meter]) => [name, await meter()] as const));
  const benchCpuStart = process.cpuUsage();
  const wallStart = performance.now();
  loopDelay.enable();
  const typing = await crowd.type(options);
  loopDelay.disable();
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const serverCpu = await Promise.all(serverStops.map((stop) => stop()));
  const servicesCpu = await Promise.all(serviceStops.map(async ([name, stop]) => [name, await stop()] as const));
  const benchUsage = process.cpuUsage(benchCpuStart);
  const machineBusy = (await machineBusySeconds()) - machineStart;
  const benchCpu = (benchUsage.user + benchUsage.system) / 1e6;
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const ours = sum(serverCpu) + sum(servicesCpu.map(([, seconds]) => seconds)) + benchCpu;
  const percentOfCore = (seconds: number) => Math.round((seconds / wallSeconds) * 100);
  return {
    typing,
    wallSeconds: round2(wallSeconds),
    serverCpuSeconds: serverCpu.map(round2),
    servicesCpuSeconds: Object.fromEntries(servicesCpu.map(([name, seconds]) => [name, round2(seconds)])),
    bench: {
      cpuSeconds: round2(benchCpu),
      cpuPercent: percentOfCore(benchCpu),
      eventLoopDelayP99Ms: round2(loopDelay.percentile(99) / 1e6),
      eventLoopDelayMaxMs: round2(loopDelay.max / 1e6),
    },
    othersCpuPercent: percentOfCore(Math.max(0, machineBusy - ours)),
  };
}
