// Times every dashboard query through the hub's API with the filters people use (the
// whole fleet for 30 days, a store for a week, a kiosk, a pack version), and a till
// redeeming real signed coupons.
import type { webcrypto } from 'node:crypto';
import { couponKeyId, kioskIdOf, signClaim, toBase64, webCryptoSigner } from '../../../content/schema/coupon/index.ts';
import { openStore } from '../../../hub/store/open-store.ts';
import { newTillToken } from '../../../hub/server/auth/secrets.ts';
import { createTill } from '../../../hub/store/queries/tills.ts';
import { percentile } from '../machine.ts';
import type { SeededKiosk } from './seed-kiosks.ts';

const REPORTS = ['funnel', 'heatmap', 'dwell', 'packs', 'scans', 'games', 'inputs', 'pack-versions'] as const;

export async function timeDashboards(hubUrl: string, cookie: string, kiosks: readonly SeededKiosk[], end: number, rounds = 12): Promise<Map<string, number[]>> {
  const month = { from: end - 30 * 86_400_000, to: end };
  const week = { from: end - 7 * 86_400_000, to: end };
  const filters = [
    { ...month },
    { ...week, storeId: kiosks[3]!.storeId },
    { ...month, deviceId: kiosks[7]!.deviceId },
    { ...month, pack: 'spring-2026@1.4.0' },
  ];
  const times = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const report of REPORTS) {
      for (const filter of filters) {
        if (report === 'packs' || report === 'pack-versions') delete (filter as { pack?: string }).pack;
        const query = new URLSearchParams(Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)])).toString();
        const t = performance.now();
        const res = await fetch(`${hubUrl}/api/analytics/${report}?${query}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${report} answered ${res.status}`);
        if (round > 0) times.set(report, [...(times.get(report) ?? []), performance.now() - t]);
      }
    }
  }
  return times;
}

/** Registers a coupon key for one kiosk and a till, signs `count` coupons, redeems each once through the API. */
export async function timeRedemptions(where: { url?: string; dataDir?: string }, hubUrl: string, kiosk: SeededKiosk, count: number): Promise<number[]> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = await couponKeyId(raw);
  const kioskId = await kioskIdOf(kiosk.deviceId);
  const till = newTillToken();
  const store = await openStore({ ...where, migrate: false });
  try {
    const key = { kind: 'kiosk-coupon-key', keyId, publicKey: toBase64(raw), kioskId, deviceId: kiosk.deviceId, storeId: kiosk.storeId, kioskName: 'bench', createdAt: new Date().toISOString() };
    await store.db.updateTable('kiosks').set({ coupon_key: JSON.stringify(key), coupon_key_id: keyId }).where('device_id', '=', kiosk.deviceId).execute();
    await createTill(store, { tillId: till.tillId, storeId: kiosk.storeId, name: 'bench till', tokenHash: till.secretHash, createdBy: 'bench', now: Date.now() });
  } finally {
    await store.close();
  }
  const signer = webCryptoSigner(keyId, pair.privateKey);
  const tokens = [];
  for (let i = 1; i <= count; i++) tokens.push((await signClaim({ campaignId: 'wheel-coupon', reward: { kind: 'amount-off', value: 500 }, validHours: 24 }, { signer, kioskId }, 1_000_000 + i, Math.floor(Date.now() / 1000))).token);
  const times: number[] = [];
  for (const token of tokens) {
    const t = performance.now();
    const res = await fetch(`${hubUrl}/v1/redemptions`, { method: 'POST', headers: { authorization: `Bearer ${till.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`redemption answered ${res.status}`);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export const p95 = (values: number[]) => percentile([...values].sort((a, b) => a - b), 95);
