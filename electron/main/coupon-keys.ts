// The kiosk's coupon key: an Ed25519 key pair made on first start. Main keeps the
// private key (encrypted with the OS key store through Electron's safeStorage where
// there is one), signs the coupons the renderer asks for with the next coupon number,
// and exports the public key for tills and the backend.
//
// One file holds the key and the last coupon number, rewritten atomically before each
// token leaves main, so a power cut can neither lose the key nor reuse a number.
import { randomBytes, type webcrypto } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { claimProblem, couponKeyId, kioskIdOf, signClaim, toBase64, webCryptoSigner } from '../../content/schema/coupon/index.ts';
import type { CouponClaim, CouponIssueResult, CouponPublicKey } from '../common/kiosk-api.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';

export const COUPON_KEY_FILE = 'coupon-key.json';
/** The public half, for an installer to copy to the backend and the tills. */
export const COUPON_PUBLIC_KEY_FILE = 'coupon-public-key.json';

/** What main needs of Electron's safeStorage; injected so tests run in plain Node. */
export interface SecretBox {
  isAvailable(): Promise<boolean>;
  /** The Linux password store in use; 'basic_text' means no OS protection. */
  backend(): string;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<{ plain: string; reEncrypt: boolean }>;
}

export function safeStorageBox(safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): SecretBox {
  return {
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    backend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform),
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (data) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
      return { plain: result, reEncrypt: shouldReEncrypt };
    },
  };
}

type StoredPrivateKey = { protection: 'safeStorage'; backend: string; data: string } | { protection: 'none'; pkcs8: string };

interface CouponKeyFile {
  kind: 'kiosk-coupon-signing-key';
  keyId: string;
  publicKey: string;
  createdAt: string;
  privateKey: StoredPrivateKey;
  /** The number of the last coupon signed; the next is lastSeq + 1. */
  lastSeq: number;
}

export interface CouponIssuer {
  issue(claim: CouponClaim): Promise<CouponIssueResult>;
  publicKey(): CouponPublicKey;
}

export interface CouponIssuerOptions {
  dir: string;
  box: SecretBox;
  identity: { deviceId: string; storeId: string; kioskName: string };
  now?: () => number;
}

const ED25519 = { name: 'Ed25519' } as const;

function isKeyFile(value: unknown): value is CouponKeyFile {
  const v = value as Partial<CouponKeyFile> | undefined;
  return (
    v?.kind === 'kiosk-coupon-signing-key' && typeof v.keyId === 'string' && typeof v.publicKey === 'string' &&
    Number.isSafeInteger(v.lastSeq) && (v.lastSeq ?? -1) >= 0 && typeof v.privateKey === 'object' && v.privateKey !== null
  );
}

async function protect(pkcs8: string, box: SecretBox): Promise<StoredPrivateKey> {
  if (!(await box.isAvailable())) return { protection: 'none', pkcs8 };
  return { protection: 'safeStorage', backend: box.backend(), data: (await box.encrypt(pkcs8)).toString('base64') };
}

async function newKeyFile(box: SecretBox, lastSeq: number, now: number): Promise<{ file: CouponKeyFile; pkcs8: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
  const file: CouponKeyFile = {
    kind: 'kiosk-coupon-signing-key',
    keyId: await couponKeyId(raw),
    publicKey: toBase64(raw),
    createdAt: new Date(now).toISOString(),
    privateKey: await protect(pkcs8, box),
    lastSeq,
  };
  return { file, pkcs8 };
}

/** The PKCS#8 key of a stored file, or null when this machine cannot read it. */
async function readPrivateKey(file: CouponKeyFile, box: SecretBox): Promise<{ pkcs8: string; reEncrypt: boolean } | null> {
  const stored = file.privateKey;
  if (stored.protection === 'none') return { pkcs8: stored.pkcs8, reEncrypt: await box.isAvailable() };
  try {
    const { plain, reEncrypt } = await box.decrypt(Buffer.from(stored.data, 'base64'));
    return { pkcs8: plain, reEncrypt };
  } catch {
    return null;
  }
}

async function importSigningKey(pkcs8: string, publicKey: string): Promise<webcrypto.CryptoKey | null> {
  try {
    const key = await crypto.subtle.importKey('pkcs8', Buffer.from(pkcs8, 'base64'), ED25519, true, ['sign']);
    const jwk = await crypto.subtle.exportKey('jwk', key);
    if (Buffer.from(jwk.x ?? '', 'base64url').toString('base64') !== publicKey) return null;
    // Keep a non-extractable copy only.
    return await crypto.subtle.importKey('pkcs8', Buffer.from(pkcs8, 'base64'), ED25519, false, ['sign']);
  } catch {
    return null;
  }
}

/**
 * Loads the kiosk's coupon key, making one on first start. `problems` lists what an
 * installer should fix (a key not protected by the OS, a key that had to be replaced).
 */
export async function openCouponIssuer(options: CouponIssuerOptions): Promise<{ issuer: CouponIssuer; problems: string[] }> {
  const now = options.now ?? Date.now;
  const keyPath = path.join(options.dir, COUPON_KEY_FILE);
  const problems: string[] = [];
  const existing = await readJsonFile(keyPath).catch(() => undefined);

  let file: CouponKeyFile | undefined;
  let signingKey: webcrypto.CryptoKey | null = null;
  if (isKeyFile(existing)) {
    const read = await readPrivateKey(existing, options.box);
    signingKey = read ? await importSigningKey(read.pkcs8, existing.publicKey) : null;
    if (signingKey && read) {
      file = existing;
      if (read.reEncrypt) {
        file = { ...existing, privateKey: await protect(read.pkcs8, options.box) };
        await writeJsonFileAtomic(keyPath, file);
      }
    } else {
      // The OS key store changed (or the file was damaged): keep the old file for the
      // record, make a new key and carry on numbering where the old one stopped.
      const kept = path.join(options.dir, `coupon-key.unreadable-${now()}.json`);
      await fs.rename(keyPath, kept);
      problems.push(`The coupon key could not be read on this machine and was replaced (old file kept as ${path.basename(kept)}): register the new coupon public key (${COUPON_PUBLIC_KEY_FILE}) with the tills and the backend.`);
    }
  } else if (existing !== undefined) {
    const kept = path.join(options.dir, `coupon-key.damaged-${now()}.json`);
    await fs.rename(keyPath, kept);
    problems.push(`The coupon key file was damaged and has been replaced (old file kept as ${path.basename(kept)}): register the new coupon public key with the tills and the backend.`);
  }
  if (!file || !signingKey) {
    const made = await newKeyFile(options.box, isKeyFile(existing) ? existing.lastSeq : 0, now());
    file = made.file;
    signingKey = await importSigningKey(made.pkcs8, file.publicKey);
    if (!signingKey) throw new Error('could not import the coupon key just made');
    await writeJsonFileAtomic(keyPath, file);
  }
  if (file.privateKey.protection === 'none') {
    problems.push('The coupon signing key is stored without OS encryption (no key store is available): anyone who copies the kiosk\'s data folder can make coupons.');
  } else if (file.privateKey.backend === 'basic_text') {
    problems.push('The coupon signing key is encrypted with Chromium\'s built-in password only (no gnome-keyring or KWallet): install a key store for OS protection.');
  }

  const kioskId = await kioskIdOf(options.identity.deviceId);
  const exported: CouponPublicKey = {
    kind: 'kiosk-coupon-key',
    keyId: file.keyId,
    publicKey: file.publicKey,
    kioskId,
    deviceId: options.identity.deviceId,
    storeId: options.identity.storeId,
    kioskName: options.identity.kioskName,
    createdAt: file.createdAt,
  };
  await writeJsonFileAtomic(path.join(options.dir, COUPON_PUBLIC_KEY_FILE), exported, 0o644);

  const signer = webCryptoSigner(file.keyId, signingKey);
  let state = file;
  let queue: Promise<unknown> = Promise.resolve();

  async function issueNow(claim: CouponClaim): Promise<CouponIssueResult> {
    const seq = state.lastSeq + 1;
    const next = { ...state, lastSeq: seq };
    // The number is on disk before the token exists: a crash can skip a number, never reuse one.
    await writeJsonFileAtomic(keyPath, next);
    state = next;
    const coupon = await signClaim(claim, { signer, kioskId }, seq, Math.floor(now() / 1000), randomBytes(4).toString('hex'));
    return { ok: true, coupon };
  }

  const issuer: CouponIssuer = {
    issue(claim) {
      const problem = claimProblem(claim);
      if (problem) return Promise.resolve({ ok: false, message: `The coupon was not issued: ${problem}.` });
      const run = queue.then(() => issueNow(claim)).catch((err: unknown) => ({ ok: false as const, message: `The coupon was not issued: ${(err as Error).message}` }));
      queue = run;
      return run;
    },
    publicKey: () => exported,
  };
  return { issuer, problems };
}
