// kiosk-pack sign <file.kpack> --key <key.json> [--out <file.kpack>]
import { signPackFile } from '../../lib/build/sign-pack.ts';
import { readSigningKey } from '../../lib/keys/key-files.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { EXIT, say } from '../output.ts';
import { askPassphrase } from '../passphrase.ts';
import { Progress } from '../progress.ts';

export async function run(file: string, args: { key: string; out?: string }): Promise<number> {
  const key = await readSigningKey(args.key, { passphrase: () => askPassphrase(args.key) });
  const out = args.out ?? file;
  const progress = new Progress();
  progress.step(bi('正在核对每个文件并写入签名…', 'Checking every file and writing the signature…'));
  let done = 0;
  const { manifest } = await signPackFile(file, key, out, (bytes, total) => progress.update((done += bytes), total)).finally(() => progress.end());
  say(bi(`✓ 已用密钥 ${key.keyId}（${key.name}）签名 ${manifest.packId} ${manifest.version} → ${out}`, `✓ Signed ${manifest.packId} ${manifest.version} with key ${key.keyId} (${key.name}) → ${out}`));
  return EXIT.ok;
}
