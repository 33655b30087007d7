// What a chart plots and its table lists: the same points, in time order.
export interface ChartPoint {
  /** Epoch ms. */
  at: number;
  value: number | null;
}

export interface ChartSeries {
  kind: 'line' | 'bar';
  /** What the values are ("Events waiting"), for the tooltip and the table's header. */
  name: string;
  /** Decimals shown, on the axis, in the tooltip and in the table alike. */
  digits: number;
  points: readonly ChartPoint[];
}
