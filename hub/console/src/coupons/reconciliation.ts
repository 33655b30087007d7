// The reconciliation as a table (shown, and exported as CSV): one row per campaign and
// a total; a campaign with coupons redeemed twice, after expiry or never issued stands out.
import type { z } from 'zod';
import type { CampaignReconciliation, CouponGap } from '../../../../content/schema/hub-api/console/tills.ts';
import type { FigureTable, Translate } from '../charts/figure.ts';

export type CampaignRow = z.infer<typeof CampaignReconciliation>;
export type GapRow = z.infer<typeof CouponGap>;

const COUNTS = ['issued', 'redeemed', 'redeemedTwice', 'afterExpiry', 'neverIssued'] as const;
export const PROBLEMS = ['redeemedTwice', 'afterExpiry', 'neverIssued'] as const;

export const hasProblem = (row: Pick<CampaignRow, (typeof PROBLEMS)[number]>): boolean => PROBLEMS.some((k) => row[k] > 0);

export function reconciliationTable(campaigns: readonly CampaignRow[], t: Translate): FigureTable {
  const sorted = [...campaigns].sort((a, b) => Number(hasProblem(b)) - Number(hasProblem(a)) || b.issued - a.issued || a.campaignId.localeCompare(b.campaignId));
  const total = Object.fromEntries(COUNTS.map((k) => [k, campaigns.reduce((sum, c) => sum + c[k], 0)])) as Record<(typeof COUNTS)[number], number>;
  const row = (name: string, c: Record<(typeof COUNTS)[number], number>) => [
    name,
    c.issued,
    c.redeemed,
    c.issued > 0 ? c.redeemed / c.issued : null,
    c.redeemedTwice,
    c.afterExpiry,
    c.neverIssued,
  ];
  return {
    columns: [
      { label: t('coupons.col.campaign'), kind: 'text' },
      { label: t('coupons.col.issued'), kind: 'count' },
      { label: t('coupons.col.redeemed'), kind: 'count' },
      { label: t('coupons.col.rate'), kind: 'percent' },
      { label: t('coupons.col.redeemedTwice'), kind: 'count' },
      { label: t('coupons.col.afterExpiry'), kind: 'count' },
      { label: t('coupons.col.neverIssued'), kind: 'count' },
    ],
    rows: [...sorted.map((c) => row(c.campaignId, c)), row(t('coupons.total'), total)],
    tones: [...sorted.map((c) => (hasProblem(c) ? ('warn' as const) : null)), null],
  };
}

/**
 * How many numbers a gap misses. The contract does not say whether `to` is included:
 * read as both ends missing (from 5 to 7: numbers 5, 6 and 7).
 */
export function gapSize(gap: Pick<GapRow, 'from' | 'to'>): number {
  return Math.max(0, gap.to - gap.from + 1);
}
