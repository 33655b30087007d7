// The prize desk a game session talks to: it reads the counts, asks the prize engine
// with a fresh seed, and reserves the coupon in the ledger before anyone sees a win.
import type { Campaign } from '../../../content/schema/campaign.ts';
import type { PrizeLedger } from './prize-ledger.ts';
import { decidePrize, kioskDay, prizeAvailability, runningAwards, type Availability, type PrizeDecision } from './prize-rules.ts';

export interface PrizeDeskDeps {
  ledger: Pick<PrizeLedger, 'counts' | 'reserve'>;
  campaigns: () => readonly Campaign[];
  now: () => Date;
  newSeed: () => string;
}

export interface PrizeAsk {
  gameId: string;
  score: number | null;
  onlyCampaigns?: readonly string[];
}

export interface PrizeDesk {
  availability(gameId: string, onlyCampaigns?: readonly string[]): Promise<Availability>;
  /** Decides, and when the shopper won, has already counted the coupon against the caps. */
  decide(ask: PrizeAsk): Promise<{ decision: PrizeDecision; campaign: Campaign | null }>;
}

export function createPrizeDesk(deps: PrizeDeskDeps): PrizeDesk {
  async function countsFor(gameId: string, now: Date, onlyCampaigns?: readonly string[]) {
    const ids = runningAwards(gameId, deps.campaigns(), now, onlyCampaigns).map(({ campaign }) => campaign.id);
    return deps.ledger.counts(ids, kioskDay(now));
  }
  return {
    async availability(gameId, onlyCampaigns) {
      const now = deps.now();
      const campaigns = deps.campaigns();
      const counts = await countsFor(gameId, now, onlyCampaigns);
      return prizeAvailability({ gameId, campaigns, counts, now, ...(onlyCampaigns ? { onlyCampaigns } : {}) });
    },
    async decide(ask) {
      const now = deps.now();
      const campaigns = deps.campaigns();
      const counts = await countsFor(ask.gameId, now, ask.onlyCampaigns);
      const decision = decidePrize({ ...ask, campaigns, counts, now, seed: deps.newSeed() });
      if (decision.outcome !== 'won') return { decision, campaign: null };
      const campaign = campaigns.find((c) => c.id === decision.campaignId)!;
      // Another session may have taken the last one between reading and reserving.
      if (!(await deps.ledger.reserve(campaign, kioskDay(now)))) {
        return { decision: { outcome: 'none', reason: 'sold-out', draw: decision.draw, seed: decision.seed, campaignId: campaign.id, odds: decision.odds }, campaign: null };
      }
      return { decision, campaign };
    },
  };
}
