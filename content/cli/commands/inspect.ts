// kiosk-pack inspect <file.kpack> [--json]: what a pack holds, read without verifying it.
import { CATALOG_INDEX_FILE, DATA_FILES } from '../../schema/layout.ts';
import { localize } from '../../schema/localized.ts';
import { openPackArchive } from '../../lib/import/pack-archive.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { EXIT, formatSize, say } from '../output.ts';

export async function run(file: string, args: { json?: boolean }): Promise<number> {
  const archive = await openPackArchive(file);
  try {
    const { manifest, signature } = archive;
    if (args.json) {
      say(JSON.stringify({ manifest, signature }, null, 2));
      return EXIT.ok;
    }
    const files = Object.entries(manifest.files);
    const bytesIn = (prefix: string) => files.filter(([name]) => name.startsWith(prefix)).reduce((sum, [, f]) => sum + f.size, 0);
    const count = async (file: string) => (Object.hasOwn(manifest.files, file) ? ((await archive.readJson(file)) as unknown[]).length : 0);
    const products = Object.hasOwn(manifest.files, CATALOG_INDEX_FILE) ? ((await archive.readJson(CATALOG_INDEX_FILE)) as { productCount: number }).productCount : 0;
    const targets = (list: string[]) => (list.length ? list.join(', ') : '*');
    say(`${manifest.packId} ${manifest.version}`);
    say(`  标题         ${localize(manifest.title, 'zh-CN')}`);
    if (manifest.title.en) say(`  title        ${manifest.title.en}`);
    say(`  created      ${manifest.createdAt}`);
    say(`  valid        ${manifest.validFrom ?? '—'} → ${manifest.validTo ?? '—'}`);
    say(`  targets      stores ${targets(manifest.targets.stores)}; kiosks ${targets(manifest.targets.kiosks)}`);
    say(`  schedule     default: playlist ${manifest.schedule.default.playlist}, games ${manifest.schedule.default.games.join(', ') || '—'}; ${manifest.schedule.dayparts.length} daypart(s)`);
    say(`  products     ${products}`);
    for (const name of ['categories', 'promotions', 'campaigns', 'games', 'playlists'] as const) say(`  ${name.padEnd(12)} ${await count(DATA_FILES[name])}`);
    say(`  files        ${files.length}: data ${formatSize(bytesIn('data/'))}, catalog ${formatSize(bytesIn('catalog/'))}, media ${formatSize(bytesIn('media/'))}`);
    say(signature ? `  signature    Ed25519, key ${signature.keyId}` : bi('  签名         没有签名', '  signature    none (unsigned)'));
    say(bi('  （只是查看，没有验证；验证请用 kiosk-pack verify）', '  (shown, not verified: use kiosk-pack verify)'));
    return EXIT.ok;
  } finally {
    archive.close();
  }
}
