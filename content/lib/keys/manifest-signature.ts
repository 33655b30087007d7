// manifest.sig: a detached Ed25519 signature over the exact bytes of manifest.json.
import type { ManifestSignature } from '../../schema/manifest.ts';
import type { TrustedKey } from '../../schema/kiosk-config.ts';
import { keyIdOf, signBytes, verifyBytes } from './ed25519.ts';

export interface SigningKey {
  keyId: string;
  privateKey: string;
}

export async function signManifest(manifestBytes: Uint8Array, key: SigningKey): Promise<ManifestSignature> {
  return { alg: 'Ed25519', keyId: key.keyId, signature: await signBytes(key.privateKey, manifestBytes) };
}

export type SignatureCheck =
  | { ok: true; key: TrustedKey }
  | { ok: false; reason: 'unknown-key' | 'bad-signature'; keyId: string };

/**
 * Finds the trusted key the signature names (by the key id computed from each trusted
 * public key, never by the id a config claims) and checks the signature with it.
 */
export async function verifyManifestSignature(manifestBytes: Uint8Array, signature: ManifestSignature, trusted: readonly TrustedKey[]): Promise<SignatureCheck> {
  const key = trusted.find((k) => keyIdOf(k.publicKey) === signature.keyId);
  if (!key) return { ok: false, reason: 'unknown-key', keyId: signature.keyId };
  const good = await verifyBytes(key.publicKey, manifestBytes, signature.signature);
  return good ? { ok: true, key } : { ok: false, reason: 'bad-signature', keyId: signature.keyId };
}
