// Shared by the pack benchmarks: what machine the numbers come from, and how to print
// a measurement next to its target (informational: benchmarks never fail on timing).
import os from 'node:os';

export function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `         ${os.platform()} ${os.release()} (${os.arch()}), node ${process.version}`,
  ].join('\n');
}

export function report(label: string, value: number, unit: string, target?: number): string {
  const shown = value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4);
  const verdict = target === undefined ? '' : value <= target ? `  ✓ target ≤ ${target} ${unit}` : `  ✗ over target ≤ ${target} ${unit}`;
  return `  ${label.padEnd(36)} ${shown.padStart(10)} ${unit}${verdict}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
