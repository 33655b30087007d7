// What kiosks issued against what tills redeemed, for a period: per campaign, and the
// gaps in each kiosk's coupon numbers.
import { sql } from 'kysely';
import type { HubStore } from '../open-store.ts';

const num = (v: unknown) => Number(v ?? 0);

export async function campaignReconciliation(store: HubStore, f: { from: number; to: number; storeIds: readonly string[] | null }) {
  const stores = f.storeIds ? (f.storeIds.length ? sql`and c.store_id in (${sql.join([...f.storeIds])})` : sql`and 1 = 0`) : sql``;
  const { rows } = await sql<Record<string, unknown>>`
    select c.campaign_id as campaign_id,
      count(*) as issued,
      sum(case when r.coupon_id is not null then 1 else 0 end) as redeemed,
      sum(case when r.coupon_id is not null and r.redeemed_at >= c.expires_at then 1 else 0 end) as after_expiry,
      coalesce(sum(a.again), 0) as redeemed_twice
    from coupons c
    left join redemptions r on r.coupon_id = c.coupon_id and r.outcome = 'first'
    left join (select coupon_id, count(*) as again from redemptions where outcome = 'again' group by coupon_id) a on a.coupon_id = c.coupon_id
    where c.issued_at >= ${f.from} and c.issued_at < ${f.to} ${stores}
    group by c.campaign_id order by c.campaign_id`.execute(store.db);
  const storesR = f.storeIds ? (f.storeIds.length ? sql`and r.store_id in (${sql.join([...f.storeIds])})` : sql`and 1 = 0`) : sql``;
  const { rows: never } = await sql<{ n: unknown }>`
    select count(*) as n from redemptions r left join coupons c on c.coupon_id = r.coupon_id
    where r.outcome = 'first' and c.coupon_id is null and r.redeemed_at >= ${f.from} and r.redeemed_at < ${f.to} ${storesR}`.execute(store.db);
  return {
    campaigns: rows.map((r) => ({
      campaignId: String(r.campaign_id),
      issued: num(r.issued),
      redeemed: num(r.redeemed),
      redeemedTwice: num(r.redeemed_twice),
      afterExpiry: num(r.after_expiry),
      neverIssued: 0,
    })),
    neverIssued: num(never[0]?.n),
  };
}

/** Each kiosk's coupon numbers issued in the period, to find the gaps. */
export async function couponNumbers(store: HubStore, f: { from: number; to: number; storeIds: readonly string[] | null }) {
  let q = store.db.selectFrom('coupons').select(['kiosk_id', 'device_id', 'seq']).where('issued_at', '>=', f.from).where('issued_at', '<', f.to).orderBy('kiosk_id').orderBy('seq');
  if (f.storeIds) q = q.where('store_id', 'in', f.storeIds.length ? [...f.storeIds] : ['']);
  return q.execute();
}
