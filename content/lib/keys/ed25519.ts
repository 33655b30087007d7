// Ed25519 with WebCrypto (globalThis.crypto.subtle): key pairs, key ids, signatures.
// Keys travel as base64: the raw 32-byte public key and the PKCS#8 private key.
import { createHash, type webcrypto } from 'node:crypto';

const ED25519 = { name: 'Ed25519' } as const;
const subtle = () => globalThis.crypto.subtle;

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'base64'));
/** WebCrypto takes bytes backed by a plain ArrayBuffer. */
const plain = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => (bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes));
const toBase64 = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

export interface RawKeyPair {
  /** Raw 32-byte public key, base64. */
  publicKey: string;
  /** PKCS#8 private key, base64. */
  privateKey: string;
  keyId: string;
}

/** First 16 hex digits of SHA-256 over the raw 32-byte public key. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(fromBase64(publicKey)).digest('hex').slice(0, 16);
}

export async function generateKeyPair(): Promise<RawKeyPair> {
  const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const publicKey = toBase64(await subtle().exportKey('raw', pair.publicKey));
  const privateKey = toBase64(await subtle().exportKey('pkcs8', pair.privateKey));
  return { publicKey, privateKey, keyId: keyIdOf(publicKey) };
}

/** The public key that belongs to a PKCS#8 private key (from its JWK form). */
export async function publicKeyOf(privateKey: string): Promise<string> {
  const key = await subtle().importKey('pkcs8', fromBase64(privateKey), ED25519, true, ['sign']);
  const jwk = await subtle().exportKey('jwk', key);
  if (!jwk.x) throw new Error('not an Ed25519 private key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export async function signBytes(privateKey: string, bytes: Uint8Array): Promise<string> {
  const key = await subtle().importKey('pkcs8', fromBase64(privateKey), ED25519, false, ['sign']);
  return toBase64(await subtle().sign(ED25519, key, plain(bytes)));
}

/** False for a wrong signature and for a malformed key or signature. */
export async function verifyBytes(publicKey: string, bytes: Uint8Array, signature: string): Promise<boolean> {
  try {
    const key = await subtle().importKey('raw', fromBase64(publicKey), ED25519, false, ['verify']);
    return await subtle().verify(ED25519, key, fromBase64(signature), plain(bytes));
  } catch {
    return false;
  }
}
