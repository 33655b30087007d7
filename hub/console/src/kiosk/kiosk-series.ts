// A kiosk's 7-day history as the four series its page plots.
import type { KioskHistory } from '../../../../content/schema/hub-api/console/fleet.ts';
import type { ChartSeries } from '../charts/chart-series.ts';

export const MB = 1024 * 1024;

/**
 * `sessionsPerHour[].hour` as epoch ms. The contract does not say its unit: epoch ms
 * of the hour's start is assumed, and epoch seconds or hours since the epoch are
 * recognised by their size.
 */
export function hourToMs(hour: number): number {
  if (hour < 1e7) return hour * 3_600_000;
  if (hour < 1e11) return hour * 1000;
  return hour;
}

export interface KioskSeries {
  queue: ChartSeries;
  heap: ChartSeries;
  fps: ChartSeries;
  sessions: ChartSeries;
}

export function kioskSeries(history: Pick<KioskHistory, 'health' | 'sessionsPerHour'>, names: Record<keyof KioskSeries, string>): KioskSeries {
  const health = [...history.health].sort((a, b) => a.at - b.at);
  return {
    queue: { kind: 'line', name: names.queue, digits: 0, points: health.map((p) => ({ at: p.at, value: p.outboxDepth })) },
    heap: {
      kind: 'line',
      name: names.heap,
      digits: 1,
      points: health.map((p) => ({ at: p.at, value: p.jsHeapBytes === null ? null : Math.round((p.jsHeapBytes / MB) * 10) / 10 })),
    },
    fps: { kind: 'line', name: names.fps, digits: 0, points: health.map((p) => ({ at: p.at, value: p.fps === null ? null : Math.round(p.fps) })) },
    sessions: {
      kind: 'bar',
      name: names.sessions,
      digits: 0,
      points: history.sessionsPerHour.map((h) => ({ at: hourToMs(h.hour), value: h.sessions })).sort((a, b) => a.at - b.at),
    },
  };
}
