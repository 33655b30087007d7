// Do the prizes follow the odds the pack configured? For each campaign the observed win
// rate over the draws (games where the prize was drawn against the odds), its 99 %
// Wilson score interval, and a flag when the configured odds lie outside it: a campaign
// paying out far more, or far less, than the pack says.
export const CONFIDENCE_Z = 2.5758; // 99 %, two-sided

/** Wilson score interval for `won` of `draws`; null with no draw. */
export function wilsonInterval(won: number, draws: number, z = CONFIDENCE_Z): [number, number] | null {
  if (draws <= 0) return null;
  const p = won / draws;
  const z2 = z * z;
  const denom = 1 + z2 / draws;
  const centre = (p + z2 / (2 * draws)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / draws + z2 / (4 * draws * draws))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface CampaignCounts {
  gameId: string;
  campaignId: string;
  odds: number | null;
  plays: number;
  completed: number;
  draws: number;
  won: number;
}

export function auditCampaign(c: CampaignCounts) {
  const interval = wilsonInterval(c.won, c.draws);
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    ...c,
    winRate: c.draws > 0 ? round(c.won / c.draws) : null,
    interval: interval ? ([round(interval[0]), round(interval[1])] as [number, number]) : null,
    flagged: interval !== null && c.odds !== null && (c.odds < interval[0] || c.odds > interval[1]),
  };
}
