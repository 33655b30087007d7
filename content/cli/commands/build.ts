// kiosk-pack build <packDir> --key <key.json> --out <file.kpack> [--resize] [--unpacked <dir>]
import { stat } from 'node:fs/promises';
import { buildPack } from '../../lib/build/build-pack.ts';
import { hashFile } from '../../lib/files/hash-file.ts';
import { readSigningKey } from '../../lib/keys/key-files.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { readArgs, required } from '../args.ts';
import { EXIT, formatSize, printProblems, say, UsageError } from '../output.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = readArgs(
    argv,
    { key: { type: 'string' }, out: { type: 'string' }, unpacked: { type: 'string' }, resize: { type: 'boolean' }, unsigned: { type: 'boolean' } },
    ['packDir'],
  );
  if (!values.out && !values.unpacked) throw new UsageError(bi('缺少 --out <file.kpack>', '--out <file.kpack> is required'));
  if (!values.unsigned) required(values.key, 'key');
  const key = values.key ? await readSigningKey(values.key) : undefined;
  const result = await buildPack(positionals[0]!, { out: values.out, unpackedDir: values.unpacked, key, resize: values.resize ?? false });
  printProblems(result.problems);
  if (!result.ok) {
    say(bi('✗ 没有生成内容包：请先修正上面的错误', '✗ The pack was not built: fix the errors above first'));
    return EXIT.problems;
  }
  const files = Object.values(result.manifest.files);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  say(bi(`✓ 已生成 ${result.manifest.packId} ${result.manifest.version}：${files.length} 个文件，共 ${formatSize(total)}`, `✓ Built ${result.manifest.packId} ${result.manifest.version}: ${files.length} files, ${formatSize(total)} in all`));
  if (values.out) {
    const { sha256 } = await hashFile(values.out);
    say(`  ${values.out}  (${formatSize((await stat(values.out)).size)}, sha256 ${sha256})`);
  }
  if (values.unpacked) say(`  ${values.unpacked}/`);
  say(result.signature ? bi(`  签名密钥 ${result.signature.keyId}（${key?.name}）`, `  signed with key ${result.signature.keyId} (${key?.name})`) : bi('  未签名：用 kiosk-pack sign 签名后互动屏才会接受', '  unsigned: sign it with kiosk-pack sign before kiosks will accept it'));
  return EXIT.ok;
}
