// One shopper's game, from the kiosk's side: the prize is decided once (during play
// for games of chance, after the score otherwise), every step is recorded, and a
// coupon reaches the screen only in this order — decided and counted, signed by the
// host, its "Coupon Issued" event durably written — never before.
import type { Campaign } from '../../../content/schema/campaign.ts';
import type { GameKind } from '../../../content/schema/game-config.ts';
import type { CouponApi, IssuedCoupon } from '../../../electron/common/kiosk-api.ts';
import type { GameResult, PrizeReveal } from '../../../games/index.ts';
import type { Tracker } from '../events/tracker.ts';
import type { PrizeDesk } from '../prizes/prize-desk.ts';
import { couponClaimFor, type NoPrizeReason, type PrizeDecision } from '../prizes/prize-rules.ts';

export type PlayOutcome =
  | { kind: 'coupon'; campaign: Campaign; coupon: IssuedCoupon }
  | { kind: 'no-prize'; reason: NoPrizeReason; minScore?: number }
  /** Won, but the coupon could not be signed or recorded: staff must help. */
  | { kind: 'coupon-error'; campaign: Campaign; message: string };

export interface PlaySessionDeps {
  game: { id: string; kind: GameKind; onlyCampaigns?: readonly string[] };
  desk: PrizeDesk;
  coupons: Pick<CouponApi, 'issue'>;
  tracker: Tracker;
  /** Reports a step the kiosk could not record (shown to nobody, kept for tests and logs). */
  onProblem?: (message: string) => void;
}

type Decided = { decision: PrizeDecision; campaign: Campaign | null };

const iso = (unixSec: number) => new Date(unixSec * 1000).toISOString();

export class PlaySession {
  private decided: Promise<Decided> | null = null;
  private ended = false;

  constructor(private readonly deps: PlaySessionDeps) {}

  /** For games of chance: the prize, decided (and counted) once however often asked. */
  decidePrize(score: number | null): Promise<PrizeReveal> {
    return this.decide(score).then(({ decision, campaign }) => ({ won: campaign !== null, prizeId: decision.outcome === 'won' ? decision.campaignId : null }));
  }

  async started(durationSec: number, difficulty: string): Promise<void> {
    const { id, kind } = this.deps.game;
    await this.record(() => this.deps.tracker.track('Game Started', { game_id: id, game_kind: kind, difficulty, duration_sec: durationSec }));
  }

  async finish(result: GameResult): Promise<PlayOutcome> {
    this.ended = true;
    const { decision, campaign } = await this.decide(result.score);
    await this.recordFinished(result, decision);
    if (!campaign) {
      return decision.outcome === 'none'
        ? { kind: 'no-prize', reason: decision.reason, ...(decision.minScore !== undefined ? { minScore: decision.minScore } : {}) }
        : { kind: 'no-prize', reason: 'unlucky' };
    }
    const issued = await this.deps.coupons.issue(couponClaimFor(campaign)).catch((err: unknown) => ({ ok: false as const, message: String((err as Error).message ?? err) }));
    if (!issued.ok) return this.couponFailed(campaign, issued.message);
    const c = issued.coupon;
    try {
      await this.deps.tracker.track('Coupon Issued', {
        coupon_id: c.couponId,
        campaign_id: campaign.id,
        game_id: this.deps.game.id,
        kiosk_id: c.kioskId,
        key_id: c.keyId,
        kiosk_coupon_seq: c.seq,
        issued_at: iso(c.issuedAt),
        expires_at: iso(c.expiresAt),
        reward_kind: couponClaimFor(campaign).reward.kind,
        reward_value: couponClaimFor(campaign).reward.value,
        token: c.token,
      });
    } catch (err) {
      // Not durably recorded: the QR code must not be shown.
      return this.couponFailed(campaign, `the Coupon Issued event could not be stored: ${(err as Error).message}`);
    }
    return { kind: 'coupon', campaign, coupon: c };
  }

  /** The shopper left before the end (idle, back, home): recorded as not completed. */
  abandon(partial: GameResult | null): void {
    if (this.ended) return;
    this.ended = true;
    const result = partial ?? { score: 0, durationMs: 0, completed: false, stats: {} };
    void (this.decided ?? Promise.resolve(null)).then((d) => this.recordFinished({ ...result, completed: false }, d?.decision ?? null));
  }

  private decide(score: number | null): Promise<Decided> {
    const { id, onlyCampaigns } = this.deps.game;
    this.decided ??= this.deps.desk.decide({ gameId: id, score, ...(onlyCampaigns ? { onlyCampaigns } : {}) });
    return this.decided;
  }

  private async couponFailed(campaign: Campaign, reason: string): Promise<PlayOutcome> {
    await this.record(() => this.deps.tracker.track('Coupon Not Issued', { campaign_id: campaign.id, game_id: this.deps.game.id, reason }));
    return { kind: 'coupon-error', campaign, message: reason };
  }

  private recordFinished(result: GameResult, decision: PrizeDecision | null): Promise<void> {
    const { id, kind } = this.deps.game;
    return this.record(() =>
      this.deps.tracker.track('Game Finished', {
        game_id: id,
        game_kind: kind,
        completed: result.completed,
        score: result.score,
        duration_ms: result.durationMs,
        stats: result.stats,
        prize_outcome: decision ? decision.outcome : 'undecided',
        prize_reason: decision?.outcome === 'none' ? decision.reason : null,
        campaign_id: decision?.campaignId ?? null,
        prize_seed: decision?.seed ?? null,
        prize_draw: decision?.draw ?? null,
        prize_odds: decision?.odds ?? null,
      }),
    );
  }

  private async record(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      this.deps.onProblem?.(`an event could not be recorded: ${(err as Error).message}`);
    }
  }
}
