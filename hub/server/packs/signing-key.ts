// The hub's own merchandising key: packs built in the console are signed with it, and
// every enrolled kiosk trusts it. Made on first use, the same for every hub process on
// one database: the public key and the private key (encrypted, AES-256-GCM) live in the
// settings table. The key that encrypts it never goes into the database: it is HUB_SECRET
// when set, otherwise a random key in a 0600 file in the hub's data folder — a copy of
// the database alone cannot sign packs.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { keyIdOf, generateKeyPair, publicKeyOf } from '../../../content/lib/keys/ed25519.ts';
import { signManifest as signManifestBytes, type SigningKey } from '../../../content/lib/keys/manifest-signature.ts';
import type { TrustedKey } from '../../../content/schema/kiosk-config.ts';
import type { ManifestSignature } from '../../../content/schema/manifest.ts';
import { insertSettingOnce, readSetting } from '../../store/queries/settings.ts';
import type { HubContext } from '../hub-context.ts';

const SETTING = 'packs.signing-key';
/** The file beside the SQLite database that holds the wrapping key when HUB_SECRET is not set. */
export const WRAP_KEY_FILE = 'pack-signing-wrap.key';
export const HUB_KEY_NAME = 'Shopfront hub';

const StoredKey = z.object({
  name: z.string(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string(),
  createdAt: z.number(),
  /** What encrypts the private key: HUB_SECRET, or the key file in the data folder. */
  wrap: z.enum(['hub-secret', 'key-file']),
  /** scrypt salt for HUB_SECRET, base64 (absent for the key file). */
  salt: z.string().optional(),
  iv: z.string(),
  tag: z.string(),
  /** The PKCS#8 private key, encrypted, base64. */
  sealed: z.string(),
});
type StoredKey = z.infer<typeof StoredKey>;

export interface HubSigningKey {
  keyId: string;
  name: string;
  /** The public half as a kiosk's config holds it (packs.trustedKeys). */
  trustedKey: TrustedKey;
  /** Signs the exact bytes of a manifest.json: the pack's manifest.sig. */
  signManifest(manifestBytes: Uint8Array): Promise<ManifestSignature>;
  /** The private key for content/lib's builders (buildPack, signPackFile). */
  signingKey(): SigningKey;
}

export class SigningKeyUnavailable extends Error {}

function hubSecret(): string | null {
  const secret = process.env.HUB_SECRET;
  return secret && secret.length > 0 ? secret : null;
}

function secretKey(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/** The key file's 32 bytes, made (0600) when asked to and missing. */
async function keyFileKey(dataDir: string, create: boolean): Promise<Buffer> {
  const file = path.join(dataDir, WRAP_KEY_FILE);
  const read = async () => {
    const bytes = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    if (bytes.length !== 32) throw new SigningKeyUnavailable(`${file} is damaged (it must hold 32 bytes, base64): restore it from its backup`);
    return bytes;
  };
  try {
    return await read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !create) {
      if (err instanceof SigningKeyUnavailable) throw err;
      throw new SigningKeyUnavailable(`the pack signing key is encrypted with the key in ${file}, which cannot be read (${(err as Error).message}): restore that file from its backup, or start the hub with the data folder it was made in`);
    }
  }
  await mkdir(dataDir, { recursive: true });
  try {
    // wx: a second process starting at the same moment keeps the first one's key.
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return read();
}

async function wrappingKey(hub: HubContext, stored: Pick<StoredKey, 'wrap' | 'salt'>, create: boolean): Promise<Buffer> {
  if (stored.wrap === 'hub-secret') {
    const secret = hubSecret();
    if (!secret) throw new SigningKeyUnavailable('the pack signing key was encrypted with HUB_SECRET: start the hub with the same HUB_SECRET');
    return secretKey(secret, Buffer.from(stored.salt ?? '', 'base64'));
  }
  return keyFileKey(hub.options.dataDir, create);
}

async function makeKey(hub: HubContext): Promise<StoredKey> {
  const pair = await generateKeyPair();
  const wrap = hubSecret() ? 'hub-secret' : 'key-file';
  const salt = wrap === 'hub-secret' ? randomBytes(16).toString('base64') : undefined;
  const key = await wrappingKey(hub, { wrap, salt }, true);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(pair.keyId));
  const sealed = Buffer.concat([cipher.update(Buffer.from(pair.privateKey, 'base64')), cipher.final()]);
  return {
    name: HUB_KEY_NAME,
    keyId: pair.keyId,
    publicKey: pair.publicKey,
    createdAt: hub.clock.now(),
    wrap,
    ...(salt ? { salt } : {}),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64'),
  };
}

async function openKey(hub: HubContext, stored: StoredKey): Promise<string> {
  const key = await wrappingKey(hub, stored, false);
  let pkcs8: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(stored.iv, 'base64'));
    decipher.setAAD(Buffer.from(stored.keyId));
    decipher.setAuthTag(Buffer.from(stored.tag, 'base64'));
    pkcs8 = Buffer.concat([decipher.update(Buffer.from(stored.sealed, 'base64')), decipher.final()]);
  } catch {
    const source = stored.wrap === 'hub-secret' ? 'HUB_SECRET is not the one it was made with' : `${path.join(hub.options.dataDir, WRAP_KEY_FILE)} is not the file it was made with`;
    throw new SigningKeyUnavailable(`the pack signing key cannot be decrypted: ${source}`);
  }
  const privateKey = pkcs8.toString('base64');
  if ((await publicKeyOf(privateKey)) !== stored.publicKey || keyIdOf(stored.publicKey) !== stored.keyId) {
    throw new SigningKeyUnavailable('the pack signing key in the database is damaged (its private and public halves do not match)');
  }
  return privateKey;
}

/** The stored record, made on first use (one record for all hub processes on the database). */
async function storedKey(hub: HubContext): Promise<StoredKey> {
  const existing = await readSetting<unknown>(hub.store, SETTING);
  if (existing) return StoredKey.parse(existing);
  await insertSettingOnce(hub.store, SETTING, await makeKey(hub));
  // Another process may have made its own at the same moment: the stored one wins.
  return StoredKey.parse(await readSetting<unknown>(hub.store, SETTING));
}

/** The hub's public pack key only (no decryption): what kiosks are told to trust. */
export async function hubTrustedKey(hub: HubContext): Promise<TrustedKey> {
  const stored = await storedKey(hub);
  return { name: stored.name, keyId: stored.keyId, publicKey: stored.publicKey };
}

const opened = new WeakMap<HubContext, Promise<HubSigningKey>>();

/** The hub's merchandising key, ready to sign. Throws SigningKeyUnavailable with what to do. */
export function hubSigningKey(hub: HubContext): Promise<HubSigningKey> {
  let key = opened.get(hub);
  if (!key) {
    key = (async () => {
      const stored = await storedKey(hub);
      const privateKey = await openKey(hub, stored);
      const signing: SigningKey = { keyId: stored.keyId, privateKey };
      return {
        keyId: stored.keyId,
        name: stored.name,
        trustedKey: { name: stored.name, keyId: stored.keyId, publicKey: stored.publicKey },
        signManifest: (manifestBytes: Uint8Array) => signManifestBytes(manifestBytes, signing),
        signingKey: () => signing,
      };
    })();
    key.catch(() => opened.delete(hub));
    opened.set(hub, key);
  }
  return key;
}
