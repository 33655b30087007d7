// Hub answers for the analytics, till and coupons tests, shaped by the contract.
import type { CampaignAudit, Funnel } from '../../../../content/schema/hub-api/console/analytics.ts';
import type { RedeemAnswer } from '../../../../content/schema/hub-api/redemptions.ts';
import type { PackRow } from '../analytics/packs-figure.ts';

export const FUNNEL: Funnel = { sessions: 1000, home: 800, scan: 300, play: 400, offers: 100, engaged: 600, gameFinished: 350, couponIssued: 120, couponRedeemed: 30, meanDwellMs: 83_000 };

export function packRow(name: string, sessions: number, engaged: number, gameFinished: number, couponIssued: number, couponRedeemed: number, meanDwellMs: number | null, kiosks = 2): PackRow {
  return { pack: name, funnel: { ...FUNNEL, sessions, engaged, gameFinished, couponIssued, couponRedeemed, meanDwellMs }, scans: 0, plays: 0, kiosks };
}

export const PACKS: PackRow[] = [packRow('spring@2025.05.1', 500, 300, 150, 60, 20, 95_000, 3), packRow('spring@2025.04.1', 400, 200, 100, 40, 10, 80_000), packRow('old@1', 10, 1, 0, 0, 0, null, 1)];

export const FLAGGED: CampaignAudit = { gameId: 'wheel', campaignId: 'spring-draw', odds: 0.1, plays: 500, completed: 450, draws: 420, won: 76, winRate: 76 / 420, interval: [0.1345, 0.2358], flagged: true };
export const FAIR: CampaignAudit = { gameId: 'catch', campaignId: 'may-gift', odds: 0.2, plays: 900, completed: 600, draws: 600, won: 118, winRate: 118 / 600, interval: [0.1604, 0.2385], flagged: false };

export const COUPON = {
  couponId: 'k1a2b3c4-000042',
  campaignId: 'spring-draw',
  reward: { kind: 'amount-off' as const, value: 1000 },
  kioskId: '1a2b3c4d',
  issuedAt: '2025-05-01T08:00:00.000Z',
  expiresAt: '2025-05-08T08:00:00.000Z',
};

export const REDEEMED: RedeemAnswer = { result: 'redeemed', coupon: COUPON };

/** The first redemption at 14:05 on 3 December this year, browser time. */
export const FIRST_AT = new Date(new Date().getFullYear(), 11, 3, 14, 5).toISOString();
export const ALREADY: RedeemAnswer = { result: 'refused', reason: 'already-redeemed', detail: 'already redeemed', coupon: COUPON, first: { at: FIRST_AT, storeId: 'sh-02', till: 'Till 1' } };
export const FORGED: RedeemAnswer = { result: 'refused', reason: 'bad-signature', detail: 'signature does not verify', coupon: null, first: null };
