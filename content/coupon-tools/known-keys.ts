// The kiosk coupon keys a till or the backend trusts: the files kiosks export
// (coupon-public-key.json), one, a list, or JSON Lines, possibly several files.
import { z } from 'zod';
import type { KnownCouponKey } from '../schema/coupon/index.ts';
import { bi } from '../lib/report/bilingual.ts';
import { UserError } from '../lib/report/user-error.ts';
import { readRecords } from './read-records.ts';

const KeyRecord = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  kioskId: z.string().optional(),
  deviceId: z.string().optional(),
  storeId: z.string().optional(),
  kioskName: z.string().optional(),
});

export async function readKnownKeys(files: readonly string[]): Promise<KnownCouponKey[]> {
  const keys: KnownCouponKey[] = [];
  for (const file of files) {
    for (const [index, record] of (await readRecords(file)).entries()) {
      const parsed = KeyRecord.safeParse(record);
      if (!parsed.success) {
        throw new UserError(
          bi(`${file} 的第 ${index + 1} 条不是互动屏的优惠券公钥`, `record ${index + 1} of ${file} is not a kiosk coupon public key`),
          bi('使用互动屏导出的 coupon-public-key.json（含 keyId 与 publicKey）', 'use the coupon-public-key.json a kiosk exports (with keyId and publicKey)'),
        );
      }
      keys.push(parsed.data);
    }
  }
  return keys;
}
