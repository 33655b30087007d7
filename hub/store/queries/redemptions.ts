// Redemptions as tills report them. The first redemption of a coupon is unique in the
// database (a partial unique index), so two tills redeeming one coupon at the same moment
// cannot both succeed; every later one is kept as "again" for the reconciliation.
import type { HubStore } from '../open-store.ts';
import { markRedeemed } from './rollups.ts';

export interface Redemption {
  couponId: string;
  kioskId: string;
  /** The enrolled kiosk whose key signed the coupon (null if the hub does not know it). */
  issuedBy: string | null;
  campaignTag: string;
  couponSeq: number;
  storeId: string;
  till: string;
  redeemedAt: number;
  receivedAt: number;
  expiresAt: number;
}

export interface FirstRedemptionRecord {
  storeId: string;
  till: string;
  redeemedAt: number;
}

export type RecordOutcome = { outcome: 'first' } | { outcome: 'again'; first: FirstRedemptionRecord } | { outcome: 'repeat'; first: FirstRedemptionRecord; wasFirst: boolean };

async function firstOf(store: HubStore, couponId: string): Promise<FirstRedemptionRecord | null> {
  const row = await store.db.selectFrom('redemptions').select(['store_id', 'till', 'redeemed_at']).where('coupon_id', '=', couponId).where('outcome', '=', 'first').executeTakeFirst();
  return row ? { storeId: row.store_id, till: row.till, redeemedAt: row.redeemed_at } : null;
}

/**
 * Records a redemption. `first` when it is the coupon's first (its session reaches the
 * funnel's last step); `again` when the coupon was redeemed before (kept, refused);
 * `repeat` when this very till already reported this very redemption (an offline till
 * sending its batch again): nothing is written.
 */
export async function recordRedemption(store: HubStore, r: Redemption): Promise<RecordOutcome> {
  const same = await store.db
    .selectFrom('redemptions')
    .select(['outcome'])
    .where('till', '=', r.till)
    .where('coupon_id', '=', r.couponId)
    .where('redeemed_at', '=', r.redeemedAt)
    .executeTakeFirst();
  if (same) return { outcome: 'repeat', first: (await firstOf(store, r.couponId))!, wasFirst: same.outcome === 'first' };
  const row = {
    coupon_id: r.couponId,
    kiosk_id: r.kioskId,
    campaign_tag: r.campaignTag,
    coupon_seq: r.couponSeq,
    store_id: r.storeId,
    till: r.till,
    redeemed_at: r.redeemedAt,
    received_at: r.receivedAt,
    expires_at: r.expiresAt,
  };
  try {
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('redemptions').values({ ...row, outcome: 'first' }).execute();
      await markRedeemed(trx, store.dialect, r.couponId, r.issuedBy);
    });
    return { outcome: 'first' };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  await store.db.insertInto('redemptions').values({ ...row, outcome: 'again' }).execute();
  return { outcome: 'again', first: (await firstOf(store, r.couponId))! };
}

/** A unique key refused the row, on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

export interface IssuedCoupon {
  campaignId: string;
  issuedAt: number;
}

export async function issuedCoupon(store: HubStore, couponId: string): Promise<IssuedCoupon | null> {
  const row = await store.db.selectFrom('coupons').select(['campaign_id', 'issued_at']).where('coupon_id', '=', couponId).executeTakeFirst();
  return row ? { campaignId: row.campaign_id, issuedAt: row.issued_at } : null;
}
