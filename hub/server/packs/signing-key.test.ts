import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { verifyManifestSignature } from '../../../content/lib/keys/manifest-signature.ts';
import { readSetting } from '../../store/queries/settings.ts';
import { describeEachDatabase } from '../../store/testing/each-database.ts';
import { testHub } from '../testing/hub-fixture.ts';
import { hubSigningKey, hubTrustedKey, SigningKeyUnavailable, WRAP_KEY_FILE } from './signing-key.ts';

const MANIFEST = new TextEncoder().encode('{"packId":"sample","version":"1.0.0"}');

afterEach(() => vi.unstubAllEnvs());

describeEachDatabase("the hub's pack signing key", (fixture) => {
  it('is made once, signs what kiosks verify, and is kept encrypted: the database alone cannot sign', { timeout: 60_000 }, async () => {
    vi.stubEnv('HUB_SECRET', '');
    const store = await fixture.open();
    const t = await testHub(store);
    const key = await hubSigningKey(t.hub);
    const signature = await key.signManifest(MANIFEST);
    expect(await verifyManifestSignature(MANIFEST, signature, [key.trustedKey])).toMatchObject({ ok: true });
    expect(await verifyManifestSignature(new TextEncoder().encode('{"packId":"other"}'), signature, [key.trustedKey])).toMatchObject({ ok: false, reason: 'bad-signature' });

    // The key file is the owner's alone; the stored record holds no private key in the clear.
    const keyFile = path.join(t.hub.options.dataDir, WRAP_KEY_FILE);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const stored = JSON.stringify(await readSetting(store, 'packs.signing-key'));
    expect(stored).not.toContain(key.signingKey().privateKey);
    expect(stored).toContain(key.trustedKey.publicKey);

    // Another hub process on the same database (its own data folder with the same key file) signs with the same key.
    const other = await testHub(store);
    expect((await hubTrustedKey(other.hub)).keyId).toBe(key.keyId);
    await writeFile(path.join(other.hub.options.dataDir, WRAP_KEY_FILE), await readFile(keyFile));
    expect((await hubSigningKey(other.hub)).keyId).toBe(key.keyId);

    // Without the key file (a copy of the database alone) the key cannot be opened, and the error says what to restore.
    const third = await testHub(store);
    await rm(path.join(third.hub.options.dataDir, WRAP_KEY_FILE), { force: true });
    await expect(hubSigningKey(third.hub)).rejects.toThrow(SigningKeyUnavailable);
    await expect(hubSigningKey(third.hub)).rejects.toThrow(/restore that file from its backup/);
    // The public half is still known: kiosks keep trusting packs signed before.
    expect((await hubTrustedKey(third.hub)).keyId).toBe(key.keyId);
    await Promise.all([t.close(), other.close(), third.close()]);
  });

  it('uses HUB_SECRET instead of a key file when it is set, and says so when it changes', { timeout: 60_000 }, async () => {
    vi.stubEnv('HUB_SECRET', 'a long operator secret kept in the deployment');
    const store = await fixture.open();
    const t = await testHub(store);
    const key = await hubSigningKey(t.hub);
    await expect(stat(path.join(t.hub.options.dataDir, WRAP_KEY_FILE))).rejects.toThrow();

    const same = await testHub(store);
    expect((await (await hubSigningKey(same.hub)).signManifest(MANIFEST)).keyId).toBe(key.keyId);

    vi.stubEnv('HUB_SECRET', 'another secret');
    const changed = await testHub(store);
    await expect(hubSigningKey(changed.hub)).rejects.toThrow(/HUB_SECRET is not the one it was made with/);
    vi.stubEnv('HUB_SECRET', '');
    const unset = await testHub(store);
    await expect(hubSigningKey(unset.hub)).rejects.toThrow(/start the hub with the same HUB_SECRET/);
    await Promise.all([t.close(), same.close(), changed.close(), unset.close()]);
  });
});
