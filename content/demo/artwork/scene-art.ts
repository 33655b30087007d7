// Store pictures: logo, category icons, promotion banners and attract slides.
import { CJK_FONTS, escapeXml } from '../../lib/media/svg-raster.ts';
import { lighter } from './palette.ts';
import { figure } from './product-art.ts';
import type { Look } from './looks.ts';

const GREEN = '#1b7f3b';
const ORANGE = '#ff8a00';

const text = (x: number, y: number, size: number, fill: string, content: string, weight = 400, anchor = 'start') =>
  `<text x="${x}" y="${y}" font-family="${CJK_FONTS}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`;

const leafMark = (x: number, y: number, s: number, colour: string) =>
  `<path transform="translate(${x} ${y}) scale(${s})" d="M0 60 C0 10 40 -10 90 0 C95 50 60 90 10 80 C30 60 50 40 70 20 C45 35 20 50 0 60Z" fill="${colour}"/>`;

export const logoSvg = () => `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <circle cx="256" cy="256" r="250" fill="${GREEN}"/><circle cx="256" cy="256" r="222" fill="none" stroke="#ffffff" stroke-width="6" opacity="0.5"/>
  ${leafMark(200, 70, 1.3, ORANGE)}
  ${text(256, 310, 120, '#ffffff', '鲜选', 700, 'middle')}
  ${text(256, 380, 46, '#ffffff', 'FreshPick', 600, 'middle')}
</svg>`;

export const categoryIconSvg = (look: Look, background: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" rx="56" fill="${background}"/>${figure(look, 28, 28, 200)}
</svg>`;

export interface Scene {
  title: string;
  subtitle: string;
  note?: string;
  colour: string;
  looks: Look[];
}

/**
 * A wide picture: words on the left, a group of products on the right. Slides carry
 * the store's name; banners (shown smaller) get larger words instead.
 */
export function sceneSvg(scene: Scene, width: number, height: number, withLogo: boolean): string {
  const u = height / (withLogo ? 1080 : 760);
  const spots = [
    [0.69, 0.2, 0.36],
    [0.84, 0.42, 0.3],
    [0.62, 0.52, 0.3],
    [0.78, 0.66, 0.26],
  ];
  const figures = scene.looks.slice(0, 4).map((look, i) => {
    const [fx, fy, fs] = spots[i]!;
    const size = fs! * height;
    return `<circle cx="${fx! * width + size / 2}" cy="${fy! * height + size / 2}" r="${size * 0.55}" fill="#ffffff" opacity="0.22"/>${figure(look, fx! * width, fy! * height, size)}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="${scene.colour}"/>
  <circle cx="${width * 0.78}" cy="${height * 0.5}" r="${height * 0.62}" fill="${lighter(scene.colour, 0.2)}"/>
  <rect x="0" y="${height - 28 * u}" width="${width}" height="${28 * u}" fill="${ORANGE}"/>
  ${withLogo ? `${leafMark(96 * u, 80 * u, 0.75 * u, ORANGE)}${text(180 * u, 135 * u, 52 * u, '#ffffff', '鲜选超市 FreshPick', 700)}` : ''}
  ${text(96 * u, (withLogo ? 470 : 330) * u, 120 * u, '#ffffff', scene.title, 800)}
  ${text(100 * u, (withLogo ? 560 : 420) * u, 50 * u, '#ffffff', scene.subtitle, 500)}
  ${scene.note ? `<rect x="${96 * u}" y="${640 * u}" width="${Math.max(520, scene.note.length * 30) * u}" height="${88 * u}" rx="${44 * u}" fill="${ORANGE}"/>${text(136 * u, 698 * u, 40 * u, '#ffffff', scene.note, 700)}` : ''}
  ${figures.join('')}
</svg>`;
}

/**
 * Where a slide made for a portrait screen keeps nothing but its background: the kiosk
 * fills the screen with it and puts the caption over the top band and the invitation
 * to touch over the bottom band (fractions of the height).
 */
export const PORTRAIT_PLAIN_BANDS = { top: 0.15, bottom: 0.7 } as const;

/** Words broken into lines of about `perLine` characters (CJK text has no spaces: it is cut). */
function wrap(words: string, perLine: number): string[] {
  if (!words.includes(' ')) return words.length <= perLine ? [words] : [words.slice(0, perLine), words.slice(perLine)];
  const lines: string[] = [];
  for (const word of words.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const lines = (x: number, y: number, size: number, content: string[], weight: number, anchor = 'start') =>
  content.map((line, i) => text(x, y + i * size * 1.15, size, '#ffffff', line, weight, anchor)).join('');

/**
 * A 9:16 slide for a portrait screen: the store's name, the words centred, the products
 * in a row of two by two, with plain bands top and bottom (PORTRAIT_PLAIN_BANDS).
 */
export function portraitSceneSvg(scene: Scene, width = 1080, height = 1920): string {
  const u = width / 1080;
  const top = PORTRAIT_PLAIN_BANDS.top * height;
  const bottom = PORTRAIT_PLAIN_BANDS.bottom * height;
  const cx = width / 2;
  const titleSize = 110 * u;
  const titleLines = wrap(scene.title, 8);
  const titleTop = top + 230 * u;
  const subtitleY = titleTop + (titleLines.length - 1) * titleSize * 1.15 + 90 * u;
  const size = 200 * u;
  const gridTop = subtitleY + 60 * u;
  const grid = [
    [cx - size - 20 * u, gridTop],
    [cx + 20 * u, gridTop],
    [cx - size - 20 * u, gridTop + size + 10 * u],
    [cx + 20 * u, gridTop + size + 10 * u],
  ];
  const figures = scene.looks.slice(0, 4).map((look, i) => {
    const [x, y] = grid[i]!;
    return `<circle cx="${x! + size / 2}" cy="${y! + size / 2}" r="${size * 0.55}" fill="#ffffff" opacity="0.22"/>${figure(look, x!, y!, size)}`;
  });
  const noteWidth = Math.min(width - 120 * u, Math.max(520, scene.note ? scene.note.length * 30 : 0) * u);
  const noteTop = Math.min(gridTop + 2 * size + 50 * u, bottom - 100 * u);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="${scene.colour}"/>
  <circle cx="${cx}" cy="${(top + bottom) / 2 + 60 * u}" r="${width * 0.6}" fill="${lighter(scene.colour, 0.2)}"/>
  <rect x="0" y="${height - 28 * u}" width="${width}" height="${28 * u}" fill="${ORANGE}"/>
  ${leafMark(cx - 330 * u, top + 20 * u, 0.75 * u, ORANGE)}${text(cx + 40 * u, top + 75 * u, 52 * u, '#ffffff', '鲜选超市 FreshPick', 700, 'middle')}
  ${lines(cx, titleTop, titleSize, titleLines, 800, 'middle')}
  ${text(cx, subtitleY, 46 * u, '#ffffff', scene.subtitle, 500, 'middle')}
  ${figures.join('')}
  ${scene.note ? `<rect x="${cx - noteWidth / 2}" y="${noteTop}" width="${noteWidth}" height="${88 * u}" rx="${44 * u}" fill="${ORANGE}"/>${text(cx, noteTop + 58 * u, 40 * u, '#ffffff', scene.note, 700, 'middle')}` : ''}
</svg>`;
}

/** An offer banner in one language only (2:1): its title, broken into lines, and a short line under it. */
export function bannerSvg(scene: Scene, width = 1200, height = 600): string {
  const u = height / 760;
  const titleLines = wrap(scene.title, 14);
  const size = (titleLines.length > 2 ? 80 : 96) * u;
  const figures = scene.looks.slice(0, 4).map((look, i) => {
    const spots = [[0.69, 0.2, 0.36], [0.84, 0.42, 0.3], [0.62, 0.52, 0.3], [0.78, 0.66, 0.26]];
    const [fx, fy, fs] = spots[i]!;
    const s = fs! * height;
    return `<circle cx="${fx! * width + s / 2}" cy="${fy! * height + s / 2}" r="${s * 0.55}" fill="#ffffff" opacity="0.22"/>${figure(look, fx! * width, fy! * height, s)}`;
  });
  const titleTop = 300 * u - ((titleLines.length - 1) * size * 1.15) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="${scene.colour}"/>
  <circle cx="${width * 0.78}" cy="${height * 0.5}" r="${height * 0.62}" fill="${lighter(scene.colour, 0.2)}"/>
  <rect x="0" y="${height - 28 * u}" width="${width}" height="${28 * u}" fill="${ORANGE}"/>
  ${lines(96 * u, titleTop, size, titleLines, 800)}
  ${scene.subtitle ? text(100 * u, titleTop + titleLines.length * size * 1.15 + 40 * u, 50 * u, '#ffffff', scene.subtitle, 500) : ''}
  ${figures.join('')}
</svg>`;
}
