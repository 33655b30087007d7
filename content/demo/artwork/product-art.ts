// A product picture (800×800): the product's shape on a soft card, its name below.
import { CJK_FONTS, escapeXml } from '../../lib/media/svg-raster.ts';
import type { Look } from './looks.ts';

export const figure = (look: Look, x: number, y: number, size: number) => `<g transform="translate(${x} ${y}) scale(${size / 400})">${look.shape(look.colours)}</g>`;

export function productSvg(look: Look, name: { zh: string; en?: string }, background: string): string {
  const zhSize = name.zh.length > 8 ? 48 : 58;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <rect width="800" height="800" fill="${background}"/>
  <circle cx="400" cy="330" r="270" fill="#ffffff" opacity="0.7"/>
  <ellipse cx="400" cy="575" rx="190" ry="22" fill="#000000" opacity="0.07"/>
  ${figure(look, 160, 70, 480)}
  <rect x="0" y="630" width="800" height="170" fill="#ffffff"/>
  <rect x="0" y="630" width="800" height="8" fill="${look.colours.main}"/>
  <text x="400" y="705" font-family="${CJK_FONTS}" font-size="${zhSize}" font-weight="700" fill="#263238" text-anchor="middle">${escapeXml(name.zh)}</text>
  ${name.en ? `<text x="400" y="765" font-family="${CJK_FONTS}" font-size="30" fill="#607d8b" text-anchor="middle">${escapeXml(name.en)}</text>` : ''}
</svg>`;
}
