// The files that hold keys: the merchandiser's private signing key (keep it secret)
// and the public key a kiosk trusts (goes into the kiosk's config).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { TrustedKey } from '../../schema/kiosk-config.ts';
import { bi } from '../report/bilingual.ts';
import { UserError } from '../report/user-error.ts';
import { generateKeyPair, keyIdOf, publicKeyOf } from './ed25519.ts';

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

export const publicPart = (key: SigningKeyFile): TrustedKey => ({ name: key.name, keyId: key.keyId, publicKey: key.publicKey });

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new UserError(bi(`找不到${what}文件：${path}`, `cannot read the ${what} file: ${path}`), bi('检查文件路径', 'check the path'), { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new UserError(bi(`${what}文件不是有效的 JSON：${path}`, `the ${what} file is not valid JSON: ${path}`), bi('使用 kiosk-pack keygen 生成的原始文件', 'use the file kiosk-pack keygen wrote, unchanged'), { cause });
  }
}

/** Reads a private signing key file and checks that its halves belong together. */
export async function readSigningKey(path: string): Promise<SigningKeyFile> {
  const parsed = SigningKeyFile.safeParse(await readJson(path, '签名密钥 signing key'));
  if (!parsed.success) {
    throw new UserError(bi(`这不是签名密钥文件：${path}`, `this is not a signing key file: ${path}`), bi('用 kiosk-pack keygen --out 生成的密钥文件', 'use a key file written by kiosk-pack keygen --out'));
  }
  const key = parsed.data;
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
  const data = await readJson(path, '公钥 public key');
  const entries: unknown[] = [];
  for (const item of Array.isArray(data) ? data : [data]) {
    const record = (item ?? {}) as { packs?: { trustedKeys?: unknown }; trustedKeys?: unknown };
    const nested = record.packs?.trustedKeys ?? record.trustedKeys;
    const signingKey = SigningKeyFile.safeParse(item);
    if (Array.isArray(nested)) entries.push(...nested);
    else entries.push(signingKey.success ? publicPart(signingKey.data) : item);
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
