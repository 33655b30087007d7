import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, keyIdOf, publicKeyOf, signBytes, verifyBytes } from './ed25519.ts';

describe('Ed25519 keys (WebCrypto)', () => {
  it('makes a 32-byte public key whose id is the first 16 hex digits of its SHA-256', async () => {
    const pair = await generateKeyPair();
    const raw = Buffer.from(pair.publicKey, 'base64');
    expect(raw).toHaveLength(32);
    expect(pair.keyId).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(keyIdOf(pair.publicKey)).toBe(pair.keyId);
    expect(await publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
  });

  it('verifies its own signature and nothing else', async () => {
    const pair = await generateKeyPair();
    const other = await generateKeyPair();
    const bytes = new TextEncoder().encode('{"packId":"demo"}');
    const signature = await signBytes(pair.privateKey, bytes);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(await verifyBytes(pair.publicKey, bytes, signature)).toBe(true);
    expect(await verifyBytes(pair.publicKey, new TextEncoder().encode('{"packId":"demO"}'), signature)).toBe(false);
    expect(await verifyBytes(other.publicKey, bytes, signature)).toBe(false);
    expect(await verifyBytes('not a key', bytes, signature)).toBe(false);
  });
});
