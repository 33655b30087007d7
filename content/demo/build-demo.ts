// Builds the demo pack (鲜选超市 FreshPick Market): draws its pictures, signs it with the
// demo key into <outDir>/demo.kpack, then imports that file with the kiosk's own
// importPack into <outDir>/demo/ — so the browser-mode pack is exactly what a kiosk
// accepts. Skips everything when its inputs have not changed.
//
//   npx tsx content/demo/build-demo.ts [outDir]     (default dist/packs)
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrustedKey } from '../schema/kiosk-config.ts';
import { listFiles } from '../lib/files/list-files.ts';
import { defaultMedia, resolveMedia, type MediaSource } from '../schema/media-variants.ts';

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));
const CONTENT_DIR = path.join(DEMO_DIR, '..');
const SOURCE_DIR = path.join(DEMO_DIR, 'pack');
const PRIVATE_KEY = path.join(DEMO_DIR, 'keys', 'demo-signing-key.DEMO-ONLY.json');
const PUBLIC_KEY = path.join(DEMO_DIR, 'keys', 'demo-public-key.json');
/** Fixed, so the same inputs give the same demo.kpack. */
const CREATED_AT = new Date('2026-11-01T00:00:00+08:00');

export interface DemoPack {
  kpack: string;
  unpackedDir: string;
  publicKey: TrustedKey;
  /** False when the existing build was up to date. */
  rebuilt: boolean;
}

/** A digest of everything the demo build reads: its data, the pack library and schema, and whether ffmpeg is there. */
async function inputsDigest(ffmpeg: boolean): Promise<string> {
  const hash = createHash('sha256').update(`ffmpeg=${ffmpeg};node=${process.versions.node.split('.')[0]}\n`);
  for (const dir of ['demo', 'lib', 'schema']) {
    const { files } = await listFiles(path.join(CONTENT_DIR, dir));
    for (const file of files.filter((f) => !f.endsWith('.test.ts'))) {
      hash.update(`${dir}/${file}\0`).update(await readFile(path.join(CONTENT_DIR, dir, file))).update('\0');
    }
  }
  return hash.digest('hex');
}

const exists = (file: string) => stat(file).then(() => true, () => false);

/** What buildDemoPack reports as it goes, and how many pictures it draws at once (default 4). */
export interface DemoBuildOptions {
  /** Called with each file as it starts making it, so a crash can name the file. */
  onMaking?: (file: string) => void;
  drawConcurrency?: number;
}

async function drawMedia(sourceDir: string, options: DemoBuildOptions): Promise<void> {
  const { demoMediaJobs } = await import('./artwork/demo-media.ts');
  const { rasterise } = await import('../lib/media/svg-raster.ts');
  const json = async (file: string) => JSON.parse(await readFile(path.join(sourceDir, file), 'utf8'));
  const jobs = [...demoMediaJobs({ products: await json('data/products.json'), categories: await json('data/categories.json'), promotions: await json('data/promotions.json') })];
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const [file, { svg, format }] = job;
      options.onMaking?.(file);
      const target = path.join(sourceDir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, await rasterise(svg(), format));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.drawConcurrency ?? 4) }, worker));
}

async function addAttractVideo(sourceDir: string, options: DemoBuildOptions): Promise<void> {
  const { makeAttractVideo } = await import('./artwork/attract-video.ts');
  const playlistsFile = path.join(sourceDir, 'data', 'playlists.json');
  const playlists = JSON.parse(await readFile(playlistsFile, 'utf8')) as { id: string; items: { kind: string; src: MediaSource }[] }[];
  const day = playlists.find((p) => p.id === 'attract-day');
  if (!day) return;
  const slides = day.items.filter((i) => i.kind === 'image');
  const video = 'media/video/attract.mp4';
  const portrait = 'media/video/attract-9x16.mp4';
  await mkdir(path.join(sourceDir, 'media', 'video'), { recursive: true });
  options.onMaking?.(video);
  await makeAttractVideo(slides.map((i) => path.join(sourceDir, defaultMedia(i.src))), path.join(sourceDir, video));
  // A portrait screen plays a portrait cut, made from the slides' portrait variants.
  options.onMaking?.(portrait);
  const portraitSlides = slides.map((i) => path.join(sourceDir, resolveMedia(i.src, { locale: 'zh-CN', orientation: 'portrait' })));
  await makeAttractVideo(portraitSlides, path.join(sourceDir, portrait), { width: 720, height: 1280 });
  day.items.push({ kind: 'video', src: { src: video, portrait }, caption: { 'zh-CN': '鲜选超市 每天新鲜到店', en: 'FreshPick Market: fresh every day' } } as never);
  await writeFile(playlistsFile, `${JSON.stringify(playlists, null, 2)}\n`);
}

export async function buildDemoPack(outDir: string, options: DemoBuildOptions = {}): Promise<DemoPack> {
  const out = path.resolve(outDir);
  const kpack = path.join(out, 'demo.kpack');
  const unpackedDir = path.join(out, 'demo');
  const stamp = path.join(out, '.demo-inputs.sha256');
  const publicKey = JSON.parse(await readFile(PUBLIC_KEY, 'utf8')) as TrustedKey;
  const { hasFfmpeg } = await import('./artwork/attract-video.ts');
  const ffmpeg = await hasFfmpeg();
  const digest = await inputsDigest(ffmpeg);
  if ((await readFile(stamp, 'utf8').catch(() => '')) === digest && (await exists(kpack)) && (await exists(path.join(unpackedDir, 'manifest.json')))) {
    return { kpack, unpackedDir, publicKey, rebuilt: false };
  }

  const { buildPack } = await import('../lib/build/build-pack.ts');
  const { importPack } = await import('../lib/import/import-pack.ts');
  const { readSigningKey } = await import('../lib/keys/key-files.ts');
  const { formatProblem } = await import('../lib/report/format-problem.ts');
  await mkdir(out, { recursive: true });
  // Per process, so two builds at once (npm start and a test run) do not share scratch space.
  const work = path.join(out, `.demo-build-${process.pid}`);
  const staging = path.join(out, `.demo-import-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
  await rm(stamp, { force: true });
  try {
    const sourceDir = path.join(work, 'source');
    await cp(SOURCE_DIR, sourceDir, { recursive: true });
    await drawMedia(sourceDir, options);
    if (ffmpeg) await addAttractVideo(sourceDir, options);
    options.onMaking?.(path.relative(process.cwd(), kpack));
    const result = await buildPack(sourceDir, { out: kpack, key: await readSigningKey(PRIVATE_KEY), createdAt: CREATED_AT });
    if (!result.ok) throw new Error(`the demo pack does not validate:\n${result.problems.map(formatProblem).join('\n\n')}`);
    await importPack(kpack, { stagingDir: staging, trustedKeys: [publicKey] });
    await rm(unpackedDir, { recursive: true, force: true });
    await rename(staging, unpackedDir);
    await writeFile(stamp, digest);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
  return { kpack, unpackedDir, publicKey, rebuilt: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = Date.now();
  const result = await buildDemoPack(process.argv[2] ?? 'dist/packs');
  console.log(`${result.rebuilt ? 'built' : 'up to date'}: ${result.kpack} + ${result.unpackedDir}/ (${Date.now() - started} ms)`);
}
