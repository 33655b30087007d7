// Checks the files in a pack's media/: names a kiosk can serve, real images of the type
// their name says, sizes within the budget, SVGs without scripts, nothing unused.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { PackPath } from '../../schema/primitives.ts';
import { bi, type Bilingual } from '../report/bilingual.ts';
import type { Problem, Where } from '../report/problem.ts';
import { imageFormatOf, isVideo, type MediaLimits } from './media-types.ts';

export interface MediaCheckOptions {
  limits: MediaLimits;
  /** Images over the limits will be shrunk by the build (reported as warnings, listed in `toResize`). */
  resize: boolean;
  /** Media paths some record uses; others get an "unused" warning. */
  used: ReadonlySet<string>;
}

export interface MediaCheck {
  problems: Problem[];
  toResize: string[];
}

const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const SVG_ACTIVE = /<script|javascript:|<foreignObject|\son[a-z]+\s*=/i;
/** Words in an SVG are drawn with the kiosk's system fonts (a picture cannot use the app's own), which may have no Chinese. */
const SVG_TEXT = /<text[\s>]/i;

async function checkOne(dir: string, file: string, options: MediaCheckOptions, out: MediaCheck): Promise<void> {
  const where: Where = { file };
  const error = (message: Bilingual, fix: Bilingual) => out.problems.push({ severity: 'error', ...where, message, fix });
  const warn = (message: Bilingual, fix: Bilingual) => out.problems.push({ severity: 'warning', ...where, message, fix });
  if (!PackPath.safeParse(file).success) {
    error(bi('文件名里有空格、中文或特殊符号，互动屏无法使用', 'the file name has spaces, Chinese or other special characters the kiosk cannot use'), bi('改用英文字母、数字、- 和 _ 命名，例如 apple-red.png，并同步修改引用它的地方', 'rename it with letters, digits, - and _ (e.g. apple-red.png) and update the records that use it'));
    return;
  }
  if (!options.used.has(file)) {
    warn(bi('没有任何地方用到这个文件，它只会让内容包变大', 'nothing uses this file; it only makes the pack bigger'), bi('删除它，或在数据里引用它', 'delete it, or use it in a record'));
  }
  const abs = path.join(dir, file);
  const { size } = await stat(abs);
  if (isVideo(file)) {
    if (size > options.limits.maxVideoBytes) {
      error(bi(`视频太大：${MB(size)}，上限 ${MB(options.limits.maxVideoBytes)}`, `the video is too large: ${MB(size)}, the limit is ${MB(options.limits.maxVideoBytes)}`), bi('压缩视频（例如 1080p、H.264、码率 4 Mbps）后再放进来', 'compress the video (e.g. 1080p, H.264, 4 Mbps) and put it back'));
    }
    return;
  }
  const expected = imageFormatOf(file);
  if (!expected) {
    error(bi('不支持这种文件类型', 'this type of file is not supported'), bi('图片用 .png .jpg .webp .svg，视频用 .mp4 .webm；其他文件请移出 media 文件夹', 'use .png .jpg .webp .svg for pictures and .mp4 .webm for videos; move other files out of media'));
    return;
  }
  if (expected === 'svg' && SVG_ACTIVE.test(await readFile(abs, 'utf8'))) {
    error(bi('SVG 图片里有脚本或事件代码，出于安全不能使用', 'the SVG contains scripts or event handlers, which are not allowed for safety'), bi('导出为普通 SVG（不含脚本），或改用 PNG', 'export a plain SVG without scripts, or use PNG'));
    return;
  }
  const meta = await sharp(abs).metadata().catch(() => null);
  if (!meta) {
    error(bi('这个图片文件已损坏或不是图片', 'this picture is damaged or not a picture'), bi('重新导出这张图片', 'export the picture again'));
    return;
  }
  if (meta.format !== expected) {
    error(bi(`文件名是 .${file.split('.').pop()}，但内容是 ${meta.format} 图片`, `the name ends in .${file.split('.').pop()} but the picture inside is ${meta.format}`), bi('用图片软件另存为正确的格式，或把扩展名改成与内容一致', 'save it again in the right format, or change the extension to match'));
    return;
  }
  if (expected === 'svg') {
    if (SVG_TEXT.test(await readFile(abs, 'utf8'))) {
      warn(
        bi('SVG 图片里有文字，互动屏可能没有对应字体，中文会显示成方框', 'the SVG has text in it; the kiosk may have no font for it and show Chinese as boxes'),
        bi('在设计软件里把文字转为轮廓（路径）后再导出，或导出为 PNG/WebP', 'convert the text to outlines (paths) in the design tool before exporting, or export it as PNG/WebP'),
      );
    }
    if (size > options.limits.maxImageBytes) error(bi(`SVG 太大：${MB(size)}`, `the SVG is too large: ${MB(size)}`), bi('简化图形，或导出为 PNG/WebP', 'simplify it, or export it as PNG/WebP'));
    return;
  }
  const side = Math.max(meta.width ?? 0, meta.height ?? 0);
  const tooWide = side > options.limits.maxImageSide;
  const tooHeavy = size > options.limits.maxImageBytes;
  if (!tooWide && !tooHeavy) return;
  const what = bi(
    `图片太大：${meta.width}×${meta.height} 像素、${MB(size)}（上限 ${options.limits.maxImageSide} 像素、${MB(options.limits.maxImageBytes)}）`,
    `the picture is too large: ${meta.width}×${meta.height} px, ${MB(size)} (limits ${options.limits.maxImageSide} px, ${MB(options.limits.maxImageBytes)})`,
  );
  if (options.resize) {
    out.toResize.push(file);
    warn(what, bi('生成内容包时会自动缩小（--resize）', 'the build shrinks it (--resize)'));
  } else {
    error(what, bi('把图片缩小后再放进来，或在生成时加上 --resize 让工具自动缩小', 'make it smaller, or build with --resize to shrink it automatically'));
  }
}

export async function checkMediaFiles(dir: string, files: readonly string[], options: MediaCheckOptions): Promise<MediaCheck> {
  const out: MediaCheck = { problems: [], toResize: [] };
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) await checkOne(dir, file, options, out);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const order = new Map(files.map((f, i) => [f, i]));
  out.problems.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  out.toResize.sort();
  return out;
}
