// The last few hundred measurements of something (inference time, latency), for the
// numbers the kiosk reports about its gesture pipeline.

export class RollingStats {
  private values: number[] = [];
  private next = 0;

  constructor(private readonly capacity = 300) {}

  push(value: number): void {
    if (this.values.length < this.capacity) this.values.push(value);
    else this.values[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
  }

  get count(): number {
    return this.values.length;
  }

  /** The p-th percentile (0–100) by nearest rank, or null with no data. */
  percentile(p: number): number | null {
    if (this.values.length === 0) return null;
    const sorted = [...this.values].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank]!;
  }

  clear(): void {
    this.values = [];
    this.next = 0;
  }
}
