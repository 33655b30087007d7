// kiosk-pack keygen --out <key.json> [--name <name>] [--force]
import { access, writeFile } from 'node:fs/promises';
import { createSigningKey, publicPart } from '../../lib/keys/key-files.ts';
import { bi, bothLines } from '../../lib/report/bilingual.ts';
import { UserError } from '../../lib/report/user-error.ts';
import { readArgs, required } from '../args.ts';
import { EXIT } from '../output.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = readArgs(argv, { out: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean' } }, []);
  const out = required(values.out, 'out');
  const exists = await access(out).then(() => true, () => false);
  if (exists && !values.force) {
    throw new UserError(bi(`${out} 已存在；覆盖会让用旧密钥的互动屏不再接受新内容包`, `${out} already exists; replacing it means kiosks that trust the old key refuse new packs`), bi('换一个文件名，或确认后加 --force', 'choose another file name, or add --force if you are sure'));
  }
  const key = await createSigningKey(values.name ?? 'store signing key');
  await writeFile(out, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
  console.error(
    bothLines(
      bi(
        `已生成签名密钥 ${key.keyId}，保存在 ${out}。请妥善保管（有它就能向互动屏发布内容）。\n下面的公钥 JSON 放进每台互动屏配置的 packs.trustedKeys：`,
        `Signing key ${key.keyId} written to ${out}. Keep it safe: whoever has it can publish to your kiosks.\nPut the public key JSON below into packs.trustedKeys of every kiosk's config:`,
      ),
    ),
  );
  console.log(JSON.stringify(publicPart(key), null, 2));
  return EXIT.ok;
}
