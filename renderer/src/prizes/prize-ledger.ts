// How many coupons this kiosk gave per campaign, today and ever, and when it gave the
// last one: what the daily caps, inventories and cool-downs are checked against. Kept
// in the renderer's IndexedDB next to the events (the prize rules run here, with the
// pack), written with strict durability before a coupon is signed, so a crash can lose
// a coupon but never over-issue one, and a reload does not reset a cool-down.
// Kiosks in the field upgrade in place: never edit a version() below; add the next.
import { Dexie, type EntityTable } from 'dexie';
import type { Campaign } from '../../../content/schema/campaign.ts';
import { blockedBy, type PrizeCount, type PrizeCounts } from './prize-rules.ts';

interface CountRow {
  /** `<campaign id>|<day>` for a day's count, `<campaign id>|total` for all time. */
  key: string;
  count: number;
}

interface LastIssuedRow {
  campaignId: string;
  /** ms since the epoch, the kiosk's clock. */
  at: number;
}

type LedgerDb = Dexie & { counts: EntityTable<CountRow, 'key'>; lastIssued: EntityTable<LastIssuedRow, 'campaignId'> };

export const PRIZE_DB_NAME = 'kiosk-prizes';

const dayKey = (campaignId: string, day: string) => `${campaignId}|${day}`;
const totalKey = (campaignId: string) => `${campaignId}|total`;

/** Why a reservation was refused: the kiosk's limits (the shopper's are the desk's). */
export type ReserveRefusal = 'sold-out' | 'cooling-down';

export class PrizeLedger {
  private readonly db: LedgerDb;

  constructor(name = PRIZE_DB_NAME) {
    this.db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as LedgerDb;
    this.db.version(1).stores({ counts: 'key' });
    this.db.version(2).stores({ counts: 'key', lastIssued: 'campaignId' });
  }

  async counts(campaignIds: readonly string[], day: string): Promise<PrizeCounts> {
    const keys = campaignIds.flatMap((id) => [dayKey(id, day), totalKey(id)]);
    const rows = await this.db.counts.bulkGet(keys);
    const out: Record<string, PrizeCount> = {};
    campaignIds.forEach((id, i) => {
      out[id] = { today: rows[i * 2]?.count ?? 0, total: rows[i * 2 + 1]?.count ?? 0 };
    });
    return out;
  }

  /** When this kiosk last issued a coupon of each campaign (ms since the epoch), for those it ever did. */
  async lastIssued(campaignIds: readonly string[]): Promise<Record<string, number>> {
    const rows = await this.db.lastIssued.bulkGet([...campaignIds]);
    const out: Record<string, number> = {};
    for (const row of rows) if (row) out[row.campaignId] = row.at;
    return out;
  }

  /**
   * Counts one coupon of `campaign` for `day` at `now` if its cap, inventory and
   * cool-down still allow it, in one transaction; otherwise says which did not (the
   * shopper hears it kindly).
   */
  async reserve(campaign: Campaign, day: string, now: Date): Promise<ReserveRefusal | null> {
    return this.db.transaction('rw', this.db.counts, this.db.lastIssued, async () => {
      const [today, total] = await this.db.counts.bulkGet([dayKey(campaign.id, day), totalKey(campaign.id)]);
      const last = await this.db.lastIssued.get(campaign.id);
      const count: PrizeCount = { today: today?.count ?? 0, total: total?.count ?? 0, lastIssuedAt: last?.at ?? null };
      const blocked = blockedBy(campaign, count, now);
      if (blocked === 'sold-out' || blocked === 'cooling-down') return blocked;
      await this.db.counts.bulkPut([
        { key: dayKey(campaign.id, day), count: count.today + 1 },
        { key: totalKey(campaign.id), count: count.total + 1 },
      ]);
      await this.db.lastIssued.put({ campaignId: campaign.id, at: now.getTime() });
      return null;
    });
  }

  close(): void {
    this.db.close();
  }
}
