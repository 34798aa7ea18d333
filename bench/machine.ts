/** A one-line description of the machine a benchmark ran on. */
import { cpus, loadavg, totalmem, platform, release } from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    nproc: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

export function describeMachine(m: MachineInfo): string {
  return `${m.nproc} CPU (${m.cpu}), ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.os}`;
}

/** The 1-minute load average: on a shared machine, figures taken under load are slower. */
export function loadAverage(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}
