// kiosk-pack sign <file.kpack> --key <key.json> [--out <file.kpack>]
import { signPackFile } from '../../lib/build/sign-pack.ts';
import { readSigningKey } from '../../lib/keys/key-files.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { readArgs, required } from '../args.ts';
import { EXIT, say } from '../output.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = readArgs(argv, { key: { type: 'string' }, out: { type: 'string' } }, ['file.kpack']);
  const key = await readSigningKey(required(values.key, 'key'));
  const input = positionals[0]!;
  const out = values.out ?? input;
  const { manifest } = await signPackFile(input, key, out);
  say(bi(`✓ 已用密钥 ${key.keyId}（${key.name}）签名 ${manifest.packId} ${manifest.version} → ${out}`, `✓ Signed ${manifest.packId} ${manifest.version} with key ${key.keyId} (${key.name}) → ${out}`));
  return EXIT.ok;
}
