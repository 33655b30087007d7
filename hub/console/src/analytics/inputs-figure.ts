// Shares of a few kinds (wakes by trigger, gestures, scan sources, camera states):
// known kinds in their usual order under their names, any other under its own.
import { barListOption, heightFor } from './bar-list.ts';
import { figureText, numberText, ratio, type Figure, type FigureFormat } from './figure-kit.ts';

export interface ShareKinds {
  /** The kinds the console has words for, in the order they are listed. */
  order: readonly string[];
  /** The message key of a known kind. */
  label(kind: string): string;
  /** Header of the count column. */
  countLabel: string;
}

export function shareRows(counts: Readonly<Record<string, number>>, order: readonly string[]): { kind: string; count: number; share: number | null }[] {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const others = Object.keys(counts)
    .filter((k) => !order.includes(k))
    .sort();
  return [...order, ...others].map((kind) => ({ kind, count: counts[kind] ?? 0, share: ratio(counts[kind] ?? 0, total) }));
}

export function shareFigure(counts: Readonly<Record<string, number>>, kinds: ShareKinds, format: FigureFormat): Figure {
  const { t } = format;
  const rows = shareRows(counts, kinds.order);
  const names = rows.map((r) => (kinds.order.includes(r.kind) ? t(kinds.label(r.kind)) : r.kind));
  const table = {
    columns: [
      { label: t('analytics.inputs.col.kind'), kind: 'text' as const },
      { label: kinds.countLabel, kind: 'count' as const },
      { label: t('analytics.inputs.col.share'), kind: 'percent' as const },
    ],
    rows: rows.map((r, i) => [names[i]!, r.count, r.share]),
  };
  const bars = rows.map((r, i) => ({
    label: names[i]!,
    value: r.count,
    text: `${numberText({ value: r.count, kind: 'count' }, format)} (${numberText({ value: r.share, kind: 'percent' }, format)})`,
  }));
  return {
    option: barListOption(bars, (v) => format.num(v, 0)),
    text: figureText(table, format, bars.map((b) => b.text)),
    table,
    empty: rows.every((r) => r.count === 0),
    height: heightFor(bars.length),
  };
}
