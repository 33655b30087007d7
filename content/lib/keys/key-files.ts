// The files that hold keys: the merchandiser's private signing key (keep it secret)
// and the public key a kiosk trusts (goes into the kiosk's config).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { TrustedKey } from '../../schema/kiosk-config.ts';
import { bi, type Bilingual } from '../report/bilingual.ts';
import { UserError } from '../report/user-error.ts';
import { generateKeyPair, keyIdOf, publicKeyOf } from './ed25519.ts';
import { decryptPrivateKey, EncryptedPrivateKey, encryptPrivateKey } from './key-encryption.ts';

export const SigningKeyFile = z
  .object({
    kind: z.literal('kiosk-pack-signing-key'),
    name: z.string().min(1).max(80),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    publicKey: TrustedKey.shape.publicKey,
    /** PKCS#8 Ed25519 private key, base64. Whoever has it can publish packs to your kiosks. */
    privateKey: z.string().min(40),
    createdAt: z.string(),
    note: z.string().optional(),
  })
  .strict();
export type SigningKeyFile = z.infer<typeof SigningKeyFile>;

/** The same key with its private half under a passphrase (see key-encryption.ts). */
export const ProtectedSigningKeyFile = SigningKeyFile.omit({ privateKey: true }).extend({ encryptedPrivateKey: EncryptedPrivateKey }).strict();
export type ProtectedSigningKeyFile = z.infer<typeof ProtectedSigningKeyFile>;

/** What the private half is bound to when encrypted: it belongs to this public key only. */
const binding = (key: { keyId: string; publicKey: string }) => `kiosk-pack-signing-key:${key.keyId}:${key.publicKey}`;

/** The fewest characters a new passphrase may have. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** The key file with its private half encrypted under `passphrase`. */
export async function protectSigningKey(key: SigningKeyFile, passphrase: string): Promise<ProtectedSigningKeyFile> {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new UserError(bi(`密码太短：至少 ${MIN_PASSPHRASE_LENGTH} 个字符`, `the passphrase is too short: at least ${MIN_PASSPHRASE_LENGTH} characters`), bi('换一个更长的密码（可以是一句话）', 'choose a longer passphrase (a short sentence works well)'));
  }
  const { privateKey, ...rest } = key;
  return { ...rest, encryptedPrivateKey: await encryptPrivateKey(privateKey, passphrase, binding(key)), note: 'Private signing key, protected by a passphrase. Kiosks need only the public part (name, keyId, publicKey).' };
}

export interface ReadKeyOptions {
  /** Asked only when the key file is protected by a passphrase. */
  passphrase?: () => Promise<string>;
}

export async function createSigningKey(name: string, now = new Date()): Promise<SigningKeyFile> {
  const pair = await generateKeyPair();
  return {
    kind: 'kiosk-pack-signing-key',
    name,
    ...pair,
    createdAt: now.toISOString(),
    note: 'Private signing key: keep it secret. Kiosks need only the public part (name, keyId, publicKey).',
  };
}

export const publicPart = (key: Pick<SigningKeyFile, 'name' | 'keyId' | 'publicKey'>): TrustedKey => ({ name: key.name, keyId: key.keyId, publicKey: key.publicKey });

async function readJson(path: string, what: Bilingual): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new UserError(bi(`找不到${what['zh-CN']}文件：${path}`, `cannot read the ${what.en} file: ${path}`), bi('检查文件路径', 'check the path'), { cause });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new UserError(bi(`${what['zh-CN']}文件不是有效的 JSON：${path}`, `the ${what.en} file is not valid JSON: ${path}`), bi('使用 kiosk-pack keygen 生成的原始文件', 'use the file kiosk-pack keygen wrote, unchanged'), { cause });
  }
}

async function unlock(file: ProtectedSigningKeyFile, path: string, options: ReadKeyOptions): Promise<SigningKeyFile> {
  if (!options.passphrase) {
    throw new UserError(bi(`签名密钥 ${path} 有密码保护`, `the signing key ${path} is protected by a passphrase`), bi('输入密码，或设置环境变量 KIOSK_PACK_PASSPHRASE', 'enter the passphrase, or set the KIOSK_PACK_PASSPHRASE environment variable'));
  }
  const { encryptedPrivateKey, ...rest } = file;
  const privateKey = await decryptPrivateKey(encryptedPrivateKey, await options.passphrase(), binding(file));
  if (privateKey === null) {
    throw new UserError(bi(`密码不对，打不开签名密钥 ${path}`, `wrong passphrase: the signing key ${path} cannot be opened`), bi('再试一次（注意大小写和输入法）；KIOSK_PACK_PASSPHRASE 里的密码也要核对', 'try again (mind upper/lower case and the input method); check KIOSK_PACK_PASSPHRASE too if it is set'));
  }
  return { ...rest, privateKey };
}

/**
 * Reads a private signing key file (asking for its passphrase when it has one) and
 * checks that its halves belong together.
 */
export async function readSigningKey(path: string, options: ReadKeyOptions = {}): Promise<SigningKeyFile> {
  const data = await readJson(path, bi('签名密钥', 'signing key'));
  const plain = SigningKeyFile.safeParse(data);
  const locked = plain.success ? null : ProtectedSigningKeyFile.safeParse(data);
  if (!plain.success && !locked?.success) {
    throw new UserError(bi(`这不是签名密钥文件：${path}`, `this is not a signing key file: ${path}`), bi('用 kiosk-pack keygen --out 生成的密钥文件', 'use a key file written by kiosk-pack keygen --out'));
  }
  const key = plain.success ? plain.data : await unlock(locked!.data!, path, options);
  const derived = await publicKeyOf(key.privateKey).catch(() => null);
  if (derived !== key.publicKey || keyIdOf(key.publicKey) !== key.keyId) {
    throw new UserError(bi(`签名密钥文件已损坏（私钥与公钥不匹配）：${path}`, `the signing key file is damaged (private and public key do not match): ${path}`), bi('使用备份的密钥文件，或生成新密钥并更新所有互动屏的信任公钥', 'use a backup of the key file, or make a new key and update the trusted keys of every kiosk'));
  }
  return key;
}

/**
 * Reads trusted public keys from a file holding one key, a list of keys, a kiosk config
 * (`packs.trustedKeys`) or a signing key file (its public half).
 */
export async function readTrustedKeys(path: string): Promise<TrustedKey[]> {
  const data = await readJson(path, bi('公钥', 'public key'));
  const entries: unknown[] = [];
  for (const item of Array.isArray(data) ? data : [data]) {
    const record = (item ?? {}) as { packs?: { trustedKeys?: unknown }; trustedKeys?: unknown };
    const nested = record.packs?.trustedKeys ?? record.trustedKeys;
    const signingKey = SigningKeyFile.safeParse(item);
    const protectedKey = ProtectedSigningKeyFile.safeParse(item);
    if (Array.isArray(nested)) entries.push(...nested);
    else if (signingKey.success) entries.push(publicPart(signingKey.data));
    else entries.push(protectedKey.success ? publicPart(protectedKey.data) : item);
  }
  const keys: TrustedKey[] = [];
  for (const entry of entries) {
    const parsed = TrustedKey.safeParse(entry);
    if (!parsed.success) {
      throw new UserError(bi(`公钥文件格式不对：${path}`, `the public key file is not in the expected form: ${path}`), bi('使用 kiosk-pack keygen 输出的公钥 JSON：{"name", "keyId", "publicKey"}', 'use the public key JSON printed by kiosk-pack keygen: {"name", "keyId", "publicKey"}'));
    }
    keys.push(parsed.data);
  }
  return keys;
}
