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
