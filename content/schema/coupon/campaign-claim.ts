import type { Campaign } from '../campaign.ts';
import type { CouponClaim } from './issue-coupon.ts';

/** What the kiosk signs for a won campaign: its reward and validity, nothing else. */
export function couponClaimFor(campaign: Campaign): CouponClaim {
  const r = campaign.reward;
  const reward: CouponClaim['reward'] =
    r.kind === 'percent-off' ? { kind: r.kind, value: r.percent } : r.kind === 'amount-off' ? { kind: r.kind, value: r.amount } : { kind: 'gift', value: 0 };
  return { campaignId: campaign.id, reward, validHours: campaign.couponValidDays * 24 };
}
