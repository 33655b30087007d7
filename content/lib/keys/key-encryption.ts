// A private signing key kept under a passphrase: scrypt turns the passphrase into a
// 256-bit key, AES-256-GCM encrypts the PKCS#8 bytes. GCM's tag makes a wrong
// passphrase (or a changed file) fail cleanly instead of yielding a wrong key; the key's
// id and public key are bound in as associated data, so the encrypted half cannot be
// moved into another key file.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** scrypt's cost: N = 2^17, r = 8 (128 MiB, about half a second), as OWASP recommends. */
const DEFAULT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
/** The most a key file may ask for, so a crafted file cannot make the tool eat all memory. */
const MAX_N = 2 ** 20;

export const EncryptedPrivateKey = z
  .object({
    kdf: z.literal('scrypt'),
    N: z.number().int().min(2 ** 14).max(MAX_N),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
    cipher: z.literal('aes-256-gcm'),
    iv: base64,
    tag: base64,
    data: base64,
  })
  .strict();
export type EncryptedPrivateKey = z.infer<typeof EncryptedPrivateKey>;

function deriveKey(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 2 ** 20 };
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Encrypts a base64 PKCS#8 private key; `boundTo` is authenticated with it (the key id and public key). */
export async function encryptPrivateKey(privateKey: string, passphrase: string, boundTo: string, cost: { N: number; r: number; p: number } = DEFAULT_COST): Promise<EncryptedPrivateKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, cost), iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const data = Buffer.concat([cipher.update(Buffer.from(privateKey, 'base64')), cipher.final()]);
  const b64 = (bytes: Buffer) => bytes.toString('base64');
  return { kdf: 'scrypt', ...cost, salt: b64(salt), cipher: 'aes-256-gcm', iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) };
}

/** The base64 PKCS#8 private key, or null when the passphrase is wrong (or the file was changed). */
export async function decryptPrivateKey(encrypted: EncryptedPrivateKey, passphrase: string, boundTo: string): Promise<string | null> {
  const key = await deriveKey(passphrase, Buffer.from(encrypted.salt, 'base64'), encrypted);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encrypted.iv, 'base64'));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(encrypted.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(encrypted.data, 'base64')), decipher.final()]).toString('base64');
  } catch {
    return null;
  }
}
