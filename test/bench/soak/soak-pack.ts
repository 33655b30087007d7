// The pack the soak runs on: the demo pack (its real pictures, attract video and three
// games) with every game short and always paying out, so each shopper loop ends every
// game with a coupon on screen. Its prize limits are lifted (no cooldown, no daily cap,
// every hour) and its schedule has no dayparts, so a two-hour run sees the same loop
// from start to end. The web host does not check the signature; the manifest's hashes
// are brought up to date.
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILES, MANIFEST_FILE } from '../../../content/schema/layout.ts';

/** Seconds each kind of game lasts in the soak (the schema's minimum is 5). */
const DURATION_SEC: Record<string, number> = { catch: 10, wheel: 5, scratch: 10 };

export interface SoakPack {
  dir: string;
  games: { id: string; kind: string }[];
}

export async function writeSoakPack(demoPackDir: string, dir: string): Promise<SoakPack> {
  await cp(demoPackDir, dir, { recursive: true });
  const manifestFile = path.join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
    schedule: { default: { playlist: string; games: string[] }; dayparts?: unknown };
    files: Record<string, { sha256: string; size: number }>;
  };
  const edit = async <T>(file: string, change: (data: T) => T) => {
    const target = path.join(dir, ...file.split('/'));
    const bytes = Buffer.from(`${JSON.stringify(change(JSON.parse(await readFile(target, 'utf8')) as T), null, 2)}\n`);
    await writeFile(target, bytes);
    manifest.files[file] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  };

  let games: SoakPack['games'] = [];
  await edit<{ id: string; kind: string; durationSec: number }[]>(DATA_FILES.games, (list) => {
    games = list.map(({ id, kind }) => ({ id, kind }));
    return list.map((g) => ({ ...g, durationSec: DURATION_SEC[g.kind] ?? g.durationSec }));
  });
  await edit<{ awards: { minScore?: number; odds: number }[] }[]>(DATA_FILES.campaigns, (list) =>
    list.map((c) => ({
      ...c,
      windows: [],
      validFrom: '2020-01-01T00:00:00+08:00',
      validTo: '2099-12-31T23:59:59+08:00',
      dailyCapPerKiosk: 1_000_000,
      inventoryPerKiosk: 1_000_000,
      capPerSession: 20,
      cooldownSec: 0,
      awards: c.awards.map(({ minScore: _minScore, ...award }) => ({ ...award, odds: 1 })),
    })),
  );
  delete manifest.schedule.dayparts;
  const order = new Map(manifest.schedule.default.games.map((id, i) => [id, i]));
  games = games.filter((g) => order.has(g.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, games };
}
