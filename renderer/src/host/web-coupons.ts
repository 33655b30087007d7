// Coupon signing for the browser host (development, demos, end-to-end tests): a
// non-extractable Ed25519 key made on first use and kept, with the coupon number, in
// this browser's IndexedDB. The Electron host keeps its key in main instead.
import { Dexie, type EntityTable } from 'dexie';
import { claimProblem, couponKeyId, kioskIdOf, signClaim, toBase64, webCryptoSigner } from '../../../content/schema/coupon/index.ts';
import type { CouponApi, CouponPublicKey } from '../../../electron/common/kiosk-api.ts';

interface KeyRow {
  id: 'kiosk';
  keyId: string;
  publicKey: string;
  /** Non-extractable: this page can sign with it, nobody can read it out. */
  privateKey: CryptoKey;
  createdAt: string;
  lastSeq: number;
}

type CouponKeyDb = Dexie & { keys: EntityTable<KeyRow, 'id'> };

export const WEB_COUPON_DB = 'kiosk-web-coupons';

function openDb(name: string): CouponKeyDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as CouponKeyDb;
  db.version(1).stores({ keys: 'id' });
  return db;
}

async function newKeyRow(now: number): Promise<KeyRow> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { id: 'kiosk', keyId: await couponKeyId(raw), publicKey: toBase64(raw), privateKey: pair.privateKey, createdAt: new Date(now).toISOString(), lastSeq: 0 };
}

export interface WebCouponOptions {
  identity: () => Promise<{ deviceId: string; storeId: string; kioskName: string }>;
  dbName?: string;
  now?: () => number;
  /** Called once the key is loaded or made (the browser host tells end-to-end tests). */
  onKey?: (key: CouponPublicKey) => void;
}

export function createWebCoupons(options: WebCouponOptions): CouponApi {
  const now = options.now ?? Date.now;
  const db = openDb(options.dbName ?? WEB_COUPON_DB);
  const ready = (async () => {
    // WebCrypto work cannot run inside an IndexedDB transaction: make the key first,
    // keep it only if no other tab stored one meanwhile.
    const made = (await db.keys.get('kiosk')) ? null : await newKeyRow(now());
    const row = await db.transaction('rw', db.keys, async () => {
      const existing = await db.keys.get('kiosk');
      if (existing || !made) return existing;
      await db.keys.add(made);
      return made;
    });
    if (!row) throw new Error('the coupon key is missing from this browser');
    const identity = await options.identity();
    const exported: CouponPublicKey = {
      kind: 'kiosk-coupon-key',
      keyId: row.keyId,
      publicKey: row.publicKey,
      kioskId: await kioskIdOf(identity.deviceId),
      deviceId: identity.deviceId,
      storeId: identity.storeId,
      kioskName: identity.kioskName,
      createdAt: row.createdAt,
    };
    options.onKey?.(exported);
    return { exported, signer: webCryptoSigner(row.keyId, row.privateKey) };
  })();
  // A browser without IndexedDB still runs the kiosk; issue() reports the failure.
  ready.catch(() => undefined);

  return {
    async issue(claim) {
      const problem = claimProblem(claim);
      if (problem) return { ok: false, message: `The coupon was not issued: ${problem}.` };
      try {
        const { exported, signer } = await ready;
        // The number is committed before the token exists: a crash can skip one, never reuse one.
        const seq = await db.transaction('rw', db.keys, async () => {
          const row = await db.keys.get('kiosk');
          if (!row) throw new Error('the coupon key is missing from this browser');
          await db.keys.update('kiosk', { lastSeq: row.lastSeq + 1 });
          return row.lastSeq + 1;
        });
        const coupon = await signClaim(claim, { signer, kioskId: exported.kioskId }, seq, Math.floor(now() / 1000));
        return { ok: true, coupon };
      } catch (err) {
        return { ok: false, message: `The coupon was not issued: ${(err as Error).message}` };
      }
    },
    async publicKey() {
      return (await ready).exported;
    },
  };
}
