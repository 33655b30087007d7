// Pictures and videos of a draft: an upload streams into incoming/ (never held whole in
// memory), is checked exactly as `kiosk-pack validate` checks media (a name the kiosk can
// serve, a real picture of the type its name says, within the size limits, an SVG without
// scripts), and only then takes its place in the draft's media/.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { MAX_MEDIA_UPLOAD_BYTES, type DraftMediaRow } from '../../../content/schema/hub-api/console/pack-drafts.ts';
import type { PackProblem } from '../../../content/schema/hub-api/console/packs.ts';
import { PackPath } from '../../../content/schema/primitives.ts';
import { DEFAULT_MEDIA_LIMITS, imageFormatOf, isVideo } from '../../../content/lib/media/media-types.ts';
import { bi } from '../../../content/lib/report/bilingual.ts';
import { MEDIA_DIR } from '../../../content/lib/source/source-layout.ts';
import { HttpError } from '../http/http-error.ts';
import { problemRow } from '../packs/check-report.ts';
import { incomingFile, type DraftFolder } from './draft-folder.ts';
import { saveUpload } from './receive-upload.ts';

/** A refused picture: the route answers 422 with the problems (nothing was kept). */
export class MediaRefused extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems[0]?.message.en ?? 'the file was refused');
  }
}

/** A media path a kiosk can serve ("media/products/apple.png"), or a 422 that says how to name it. */
export function checkedMediaPath(mediaPath: string): string {
  const ok = mediaPath.startsWith(`${MEDIA_DIR}/`) && PackPath.safeParse(mediaPath).success && (imageFormatOf(mediaPath) !== undefined || isVideo(mediaPath));
  if (ok) return mediaPath;
  throw new MediaRefused([
    problemRow({
      severity: 'error',
      file: mediaPath,
      message: bi('文件名或类型不对：需放在 media/ 下，只用英文字母、数字、- 和 _，图片为 .png .jpg .webp .svg，视频为 .mp4 .webm', 'the name or type is wrong: it goes under media/, with letters, digits, - and _ only; pictures are .png .jpg .webp .svg, videos .mp4 .webm'),
      fix: bi('改名后重新上传，例如 media/products/apple-red.png', 'rename it and upload again, e.g. media/products/apple-red.png'),
    }),
  ]);
}

export async function putMedia(folder: DraftFolder, mediaPath: string, body: Readable, declaredBytes: number | null): Promise<{ media: DraftMediaRow; warnings: PackProblem[] }> {
  checkedMediaPath(mediaPath);
  const checkDir = await incomingFile(folder);
  const file = path.join(checkDir, ...mediaPath.split('/'));
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const bytes = await saveUpload(body, file, { limit: MAX_MEDIA_UPLOAD_BYTES, declaredBytes, what: 'file' });
    // sharp, loaded with the first media upload rather than with the hub.
    const { checkMediaFiles } = await import('../../../content/lib/media/check-media.ts');
    const check = await checkMediaFiles(checkDir, [mediaPath], { limits: DEFAULT_MEDIA_LIMITS, resize: false, used: new Set([mediaPath]) });
    const errors = check.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new MediaRefused(errors.map(problemRow));
    const target = path.join(folder.source, ...mediaPath.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await rename(file, target);
    return { media: { path: mediaPath, bytes }, warnings: check.problems.filter((p) => p.severity === 'warning').map(problemRow) };
  } finally {
    await rm(checkDir, { recursive: true, force: true });
  }
}

export async function removeMedia(folder: DraftFolder, mediaPath: string): Promise<boolean> {
  checkedMediaPath(mediaPath);
  const target = path.join(folder.source, ...mediaPath.split('/'));
  if (!(await stat(target).then((s) => s.isFile(), () => false))) return false;
  await rm(target);
  return true;
}

/** Every file under media/, with its size. */
export async function listMedia(folder: DraftFolder): Promise<DraftMediaRow[]> {
  const root = path.join(folder.source, MEDIA_DIR);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const rows: DraftMediaRow[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    rows.push({ path: path.relative(folder.source, abs).split(path.sep).join('/'), bytes: (await stat(abs)).size });
  }
  return rows.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The file behind a media path of the draft (for the forms to show), or a 404. */
export async function mediaFile(folder: DraftFolder, mediaPath: string): Promise<{ file: string; bytes: number }> {
  checkedMediaPath(mediaPath);
  const file = path.join(folder.source, ...mediaPath.split('/'));
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new HttpError(404, 'not-found', `The draft has no ${mediaPath}.`);
  return { file, bytes: info.size };
}
