// The prize desk a game session talks to: it reads the counts (the kiosk's, from the
// ledger, and this shopper's, from the session tally), asks the prize engine with a
// fresh seed, and reserves the coupon in the ledger before anyone sees a win.
import type { Campaign } from '../../../content/schema/campaign.ts';
import type { PrizeLedger } from './prize-ledger.ts';
import { decidePrize, kioskDay, prizeAvailability, runningAwards, type Availability, type PrizeCounts, type PrizeDecision } from './prize-rules.ts';

/** Coupons won in the current shopper session, by campaign; cleared when the session ends. */
export interface SessionTally {
  won(campaignId: string): number;
  add(campaignId: string): void;
  remove(campaignId: string): void;
  clear(): void;
}

export function createSessionTally(): SessionTally {
  const counts = new Map<string, number>();
  return {
    won: (id) => counts.get(id) ?? 0,
    add: (id) => void counts.set(id, (counts.get(id) ?? 0) + 1),
    remove: (id) => void counts.set(id, Math.max(0, (counts.get(id) ?? 0) - 1)),
    clear: () => counts.clear(),
  };
}

export interface PrizeDeskDeps {
  ledger: Pick<PrizeLedger, 'counts' | 'lastIssued' | 'reserve'>;
  session: SessionTally;
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
  async function countsFor(gameId: string, now: Date, onlyCampaigns?: readonly string[]): Promise<PrizeCounts> {
    const ids = runningAwards(gameId, deps.campaigns(), now, onlyCampaigns).map(({ campaign }) => campaign.id);
    const [kiosk, last] = await Promise.all([deps.ledger.counts(ids, kioskDay(now)), deps.ledger.lastIssued(ids)]);
    return Object.fromEntries(ids.map((id) => [id, { ...kiosk[id]!, session: deps.session.won(id), lastIssuedAt: last[id] ?? null }]));
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
      // Between reading and reserving, this shopper's other game may have won it, another
      // session may have taken the last one or started the cool-down. The shopper's slot
      // is taken at once (before anything is awaited) and given back if the kiosk refuses.
      const refuse = (reason: 'session-limit' | 'sold-out' | 'cooling-down') => ({ decision: { outcome: 'none' as const, reason, draw: decision.draw, seed: decision.seed, campaignId: campaign.id, odds: decision.odds }, campaign: null });
      if (deps.session.won(campaign.id) >= campaign.capPerSession) return refuse('session-limit');
      deps.session.add(campaign.id);
      const refused = await deps.ledger.reserve(campaign, kioskDay(now), now);
      if (refused) {
        deps.session.remove(campaign.id);
        return refuse(refused);
      }
      return { decision, campaign };
    },
  };
}
