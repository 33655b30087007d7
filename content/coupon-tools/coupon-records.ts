// Turns exported records into what reconciliation compares: "Coupon Issued" events
// (Segment messages or just their properties) and till redemptions.
import { couponIdOf, expiresAtOf, findToken, readToken } from '../schema/coupon/index.ts';
import { bi, type Bilingual } from '../lib/report/bilingual.ts';
import type { IssuedCouponRecord, RedemptionRecord } from './reconcile.ts';

export interface Skipped {
  index: number;
  text: Bilingual;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unix seconds from an ISO date-time or a number (seconds, or milliseconds when it is that large). */
export function toUnixSeconds(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value > 1e11 ? value / 1000 : value);
  if (typeof value === 'string' && value.trim() !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
  }
  return null;
}

export function issuedFromRecords(records: readonly unknown[]): { issued: IssuedCouponRecord[]; skipped: Skipped[] } {
  const issued: IssuedCouponRecord[] = [];
  const skipped: Skipped[] = [];
  records.forEach((record, index) => {
    if (!isObject(record)) return void skipped.push({ index, text: bi('不是 JSON 对象', 'not a JSON object') });
    if (typeof record.event === 'string' && record.event !== 'Coupon Issued') return; // other events in the same export
    const p = isObject(record.properties) ? record.properties : record;
    const token = typeof p.token === 'string' ? findToken(p.token) : null;
    const read = token ? readToken(token) : null;
    if (read?.ok) {
      const { kioskId, seq } = read.fields;
      issued.push({ couponId: couponIdOf(kioskId, seq), kioskId, seq, expiresAt: expiresAtOf(read.fields), token: token! });
      return;
    }
    const kioskId = typeof p.kiosk_id === 'string' ? p.kiosk_id : null;
    const seq = typeof p.kiosk_coupon_seq === 'number' ? p.kiosk_coupon_seq : null;
    if (!kioskId || seq === null) {
      return void skipped.push({ index, text: bi('缺少 token，或 kiosk_id 与 kiosk_coupon_seq', 'has no token, nor kiosk_id and kiosk_coupon_seq') });
    }
    issued.push({ couponId: couponIdOf(kioskId, seq), kioskId, seq, ...(toUnixSeconds(p.expires_at) !== null ? { expiresAt: toUnixSeconds(p.expires_at)! } : {}) });
  });
  return { issued, skipped };
}

export function redemptionsFromRecords(records: readonly unknown[]): { redemptions: RedemptionRecord[]; skipped: Skipped[] } {
  const redemptions: RedemptionRecord[] = [];
  const skipped: Skipped[] = [];
  records.forEach((record, index) => {
    if (!isObject(record)) return void skipped.push({ index, text: bi('不是 JSON 对象', 'not a JSON object') });
    const token = typeof record.token === 'string' ? record.token : null;
    const redeemedAt = toUnixSeconds(record.redeemedAt ?? record.redeemed_at);
    if (!token || redeemedAt === null) {
      return void skipped.push({ index, text: bi('缺少 token 或 redeemedAt（核销时间）', 'has no token or redeemedAt (when it was redeemed)') });
    }
    const where = record.where ?? record.till ?? record.store;
    redemptions.push({ token, redeemedAt, ...(typeof where === 'string' ? { where } : {}) });
  });
  return { redemptions, skipped };
}
