// The funnel: sessions → home → engaged (and its three ways) → game finished → coupon
// issued → coupon redeemed, with the conversion from the step before and of all sessions.
import type { Funnel } from '../../../../content/schema/hub-api/console/analytics.ts';
import { barListOption, heightFor } from './bar-list.ts';
import { CHART_COLORS, figureText, numberText, ratio, type Figure, type FigureFormat } from './figure-kit.ts';

type StepKey = 'sessions' | 'home' | 'engaged' | 'scan' | 'play' | 'offers' | 'gameFinished' | 'couponIssued' | 'couponRedeemed';

/** The funnel in order; the three ways to engage sit under "engaged" and convert from "home" as it does. */
export const FUNNEL_STEPS: readonly { key: StepKey; from: StepKey | null; part?: true }[] = [
  { key: 'sessions', from: null },
  { key: 'home', from: 'sessions' },
  { key: 'engaged', from: 'home' },
  { key: 'scan', from: 'home', part: true },
  { key: 'play', from: 'home', part: true },
  { key: 'offers', from: 'home', part: true },
  { key: 'gameFinished', from: 'engaged' },
  { key: 'couponIssued', from: 'gameFinished' },
  { key: 'couponRedeemed', from: 'couponIssued' },
];

export interface FunnelRow {
  key: StepKey;
  part: boolean;
  sessions: number;
  /** Conversion from the step before (null: the first step, or nothing before). */
  fromPrevious: number | null;
  ofSessions: number | null;
}

export function funnelRows(funnel: Funnel): FunnelRow[] {
  return FUNNEL_STEPS.map((step) => ({
    key: step.key,
    part: step.part === true,
    sessions: funnel[step.key],
    fromPrevious: step.from ? ratio(funnel[step.key], funnel[step.from]) : null,
    ofSessions: ratio(funnel[step.key], funnel.sessions),
  }));
}

export function funnelFigure(funnel: Funnel, format: FigureFormat): Figure {
  const { t } = format;
  const rows = funnelRows(funnel);
  const table = {
    columns: [
      { label: t('analytics.funnel.col.step'), kind: 'text' as const },
      { label: t('analytics.funnel.col.sessions'), kind: 'count' as const },
      { label: t('analytics.funnel.col.fromPrevious'), kind: 'percent' as const },
      { label: t('analytics.funnel.col.ofSessions'), kind: 'percent' as const },
    ],
    rows: rows.map((r) => [t(`analytics.funnel.step.${r.key}`), r.sessions, r.fromPrevious, r.ofSessions]),
  };
  const bars = rows.map((r) => {
    const count = numberText({ value: r.sessions, kind: 'count' }, format);
    return {
      label: t(`analytics.funnel.step.${r.key}`),
      value: r.sessions,
      text: r.fromPrevious === null ? count : t('analytics.funnel.label', { count, rate: numberText({ value: r.fromPrevious, kind: 'percent' }, format) }),
      color: r.part ? CHART_COLORS.second : CHART_COLORS.main,
    };
  });
  return {
    option: barListOption(bars, (v) => format.num(v, 0)),
    text: figureText(table, format, bars.map((b) => b.text)),
    table,
    empty: funnel.sessions === 0,
    height: heightFor(bars.length),
  };
}
