// kiosk-pack verify <file.kpack> --trusted <public-key.json> [--store <id>] [--kiosk <id>]
// Runs the kiosk's own import into a temporary folder, then removes it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PackImportError } from '../../lib/import/import-error.ts';
import { importPack } from '../../lib/import/import-pack.ts';
import { readTrustedKeys } from '../../lib/keys/key-files.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { EXIT, say } from '../output.ts';
import { Progress } from '../progress.ts';
import { refusalLines } from '../refusal.ts';

export async function run(file: string, args: { trusted: string; store?: string; kiosk?: string }): Promise<number> {
  const trustedKeys = await readTrustedKeys(args.trusted);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'kiosk-pack-verify-'));
  const progress = new Progress();
  progress.step(bi('正在按互动屏的标准检查内容包…', 'Checking the pack as a kiosk would…'));
  try {
    const kiosk = args.store ? { storeId: args.store, kioskId: args.kiosk } : undefined;
    const { manifest, signer } = await importPack(file, { stagingDir: path.join(temp, 'pack'), trustedKeys, kiosk, onProgress: (done, total) => progress.update(done, total) });
    progress.end();
    say(bi(`✓ 内容包有效：${manifest.packId} ${manifest.version}，由 ${signer.name}（${signer.keyId}）签名，${Object.keys(manifest.files).length} 个文件全部核对无误`, `✓ The pack is valid: ${manifest.packId} ${manifest.version}, signed by ${signer.name} (${signer.keyId}), all ${Object.keys(manifest.files).length} files match`));
    if (!kiosk) say(bi('  （没有检查目标门店；加 --store <门店编号> 一起检查）', '  (targets not checked; add --store <store id> to check them)'));
    return EXIT.ok;
  } catch (error) {
    progress.end();
    if (!(error instanceof PackImportError)) throw error;
    for (const line of refusalLines({ code: error.code, text: error.text, fix: error.fix, problems: error.problems })) say(line);
    return EXIT.problems;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
