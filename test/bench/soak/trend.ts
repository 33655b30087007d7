// The soak's arithmetic: a least-squares line through each figure's samples after the
// warm-up, the growth it shows over the run, and the verdict against the targets
// (issue 16: after warm-up, JS heap and DOM growth ≤ 5 % over the run, no fps decay).

export interface Point {
  /** Minutes since the soak started. */
  minute: number;
  value: number;
}

export interface Trend {
  points: number;
  /** Change per hour, from the fitted line. */
  slopePerHour: number;
  /** The fitted line at the first and last sample after the warm-up. */
  start: number;
  end: number;
  /** (end − start) / start, in percent; null when the start is 0 or there are fewer than 2 samples. */
  growthPct: number | null;
  /**
   * Half the width of the growth's 95 % confidence interval, in percent (from the
   * slope's standard error; null with fewer than 3 samples). A noisy figure such as the
   * fps moves by this much between runs with no change at all.
   */
  growthCiPct: number | null;
}

export function linearTrend(points: readonly Point[]): Trend {
  const n = points.length;
  if (n < 2) {
    const v = points[0]?.value ?? NaN;
    return { points: n, slopePerHour: NaN, start: v, end: v, growthPct: null, growthCiPct: null };
  }
  const mx = points.reduce((s, p) => s + p.minute, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((s, p) => s + (p.minute - mx) * (p.value - my), 0) / sxx;
  const at = (minute: number) => my + slope * (minute - mx);
  const start = at(points[0]!.minute);
  const end = at(points[n - 1]!.minute);
  const residuals = points.reduce((s, p) => s + (p.value - at(p.minute)) ** 2, 0);
  const slopeSe = n > 2 && sxx > 0 ? Math.sqrt(residuals / (n - 2) / sxx) : NaN;
  const span = points[n - 1]!.minute - points[0]!.minute;
  return {
    points: n,
    slopePerHour: slope * 60,
    start,
    end,
    growthPct: start === 0 ? null : ((end - start) / Math.abs(start)) * 100,
    growthCiPct: start === 0 || !Number.isFinite(slopeSe) ? null : ((1.96 * slopeSe * span) / Math.abs(start)) * 100,
  };
}

export interface Target {
  /** The figure's name in the samples. */
  figure: string;
  label: string;
  /** Growth allowed over the run, percent (fps: the decay allowed, as a negative growth). */
  maxGrowthPct?: number;
  minGrowthPct?: number;
}

export const TARGETS: readonly Target[] = [
  // V8's optimised machine code is left out: it grows as V8 compiles more of the app's
  // functions and is bounded by the app's code, not by its shoppers. It is printed beside.
  { figure: 'heapObjectsMiB', label: "JS heap after GC, without V8's compiled code", maxGrowthPct: 5 },
  { figure: 'domNodes', label: 'DOM nodes', maxGrowthPct: 5 },
  { figure: 'listeners', label: 'JS event listeners', maxGrowthPct: 5 },
  { figure: 'fps', label: 'catch game fps (frames drawn per second)', minGrowthPct: -5 },
];

export interface Verdict {
  target: Target;
  trend: Trend;
  ok: boolean;
}

/** Judges each target over the samples taken at or after `warmupMinutes`. */
export function judge(samples: readonly Record<string, number | null>[], warmupMinutes: number, targets: readonly Target[] = TARGETS): Verdict[] {
  return targets.map((target) => {
    const points = samples
      .filter((s) => (s.minute ?? -1) >= warmupMinutes && typeof s[target.figure] === 'number' && Number.isFinite(s[target.figure]))
      .map((s) => ({ minute: s.minute!, value: s[target.figure]! }));
    const trend = linearTrend(points);
    const g = trend.growthPct;
    const ok = g !== null && (target.maxGrowthPct === undefined || g <= target.maxGrowthPct) && (target.minGrowthPct === undefined || g >= target.minGrowthPct);
    return { target, trend, ok };
  });
}

/** Default warm-up: a tenth of the run, at least 2 and at most 15 minutes. */
export function defaultWarmup(minutes: number): number {
  return Math.min(15, Math.max(2, Math.round(minutes / 10)));
}

export interface FrameStats {
  /** Frames drawn per second over the whole time: a late frame lowers it as much as it lasted. */
  fps: number;
  /** The 95th percentile frame interval, ms. */
  p95Ms: number;
  frames: number;
}

/** Figures of a set of frame intervals (ms), or null for none. */
export function frameStats(intervals: readonly number[]): FrameStats | null {
  if (intervals.length === 0) return null;
  const sorted = [...intervals].sort((a, b) => a - b);
  const total = sorted.reduce((s, v) => s + v, 0);
  return { fps: (sorted.length * 1000) / total, p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!, frames: sorted.length };
}
