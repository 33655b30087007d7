import { describe, expect, it } from 'vitest';
import { ManifestSignature } from '../../schema/manifest.ts';
import { createSigningKey, publicPart } from './key-files.ts';
import { signManifest, verifyManifestSignature } from './manifest-signature.ts';

describe('manifest signatures', () => {
  const bytes = new TextEncoder().encode('{"schemaVersion":1}');

  it('writes a manifest.sig the schema accepts and a trusted key verifies', async () => {
    const key = await createSigningKey('store');
    const signature = await signManifest(bytes, key);
    expect(ManifestSignature.parse(signature)).toEqual(signature);
    expect(await verifyManifestSignature(bytes, signature, [publicPart(key)])).toEqual({ ok: true, key: publicPart(key) });
  });

  it('tells an unknown key from a bad signature', async () => {
    const key = await createSigningKey('store');
    const stranger = await createSigningKey('stranger');
    const signature = await signManifest(bytes, key);
    expect(await verifyManifestSignature(bytes, signature, [publicPart(stranger)])).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(await verifyManifestSignature(new TextEncoder().encode('{"schemaVersion":2}'), signature, [publicPart(key)])).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('matches keys by the id of their public key, not the id a config claims', async () => {
    const key = await createSigningKey('store');
    const stranger = await createSigningKey('stranger');
    const signature = await signManifest(bytes, stranger);
    const forged = { ...publicPart(key), keyId: stranger.keyId };
    expect(await verifyManifestSignature(bytes, signature, [forged])).toMatchObject({ ok: false, reason: 'unknown-key' });
  });
});
