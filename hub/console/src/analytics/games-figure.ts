// Plays, completion and prizes per game and campaign, and the audit of the prizes: the
// observed win rate with its 99 % interval against the odds the pack configured.
import type { CampaignAudit } from '../../../../content/schema/hub-api/console/analytics.ts';
import { CHART_COLORS, CHART_FONT_FAMILY_OPTION, baseOption, escapeHtml, figureText, numberText, ratio, type Figure, type FigureFormat } from './figure-kit.ts';
import { heightFor } from './bar-list.ts';

export type CampaignVerdict = 'flagged' | 'ok' | 'unknown';

export function verdictOf(c: CampaignAudit): CampaignVerdict {
  if (c.flagged) return 'flagged';
  return c.odds === null || c.interval === null ? 'unknown' : 'ok';
}

/** Flagged first, then by plays. */
export function sortCampaigns(campaigns: readonly CampaignAudit[]): CampaignAudit[] {
  return [...campaigns].sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.plays - a.plays || a.gameId.localeCompare(b.gameId) || a.campaignId.localeCompare(b.campaignId));
}

const pct = (value: number | null, format: FigureFormat) => numberText({ value, kind: 'percent' }, format);

export function intervalText(c: CampaignAudit, format: FigureFormat): string | null {
  return c.interval ? format.t('analytics.games.interval', { low: pct(c.interval[0], format), high: pct(c.interval[1], format) }) : null;
}

/** The sentence a flagged campaign stands out with. */
export function flaggedSentence(c: CampaignAudit, format: FigureFormat): string {
  return format.t('analytics.games.flagged', {
    game: c.gameId,
    campaign: c.campaignId,
    observed: pct(c.winRate, format),
    draws: numberText({ value: c.draws, kind: 'count' }, format),
    odds: pct(c.odds, format),
  });
}

/** In percent with one decimal, as the table rounds it. */
const plotted = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function gamesFigure(campaigns: readonly CampaignAudit[], format: FigureFormat): Figure {
  const { t } = format;
  const sorted = sortCampaigns(campaigns);
  const table = {
    columns: [
      { label: t('analytics.games.col.game'), kind: 'text' as const },
      { label: t('analytics.games.col.campaign'), kind: 'text' as const },
      { label: t('analytics.games.col.plays'), kind: 'count' as const },
      { label: t('analytics.games.col.completed'), kind: 'count' as const },
      { label: t('analytics.games.col.completion'), kind: 'percent' as const },
      { label: t('analytics.games.col.draws'), kind: 'count' as const },
      { label: t('analytics.games.col.won'), kind: 'count' as const },
      { label: t('analytics.games.col.winRate'), kind: 'percent' as const },
      { label: t('analytics.games.col.interval'), kind: 'text' as const },
      { label: t('analytics.games.col.odds'), kind: 'percent' as const },
      { label: t('analytics.games.col.verdict'), kind: 'text' as const },
    ],
    tones: sorted.map((c) => (c.flagged ? ('bad' as const) : null)),
    rows: sorted.map((c) => [c.gameId, c.campaignId, c.plays, c.completed, ratio(c.completed, c.plays), c.draws, c.won, c.winRate, intervalText(c, format), c.odds, t(`analytics.games.verdict.${verdictOf(c)}`)]),
  };

  // One line per campaign: the interval as a floating bar (a transparent base stacked
  // under it), the observed rate as a dot and the configured odds as a diamond.
  const labels = sorted.map((c) => `${c.gameId} · ${c.campaignId}`);
  const low = sorted.map((c) => plotted(c.interval?.[0] ?? null));
  const span = sorted.map((c) => (c.interval ? plotted(c.interval[1])! - plotted(c.interval[0])! : null));
  const legend = { interval: t('analytics.games.legend.interval'), observed: t('analytics.games.legend.observed'), odds: t('analytics.games.legend.odds') };
  const tooltip = sorted.map((c, i) =>
    [
      labels[i]!,
      `${legend.observed}: ${pct(c.winRate, format)}`,
      `${legend.interval}: ${intervalText(c, format) ?? '—'}`,
      `${legend.odds}: ${pct(c.odds, format)}`,
      t(`analytics.games.verdict.${verdictOf(c)}`),
    ]
      .map(escapeHtml)
      .join('<br>'),
  );
  return {
    option: {
      ...baseOption(),
      legend: { top: 0, data: [legend.interval, legend.observed, legend.odds], textStyle: { ...CHART_FONT_FAMILY_OPTION } },
      grid: { left: 8, right: 24, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: { ...baseOption().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params) => tooltip[((Array.isArray(params) ? params[0] : params) as { dataIndex: number }).dataIndex] ?? '' },
      xAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { formatter: (v: number) => `${format.num(v, 0)}%`, ...CHART_FONT_FAMILY_OPTION } },
      yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false }, axisLabel: { width: 220, overflow: 'truncate', ...CHART_FONT_FAMILY_OPTION } },
      series: [
        { type: 'bar', stack: 'interval', silent: true, itemStyle: { color: 'transparent' }, data: low, barMaxWidth: 14, tooltip: { show: false } },
        {
          type: 'bar',
          name: legend.interval,
          stack: 'interval',
          barMaxWidth: 14,
          itemStyle: { color: CHART_COLORS.second },
          data: span.map((v, i) => ({ value: v, itemStyle: { color: sorted[i]!.flagged ? '#f3a6a6' : CHART_COLORS.second } })),
        },
        { type: 'scatter', name: legend.observed, symbolSize: 10, itemStyle: { color: CHART_COLORS.main }, data: sorted.map((c) => plotted(c.winRate)) },
        { type: 'scatter', name: legend.odds, symbol: 'diamond', symbolSize: 12, itemStyle: { color: CHART_COLORS.bad }, data: sorted.map((c) => plotted(c.odds)) },
      ],
    },
    text: figureText(table, format, [...labels, ...Object.values(legend)]),
    table,
    empty: campaigns.length === 0,
    height: heightFor(sorted.length) + 24,
  };
}
