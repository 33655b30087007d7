// Main signs a coupon only for what the active pack could award: a campaign of that
// pack, running now, with exactly its reward and validity, within its daily cap, after
// its cool-down and at a pace a real game allows. A renderer that was tampered with
// cannot mint coupons, nor farm them: the shopper session is the renderer's word (it
// could start a new one for every claim), so main holds the limit that needs no word —
// the campaign's cool-down (cooldownSec) between two of its coupons on this kiosk,
// timed on a clock that never goes back. One coupon a session is the renderer's rule.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Campaign } from '../../content/schema/campaign.ts';
import { couponClaimFor } from '../../content/schema/coupon/campaign-claim.ts';
import { DATA_FILES } from '../../content/schema/layout.ts';
import { DATA_FILE_SCHEMAS } from '../../content/schema/pack-data.ts';
import type { CouponClaim } from '../common/kiosk-api.ts';

export const COUPON_PACE = { perMinute: 6 } as const;

export interface CouponGuardOptions {
  /** The active pack's folder and activation, or null. */
  activePack: () => { dir: string; activation: number } | null;
  now?: () => Date;
  /** A clock that never goes back (ms), for cool-downs: performance.now() unless a test gives one. */
  monotonicMs?: () => number;
}

const dayOf = (d: Date) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;

export class CouponGuard {
  private cache: { activation: number; campaigns: Campaign[] } | null = null;
  private recent: number[] = [];
  private issuedToday = new Map<string, number>();
  /** When each campaign's last coupon was admitted, on the monotonic clock. */
  private lastAdmitted = new Map<string, number>();
  private day = '';

  constructor(private readonly options: CouponGuardOptions) {}

  /** Why this claim must not be signed, or null when it may. Counts it when allowed. */
  async admit(claim: CouponClaim): Promise<string | null> {
    const now = this.options.now?.() ?? new Date();
    const campaigns = await this.campaigns();
    const campaign = campaigns.find((c) => c.id === claim.campaignId);
    if (!campaign) return `campaign ${claim.campaignId} is not in the active content pack`;
    const at = now.getTime();
    if (at < Date.parse(campaign.validFrom) || at >= Date.parse(campaign.validTo)) return `campaign ${campaign.id} is not running now`;
    const expected = couponClaimFor(campaign);
    if (JSON.stringify(expected) !== JSON.stringify({ campaignId: claim.campaignId, reward: claim.reward, validHours: claim.validHours })) {
      return `the claim does not match campaign ${campaign.id}'s reward and validity`;
    }
    if (dayOf(now) !== this.day) {
      this.day = dayOf(now);
      this.issuedToday.clear();
    }
    const today = this.issuedToday.get(campaign.id) ?? 0;
    if (today >= campaign.dailyCapPerKiosk) return `campaign ${campaign.id} reached its daily cap of ${campaign.dailyCapPerKiosk}`;
    const tick = this.options.monotonicMs?.() ?? performance.now();
    const last = this.lastAdmitted.get(campaign.id);
    if (last !== undefined && tick - last < campaign.cooldownSec * 1000) {
      return `campaign ${campaign.id} is cooling down: its next coupon in ${Math.ceil((campaign.cooldownSec * 1000 - (tick - last)) / 1000)} s`;
    }
    this.recent = this.recent.filter((t) => at - t < 60_000);
    if (this.recent.length >= COUPON_PACE.perMinute) return `more than ${COUPON_PACE.perMinute} coupons in a minute`;
    this.recent.push(at);
    this.issuedToday.set(campaign.id, today + 1);
    this.lastAdmitted.set(campaign.id, tick);
    return null;
  }

  private async campaigns(): Promise<Campaign[]> {
    const active = this.options.activePack();
    if (!active) return [];
    if (this.cache?.activation === active.activation) return this.cache.campaigns;
    const raw = JSON.parse(await readFile(path.join(active.dir, DATA_FILES.campaigns), 'utf8')) as unknown;
    const campaigns = DATA_FILE_SCHEMAS.campaigns.parse(raw);
    this.cache = { activation: active.activation, campaigns };
    return campaigns;
  }
}
