// kiosk-pack build <pack-folder> --key <key.json> --out <file.kpack> [--resize] [--unpacked <dir>] [--unsigned]
import { stat } from 'node:fs/promises';
import { buildPack, type BuildStep } from '../../lib/build/build-pack.ts';
import { hashFile } from '../../lib/files/hash-file.ts';
import { readSigningKey } from '../../lib/keys/key-files.ts';
import { bi, type Bilingual } from '../../lib/report/bilingual.ts';
import { EXIT, formatSize, printProblems, say, UsageError } from '../output.ts';
import { askPassphrase } from '../passphrase.ts';
import { Progress } from '../progress.ts';

export interface BuildArgs {
  key?: string;
  out?: string;
  unpacked?: string;
  resize?: boolean;
  unsigned?: boolean;
}

const STEPS: Record<BuildStep, Bilingual> = {
  checking: bi('正在检查内容包文件夹…', 'Checking the pack folder…'),
  hashing: bi('正在计算每个文件的校验值…', 'Computing the checksum of every file…'),
  writing: bi('正在写入内容包…', 'Writing the pack…'),
};

export async function run(folder: string, args: BuildArgs): Promise<number> {
  if (!args.out && !args.unpacked) throw new UsageError(bi('缺少 --out <file.kpack> 选项', '--out <file.kpack> is required'));
  if (!args.unsigned && !args.key) throw new UsageError(bi('缺少 --key <key.json> 选项（或者加 --unsigned 生成未签名的内容包）', '--key is required (or add --unsigned for an unsigned pack)'));
  const key = args.key ? await readSigningKey(args.key, { passphrase: () => askPassphrase(args.key!) }) : undefined;
  const progress = new Progress();
  let current: BuildStep | undefined;
  const result = await buildPack(folder, {
    out: args.out,
    unpackedDir: args.unpacked,
    key,
    resize: args.resize ?? false,
    onProgress: (step, done, total) => {
      if (step !== current) progress.step(STEPS[(current = step)], total);
      progress.update(done, total);
    },
  }).finally(() => progress.end());
  printProblems(result.problems);
  if (!result.ok) {
    say(bi('✗ 没有生成内容包：请先修正上面的错误', '✗ The pack was not built: fix the errors above first'));
    return EXIT.problems;
  }
  const files = Object.values(result.manifest.files);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  say(bi(`✓ 已生成 ${result.manifest.packId} ${result.manifest.version}：${files.length} 个文件，共 ${formatSize(total)}`, `✓ Built ${result.manifest.packId} ${result.manifest.version}: ${files.length} files, ${formatSize(total)} in all`));
  if (args.out) {
    const size = (await stat(args.out)).size;
    progress.step(bi('正在计算内容包的 SHA-256…', "Computing the pack's SHA-256…"), size);
    const { sha256 } = await hashFile(args.out, (bytes) => progress.add(bytes)).finally(() => progress.end());
    say(`  ${args.out}  (${formatSize(size)}, sha256 ${sha256})`);
  }
  if (args.unpacked) say(`  ${args.unpacked}/`);
  say(result.signature ? bi(`  签名密钥 ${result.signature.keyId}（${key?.name}）`, `  signed with key ${result.signature.keyId} (${key?.name})`) : bi('  未签名：用 kiosk-pack sign 签名后互动屏才会接受', '  unsigned: sign it with kiosk-pack sign before kiosks will accept it'));
  return EXIT.ok;
}
