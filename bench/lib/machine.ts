/**
 * The machine: description for the report, and how busy it was during a phase. The benchmark
 * shares a small machine with whatever else runs on it (builds, tests); measuring machine-wide CPU
 * (/proc/stat) against the CPU of the benchmark's own processes shows how much of a phase's time
 * went to other work, so a noisy run can be recognized as such.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineInfo {
  cores: number;
  model: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    model: list[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

interface CpuTimes {
  busy: number;
  total: number;
}

function readCpuTimes(): CpuTimes | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('cpu '));
    if (!line) return null;
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface LoadMark {
  at: number;
  cpu: CpuTimes | null;
  self: NodeJS.CpuUsage;
}

export function loadMark(): LoadMark {
  return { at: performance.now(), cpu: readCpuTimes(), self: process.cpuUsage() };
}

export interface LoadSummary {
  /** Cores busy machine-wide on average during the phase. */
  machineCores: number;
  /** Cores used by this (client) process. */
  clientCores: number;
  /** Cores used by everything except this process and `serverCpuMs` (other work on the machine). */
  otherCores: number;
  loadAverage1m: number;
}

export function loadSince(start: LoadMark, serverCpuMs: number): LoadSummary {
  const end = loadMark();
  const wallMs = end.at - start.at;
  const cores = cpus().length;
  const machineCores =
    start.cpu && end.cpu && end.cpu.total > start.cpu.total
      ? ((end.cpu.busy - start.cpu.busy) / (end.cpu.total - start.cpu.total)) * cores
      : NaN;
  const selfMs = (end.self.user - start.self.user + end.self.system - start.self.system) / 1000;
  const clientCores = wallMs > 0 ? selfMs / wallMs : NaN;
  const serverCores = wallMs > 0 ? serverCpuMs / wallMs : NaN;
  return {
    machineCores,
    clientCores,
    otherCores: Math.max(0, machineCores - clientCores - serverCores),
    loadAverage1m: loadavg()[0] ?? NaN,
  };
}

const PACKAGES = ['yjs', 'y-protocols', 'y-websocket', '@y/websocket-server', 'ws', 'lowdb'];

export function packageVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      const pkg = JSON.parse(
        readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'),
      ) as { version?: string };
      out[name] = pkg.version ?? '?';
    } catch {
      out[name] = 'not installed';
    }
  }
  return out;
}

/**
 * Waits (up to `maxWaitMs`) until the rest of the machine uses less than `thresholdCores`,
 * measured over `windowMs` windows — so that runs compared side by side start under similar
 * conditions on a shared machine. Returns how long it waited and the last measured other load.
 */
export async function waitForQuiet(
  maxWaitMs: number,
  thresholdCores = 0.4,
  windowMs = 500,
): Promise<{ waitedMs: number; otherCores: number }> {
  const started = performance.now();
  let otherCores = NaN;
  for (;;) {
    const mark = loadMark();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const load = loadSince(mark, 0);
    otherCores = Math.max(0, load.machineCores - load.clientCores);
    const waitedMs = performance.now() - started;
    if (!(otherCores >= thresholdCores) || waitedMs >= maxWaitMs) return { waitedMs, otherCores };
  }
}
