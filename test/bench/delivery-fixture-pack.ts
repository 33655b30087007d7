// The pack the events e2e tests run the kiosk on: the demo pack when it has been built
// (or KIOSK_E2E_PACK), otherwise a minimal one written to a temporary folder. The
// renderer in browser mode reads only the manifest and the data files.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILES, MANIFEST_FILE } from '../../content/schema/layout.ts';
import { Manifest } from '../../content/schema/manifest.ts';
import { Branding } from '../../content/schema/branding.ts';
import { repo } from './delivery-harness.ts';

export async function eventsTestPack(tmpDir: string): Promise<{ dir: string; packId: string; version: string }> {
  const demo = process.env.KIOSK_E2E_PACK ?? path.join(repo, 'dist', 'packs', 'demo');
  const dir = existsSync(path.join(demo, MANIFEST_FILE)) ? demo : path.join(tmpDir, 'events-fixture-pack');
  if (dir !== demo) {
    const manifest = Manifest.parse({
      schemaVersion: 1,
      packId: 'events-fixture',
      version: '1.0.0',
      title: { 'zh-CN': '事件测试内容包', en: 'Events test pack' },
      createdAt: '2026-11-01T00:00:00+08:00',
      schedule: { default: { playlist: 'attract', games: [] } },
      files: {},
    });
    const data: Record<string, unknown> = {
      [DATA_FILES.branding]: Branding.parse({
        storeName: { 'zh-CN': '测试门店', en: 'Test store' },
        colours: { primary: '#e60012', accent: '#ffb300', background: '#ffffff', text: '#222222' },
      }),
      [DATA_FILES.categories]: [],
      [DATA_FILES.promotions]: [],
      [DATA_FILES.campaigns]: [],
      [DATA_FILES.games]: [],
      [DATA_FILES.playlists]: [],
    };
    await mkdir(path.join(dir, 'data'), { recursive: true });
    await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    for (const [file, value] of Object.entries(data)) await writeFile(path.join(dir, file), JSON.stringify(value));
  }
  const manifest = Manifest.parse(JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8'))));
  return { dir, packId: manifest.packId, version: manifest.version };
}
