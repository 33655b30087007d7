// How many coupons this kiosk gave per campaign, today and ever: the counts the daily
// caps and inventories are checked against. Kept in the renderer's IndexedDB next to
// the events (the prize rules run here, with the pack), written with strict durability
// before a coupon is signed, so a crash can lose a coupon but never over-issue one.
// Kiosks in the field upgrade in place: never edit a version() below; add the next.
import { Dexie, type EntityTable } from 'dexie';
import type { Campaign } from '../../../content/schema/campaign.ts';
import { stockLeft, type PrizeCount, type PrizeCounts } from './prize-rules.ts';

interface CountRow {
  /** `<campaign id>|<day>` for a day's count, `<campaign id>|total` for all time. */
  key: string;
  count: number;
}

type LedgerDb = Dexie & { counts: EntityTable<CountRow, 'key'> };

export const PRIZE_DB_NAME = 'kiosk-prizes';

const dayKey = (campaignId: string, day: string) => `${campaignId}|${day}`;
const totalKey = (campaignId: string) => `${campaignId}|total`;

export class PrizeLedger {
  private readonly db: LedgerDb;

  constructor(name = PRIZE_DB_NAME) {
    this.db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as LedgerDb;
    this.db.version(1).stores({ counts: 'key' });
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

  /**
   * Counts one coupon of `campaign` for `day` if its cap and inventory still allow it,
   * in one transaction; false when they do not (the shopper hears it is given out).
   */
  async reserve(campaign: Campaign, day: string): Promise<boolean> {
    return this.db.transaction('rw', this.db.counts, async () => {
      const [today, total] = await this.db.counts.bulkGet([dayKey(campaign.id, day), totalKey(campaign.id)]);
      const count = { today: today?.count ?? 0, total: total?.count ?? 0 };
      if (stockLeft(campaign, count) <= 0) return false;
      await this.db.counts.bulkPut([
        { key: dayKey(campaign.id, day), count: count.today + 1 },
        { key: totalKey(campaign.id), count: count.total + 1 },
      ]);
      return true;
    });
  }

  close(): void {
    this.db.close();
  }
}
