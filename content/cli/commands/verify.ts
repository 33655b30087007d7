// kiosk-pack verify <file.kpack> --trusted <pub.json> [--store <id>] [--kiosk <id>]
// Runs the kiosk's own import into a temporary folder, then removes it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PackImportError } from '../../lib/import/import-error.ts';
import { importPack } from '../../lib/import/import-pack.ts';
import { readTrustedKeys } from '../../lib/keys/key-files.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { formatProblem } from '../../lib/report/format-problem.ts';
import { readArgs, required } from '../args.ts';
import { EXIT, say } from '../output.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = readArgs(argv, { trusted: { type: 'string' }, store: { type: 'string' }, kiosk: { type: 'string' } }, ['file.kpack']);
  const trustedKeys = await readTrustedKeys(required(values.trusted, 'trusted'));
  const temp = await mkdtemp(path.join(os.tmpdir(), 'kiosk-pack-verify-'));
  try {
    const kiosk = values.store ? { storeId: values.store, kioskId: values.kiosk } : undefined;
    const { manifest, signer } = await importPack(positionals[0]!, { stagingDir: path.join(temp, 'pack'), trustedKeys, kiosk });
    say(bi(`✓ 内容包有效：${manifest.packId} ${manifest.version}，由 ${signer.name}（${signer.keyId}）签名，${Object.keys(manifest.files).length} 个文件全部核对无误`, `✓ The pack is valid: ${manifest.packId} ${manifest.version}, signed by ${signer.name} (${signer.keyId}), all ${Object.keys(manifest.files).length} files match`));
    if (!kiosk) say(bi('  （没有检查目标门店；加 --store <门店编号> 一起检查）', '  (targets not checked; add --store <store id> to check them)'));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof PackImportError)) throw error;
    say(`✗ [${error.code}] ${error.message}`);
    for (const problem of error.problems.slice(0, 20)) say(`\n${formatProblem(problem)}`);
    return EXIT.problems;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
