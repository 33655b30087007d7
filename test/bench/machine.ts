// What a benchmark ran on, printed with every result so figures from different
// machines are never compared blindly.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { chromiumPath } from '../support/chromium.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  loadAverage: number[];
}

export function describeMachine(): Machine {
  let chromium = 'not found';
  try {
    chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as not found */
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function printMachine(): void {
  const m = describeMachine();
  console.log(`machine: ${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · ${m.os} · node ${m.node} · ${m.chromium} · load ${m.loadAverage.join('/')}`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Prints one figure against its target (none: a figure for reference); never fails the run. */
export function report(name: string, value: number, unit: string, target?: { max?: number; min?: number }): void {
  const shown = Number.isInteger(value) ? value : value.toFixed(2);
  if (!target) {
    console.log(`        ${name}: ${shown} ${unit}`);
    return;
  }
  const ok = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  const goal = target.max !== undefined ? `≤ ${target.max} ${unit}` : `≥ ${target.min} ${unit}`;
  console.log(`${ok ? 'MEETS ' : 'MISSES'}  ${name}: ${shown} ${unit} (target ${goal})`);
}
