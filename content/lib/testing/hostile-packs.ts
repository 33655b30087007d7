// Real hostile archives, built byte by byte, each with the refusal it must produce.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withCheckDigit } from '../../schema/gtin.ts';
import type { PackImportErrorCode } from '../import/import-error.ts';
import type { ImportOptions } from '../import/import-pack.ts';
import { createSigningKey } from '../keys/key-files.ts';
import { deflatedEntry, deflatedZeros, rawZip, storedEntry, type RawEntry } from './raw-zip.ts';
import { buildSampleKpack, signedEntries, unzipAll } from './sample-pack.ts';

export interface HostileCase {
  name: string;
  file: string;
  code: PackImportErrorCode;
  options?: Partial<Omit<ImportOptions, 'stagingDir' | 'trustedKeys'>>;
}

const replace = (entries: RawEntry[], name: string, next: RawEntry): RawEntry[] => entries.map((e) => (e.name === name ? next : e));
const BOMB_BYTES = 200 * 1024 * 1024;

/** Writes every hostile archive into `dir` (the sample pack is built in `dir` too). */
export async function makeHostilePacks(dir: string): Promise<{ cases: HostileCase[]; good: string }> {
  const { kpack: good, key } = await buildSampleKpack(dir);
  const files = await unzipAll(good);
  const entries = await signedEntries(files, key);
  const cases: HostileCase[] = [];
  const write = async (name: string, code: PackImportErrorCode, bytes: Buffer, options?: HostileCase['options']) => {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.kpack`);
    await writeFile(file, bytes);
    cases.push({ name, file, code, options });
  };
  const withExtra = (extra: RawEntry) => rawZip([...entries, extra]);

  for (const evil of ['../evil', '/abs', 'C:\\x', 'a\\..\\b', 'media/../../evil.png', 'C:/windows/evil']) {
    await write(`zip-slip ${JSON.stringify(evil)}`, 'zip-slip', withExtra(storedEntry(evil, 'owned')));
  }
  await write('file name with a control character', 'bad-file-name', withExtra(storedEntry(Buffer.from('media/a\x01.png'), 'x')));
  await write('symlink entry', 'symlink', withExtra(storedEntry('media/link.png', '/etc/passwd', { externalAttributes: (0o120777 << 16) >>> 0 })));
  await write('duplicate entry', 'duplicate-entry', withExtra(deflatedEntry('data/branding.json', '{}')));
  await write('names that differ only in case', 'duplicate-entry', withExtra(deflatedEntry('media/Apple.png', 'x')));

  const bomb = await deflatedZeros('media/bomb.mp4', BOMB_BYTES);
  await write('zip bomb: 200 MB of zeros', 'zip-bomb', rawZip([...(await signedEntries(new Map([...files, ['media/bomb.mp4', Buffer.alloc(0)]]), key, (m) => {
    (m.files as Record<string, unknown>)['media/bomb.mp4'] = { sha256: '0'.repeat(64), size: BOMB_BYTES };
  })).filter((e) => e.name !== 'media/bomb.mp4'), bomb]));
  const lying = { ...bomb, claimedSize: 1000 };
  await write('zip bomb whose headers claim 1000 bytes', 'zip-bomb', rawZip([...(await signedEntries(new Map([...files, ['media/bomb.mp4', Buffer.alloc(1000)]]), key)).filter((e) => e.name !== 'media/bomb.mp4'), lying]));

  const whole = rawZip(entries);
  await write('truncated in the middle', 'truncated', whole.subarray(0, Math.floor(whole.length / 2)));
  await write('last bytes missing', 'truncated', whole.subarray(0, whole.length - 10));
  await write('not a zip at all', 'not-a-pack', Buffer.from('<html>404 Not Found</html>'.repeat(4)));
  await write('empty file', 'not-a-pack', Buffer.alloc(0));

  const signature = entries.find((e) => e.name === 'manifest.sig')!;
  const sig = JSON.parse(signature.data.toString()) as { signature: string };
  const flipped = Buffer.from(sig.signature, 'base64');
  flipped[10]! ^= 0xff;
  await write('wrong signature', 'bad-signature', rawZip(replace(entries, 'manifest.sig', storedEntry('manifest.sig', JSON.stringify({ ...sig, signature: flipped.toString('base64') })))));
  const manifest = entries.find((e) => e.name === 'manifest.json')!;
  await write('manifest edited after signing', 'bad-signature', rawZip(replace(entries, 'manifest.json', deflatedEntry('manifest.json', Buffer.from(files.get('manifest.json')!.toString().replace('"1.0.0"', '"9.0.0"'))))));
  await write('no signature', 'bad-signature', rawZip(entries.filter((e) => e !== signature)));
  await write('no manifest', 'not-a-pack', rawZip(entries.filter((e) => e !== manifest)));
  await write('signed by an unknown key', 'unknown-key', rawZip(await signedEntries(files, await createSigningKey('stranger'))));

  const apple = files.get('media/apple.png')!;
  const tampered = Buffer.from(apple);
  tampered[tampered.length - 20]! ^= 0x01;
  await write('one tampered file', 'hash-mismatch', rawZip(replace(entries, 'media/apple.png', deflatedEntry('media/apple.png', tampered))));
  await write('a file not in the manifest', 'unlisted-file', withExtra(deflatedEntry('media/extra.png', apple)));
  await write('a listed file missing', 'missing-file', rawZip(entries.filter((e) => e.name !== 'media/milk.png')));

  const games = JSON.parse(files.get('data/games.json')!.toString()) as Record<string, unknown>[];
  games[0]!.durationSec = 3;
  await write('a record breaks the schema', 'schema', rawZip(await signedEntries(new Map([...files, ['data/games.json', Buffer.from(JSON.stringify(games))]]), key)));
  const promotions = [{ id: 'ghost', title: { 'zh-CN': '幽灵' }, products: [withCheckDigit('0690999999999')] }];
  await write('a promotion names a product that does not exist', 'schema', rawZip(await signedEntries(new Map([...files, ['data/promotions.json', Buffer.from(JSON.stringify(promotions))]]), key)));
  await write('a newer pack format', 'unsupported-version', rawZip(await signedEntries(files, key, (m) => (m.schemaVersion = 2))));

  await write('for another store', 'not-for-this-kiosk', rawZip(await signedEntries(files, key, (m) => (m.targets = { stores: ['store-9'], kiosks: [] }))), { kiosk: { storeId: 'store-1', kioskId: 'k1' } });
  await write('for another kiosk', 'not-for-this-kiosk', rawZip(await signedEntries(files, key, (m) => (m.targets = { stores: ['store-1'], kiosks: ['k2'] }))), { kiosk: { storeId: 'store-1', kioskId: 'k1' } });
  await write('expired', 'expired', rawZip(await signedEntries(files, key, (m) => (m.validTo = '2026-01-31T00:00:00+08:00'))), { now: new Date('2026-03-01T00:00:00Z') });
  await write('not valid yet', 'not-yet-valid', rawZip(await signedEntries(files, key, (m) => (m.validFrom = '2026-06-01T00:00:00+08:00'))), { now: new Date('2026-03-01T00:00:00Z') });
  await write('larger than the limit', 'too-large', whole, { limits: { maxTotalBytes: 2000 } });
  await write('more files than the limit', 'too-many-files', whole, { limits: { maxEntries: 5 } });
  return { cases, good };
}
