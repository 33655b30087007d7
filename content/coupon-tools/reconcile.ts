// Reconciling what kiosks issued with what tills redeemed: the checks a retailer's
// backend runs to spot forged, copied, stale or missing coupons.
import { couponIdOf, expiresAtOf, findToken, readToken, verifyCoupon, type KnownCouponKey } from '../schema/coupon/index.ts';
import { bi, type Bilingual } from '../lib/report/bilingual.ts';

export interface IssuedCouponRecord {
  couponId: string;
  kioskId: string;
  seq: number;
  /** Unix seconds, when known. */
  expiresAt?: number;
  token?: string;
}

export interface RedemptionRecord {
  token: string;
  /** Unix seconds. */
  redeemedAt: number;
  /** Which till or store, as the till reported it. */
  where?: string;
}

export type FindingKind = 'redeemed-never-issued' | 'duplicate-redemption' | 'redeemed-after-expiry' | 'seq-gap' | 'seq-reused' | 'invalid-token';

export interface Finding {
  kind: FindingKind;
  couponId?: string;
  kioskId?: string;
  /** For seq gaps: the first and last missing number. */
  missing?: [number, number];
  text: Bilingual;
}

const iso = (unixSec: number) => new Date(unixSec * 1000).toISOString();

/** Missing runs in a set of numbers, between its smallest and largest. */
export function seqGaps(seqs: Iterable<number>): [number, number][] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const gaps: [number, number][] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur > prev + 1) gaps.push([prev + 1, cur - 1]);
  }
  return gaps;
}

export interface ReconcileOptions {
  /** When given, every redeemed token's signature is checked too. */
  keys?: readonly KnownCouponKey[];
}

export async function reconcileCoupons(issued: readonly IssuedCouponRecord[], redemptions: readonly RedemptionRecord[], options: ReconcileOptions = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  const issuedById = new Map<string, IssuedCouponRecord>();
  const seqsByKiosk = new Map<string, number[]>();
  for (const record of issued) {
    const earlier = issuedById.get(record.couponId);
    if (earlier && earlier.token !== undefined && record.token !== undefined && earlier.token !== record.token) {
      findings.push({
        kind: 'seq-reused',
        couponId: record.couponId,
        kioskId: record.kioskId,
        text: bi(`互动屏 ${record.kioskId} 的券号 ${record.seq} 被签发了两张不同的券`, `kiosk ${record.kioskId} issued two different coupons with number ${record.seq}`),
      });
    }
    if (!earlier) issuedById.set(record.couponId, record);
    const seqs = seqsByKiosk.get(record.kioskId) ?? [];
    seqs.push(record.seq);
    seqsByKiosk.set(record.kioskId, seqs);
  }
  for (const [kioskId, seqs] of seqsByKiosk) {
    for (const missing of seqGaps(seqs)) {
      const range = missing[0] === missing[1] ? `${missing[0]}` : `${missing[0]}–${missing[1]}`;
      findings.push({
        kind: 'seq-gap',
        kioskId,
        missing,
        text: bi(`互动屏 ${kioskId} 缺少券号 ${range} 的签发记录（事件尚未送达，或签发后未记录）`, `kiosk ${kioskId} has no issue record for coupon number ${range} (events still on their way, or issued without a record)`),
      });
    }
  }

  const redeemedOnce = new Map<string, RedemptionRecord>();
  for (const redemption of [...redemptions].sort((a, b) => a.redeemedAt - b.redeemedAt)) {
    const read = readToken(redemption.token);
    const where = redemption.where ? ` @ ${redemption.where}` : '';
    if (!read.ok) {
      findings.push({ kind: 'invalid-token', text: bi(`无法读取的券码${where}：${read.detail}`, `unreadable coupon token${where}: ${read.detail}`) });
      continue;
    }
    const { fields } = read;
    const couponId = couponIdOf(fields.kioskId, fields.seq);
    const base = { couponId, kioskId: fields.kioskId };
    if (options.keys) {
      const verdict = await verifyCoupon(redemption.token, options.keys, { now: redemption.redeemedAt });
      if (!verdict.valid && (verdict.reason === 'bad-signature' || verdict.reason === 'unknown-key')) {
        findings.push({ ...base, kind: 'invalid-token', text: bi(`券 ${couponId}${where} 的签名无效（${verdict.reason}）：${verdict.detail}`, `coupon ${couponId}${where} has an invalid signature (${verdict.reason}): ${verdict.detail}`) });
      }
    }
    const issuedRecord = issuedById.get(couponId);
    if (!issuedRecord) {
      findings.push({ ...base, kind: 'redeemed-never-issued', text: bi(`券 ${couponId}${where} 已核销，但没有它的签发记录`, `coupon ${couponId}${where} was redeemed but never issued`) });
    } else if (issuedRecord.token !== undefined && findToken(issuedRecord.token) !== findToken(redemption.token)) {
      findings.push({ ...base, kind: 'redeemed-never-issued', text: bi(`券 ${couponId}${where} 已核销，但券码与签发的不同（伪造或被改动）`, `coupon ${couponId}${where} was redeemed with a token that differs from the one issued (forged or altered)`) });
    }
    const expiresAt = issuedRecord?.expiresAt ?? expiresAtOf(fields);
    if (redemption.redeemedAt >= expiresAt) {
      findings.push({ ...base, kind: 'redeemed-after-expiry', text: bi(`券 ${couponId}${where} 于 ${iso(redemption.redeemedAt)} 核销，已在 ${iso(expiresAt)} 过期`, `coupon ${couponId}${where} was redeemed at ${iso(redemption.redeemedAt)}, after it expired at ${iso(expiresAt)}`) });
    }
    const first = redeemedOnce.get(couponId);
    if (first) {
      const firstWhere = first.where ? ` @ ${first.where}` : '';
      findings.push({ ...base, kind: 'duplicate-redemption', text: bi(`券 ${couponId} 被重复核销：${iso(first.redeemedAt)}${firstWhere}，又于 ${iso(redemption.redeemedAt)}${where}`, `coupon ${couponId} was redeemed twice: ${iso(first.redeemedAt)}${firstWhere}, again ${iso(redemption.redeemedAt)}${where}`) });
    } else {
      redeemedOnce.set(couponId, redemption);
    }
  }
  return findings;
}
