// kiosk-pack keygen --out <key.json> [--public <file>] [--name <name>] [--passphrase] [--force]
// Writes the private signing key (optionally under a passphrase) and the public key file
// the kiosks trust; prints the public key too, for pasting into a kiosk's settings.
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSigningKey, protectSigningKey, publicPart } from '../../lib/keys/key-files.ts';
import { bi, bothLines } from '../../lib/report/bilingual.ts';
import { UserError } from '../../lib/report/user-error.ts';
import { EXIT, UsageError } from '../output.ts';
import { chooseNewPassphrase } from '../passphrase.ts';

export interface KeygenArgs {
  out: string;
  public?: string;
  name?: string;
  passphrase?: boolean;
  force?: boolean;
}

const exists = (file: string) => access(file).then(() => true, () => false);

export async function run(args: KeygenArgs): Promise<number> {
  const out = args.out;
  const publicFile = args.public ?? path.join(path.dirname(out), 'public-key.json');
  if (path.resolve(publicFile) === path.resolve(out)) throw new UsageError(bi('--public 和 --out 不能是同一个文件', '--public and --out must be different files'));
  if (!args.force) {
    if (await exists(out)) {
      throw new UserError(bi(`${out} 已存在；覆盖会让用旧密钥的互动屏不再接受新内容包`, `${out} already exists; replacing it means kiosks that trust the old key refuse new packs`), bi('换一个文件名，或确认后加 --force', 'choose another file name, or add --force if you are sure'));
    }
    if (await exists(publicFile)) {
      throw new UserError(bi(`${publicFile} 已存在（另一个密钥的公钥）`, `${publicFile} already exists (the public key of another key)`), bi('用 --public <文件> 换一个公钥文件名，或确认后加 --force', 'name another public key file with --public <file>, or add --force if you are sure'));
    }
  }
  const key = await createSigningKey(args.name ?? 'store signing key');
  const stored = args.passphrase ? await protectSigningKey(key, await chooseNewPassphrase()) : key;
  const publicKey = `${JSON.stringify(publicPart(key), null, 2)}\n`;
  await writeFile(out, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  await writeFile(publicFile, publicKey);
  const guarded = args.passphrase
    ? bi('私钥有密码保护：生成或签名内容包时会询问密码（或读取 KIOSK_PACK_PASSPHRASE）。', 'The private key is protected by your passphrase: build and sign ask for it (or read KIOSK_PACK_PASSPHRASE).')
    : bi('私钥没有密码保护：请妥善保管（有它就能向互动屏发布内容）；需要时用 --passphrase 生成有密码的密钥。', 'The private key has no passphrase: keep it safe (whoever has it can publish to your kiosks); use --passphrase for a protected key.');
  const lines = [
    bi(`已生成签名密钥 ${key.keyId}：私钥保存在 ${out}，公钥保存在 ${publicFile}。`, `Signing key ${key.keyId}: the private key is in ${out}, the public key in ${publicFile}.`),
    guarded,
    bi(`把公钥（${publicFile}，内容如下）放进每台互动屏配置的 packs.trustedKeys：`, `Put the public key (${publicFile}, printed below) into packs.trustedKeys of every kiosk's config:`),
  ];
  console.error(lines.map(bothLines).join('\n'));
  process.stdout.write(publicKey);
  return EXIT.ok;
}
